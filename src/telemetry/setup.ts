import { context, metrics, propagation, trace } from '@opentelemetry/api';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { AsyncLocalContextManager } from './contextManager';
import { resetInstruments } from './instruments';
import { setTelemetryOn } from './state';

export interface TelemetrySettings {
  /** APPLICATIONINSIGHTS_CONNECTION_STRING: Azure Monitor distro on. */
  connectionString?: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: traces and metrics also (or only) over OTLP/HTTP. */
  otlpEndpoint?: string;
  /** Share of traces kept (parent-based), 0…1. */
  samplingRatio: number;
  /** Azure Monitor live metrics (an outbound call to the QuickPulse endpoint). */
  liveMetrics: boolean;
  /** Metric export interval (ms). */
  metricIntervalMs?: number;
}

/** Extra span processors and metric readers (tests: in-memory exporters). */
export interface TelemetryExtras {
  spanProcessors?: SpanProcessor[];
  metricReaders?: MetricReader[];
}

export interface Telemetry {
  /** 'off': no SDK started; the helpers pass through. */
  readonly backend: 'off' | 'azure-monitor' | 'otlp';
  /** Exports what is buffered (spans, metrics). */
  flush(): Promise<void>;
  /** Flushes and stops; call on SIGTERM so the last spans of an instance are not lost. */
  shutdown(): Promise<void>;
}

const SERVICE = { 'service.name': 'customer-connect', 'service.namespace': 'csp' };

const OFF: Telemetry = {
  backend: 'off',
  flush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/**
 * Starts OpenTelemetry when a backend is configured: the Azure Monitor distro with a connection
 * string (http monkey-patching off — the app's spans are manual; Cosmos DB spans come from the
 * HTTP client src/storage gives the SDK, see cosmos.ts), else an SDK of its own exporting over
 * OTLP (or only to the extras a test passes). Nothing configured: nothing starts and the
 * @opentelemetry/api no-ops stay. Start it before the Cosmos client is created.
 */
export async function startTelemetry(
  settings: TelemetrySettings,
  extras: TelemetryExtras = {},
): Promise<Telemetry> {
  if (!settings.connectionString && !settings.otlpEndpoint && !extras.spanProcessors && !extras.metricReaders)
    return OFF;
  // Loaded only when on: telemetry off adds no module to start-up.
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  const { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } =
    await import('@opentelemetry/sdk-trace-base');
  const { MeterProvider, PeriodicExportingMetricReader } = await import('@opentelemetry/sdk-metrics');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const { OTLPMetricExporter } = await import('@opentelemetry/exporter-metrics-otlp-http');
  const otlp = settings.otlpEndpoint?.replace(/\/+$/, '');
  const spanProcessors = [
    ...(otlp ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${otlp}/v1/traces` }))] : []),
    ...(extras.spanProcessors ?? []),
  ];
  const interval = settings.metricIntervalMs ?? 60_000;
  const metricReaders = [
    ...(otlp
      ? [
          new PeriodicExportingMetricReader({
            exporter: new OTLPMetricExporter({ url: `${otlp}/v1/metrics` }),
            exportIntervalMillis: interval,
          }),
        ]
      : []),
    ...(extras.metricReaders ?? []),
  ];
  if (settings.connectionString) {
    const { shutdownAzureMonitor, useAzureMonitor } = await import('@azure/monitor-opentelemetry');
    useAzureMonitor({
      azureMonitorExporterOptions: { connectionString: settings.connectionString },
      resource: resourceFromAttributes(SERVICE),
      samplingRatio: settings.samplingRatio,
      // No per-second cap: the ratio alone decides (a cap drops the spans of short bursts).
      tracesPerSecond: 0,
      enableLiveMetrics: settings.liveMetrics,
      instrumentationOptions: {
        http: { enabled: false },
        azureSdk: { enabled: true },
        mongoDb: { enabled: false },
        mySql: { enabled: false },
        postgreSql: { enabled: false },
        redis: { enabled: false },
        bunyan: { enabled: false },
        winston: { enabled: false },
      },
      spanProcessors,
      metricReaders,
    });
    setTelemetryOn(true);
    resetInstruments();
    return {
      backend: 'azure-monitor',
      flush: () => flushGlobal(),
      async shutdown() {
        setTelemetryOn(false);
        await shutdownAzureMonitor();
      },
    };
  }
  // Our own SDK (OTLP, or the extras of a test): replace whatever an earlier start registered.
  trace.disable();
  context.disable();
  metrics.disable();
  propagation.disable();
  const resource = resourceFromAttributes(SERVICE);
  const tracerProvider = new BasicTracerProvider({
    resource,
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.samplingRatio) }),
    spanProcessors,
  });
  const meterProvider = new MeterProvider({ resource, readers: metricReaders });
  context.setGlobalContextManager(new AsyncLocalContextManager());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  setTelemetryOn(true);
  resetInstruments();
  return {
    backend: 'otlp',
    async flush() {
      await tracerProvider.forceFlush();
      await meterProvider.forceFlush();
    },
    async shutdown() {
      setTelemetryOn(false);
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
      trace.disable();
      context.disable();
      metrics.disable();
      resetInstruments();
    },
  };
}

async function flushGlobal(): Promise<void> {
  const provider = trace.getTracerProvider() as { getDelegate?: () => unknown };
  const delegate = (provider.getDelegate?.() ?? provider) as { forceFlush?: () => Promise<void> };
  await delegate.forceFlush?.();
}
