import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTelemetry, type Telemetry } from '../../src/telemetry';

export interface InMemoryTelemetry {
  telemetry: Telemetry;
  /** Every finished span, at once (SimpleSpanProcessor). */
  spans: InMemorySpanExporter;
  /** Cumulative metrics, exported on `telemetry.flush()`. */
  metrics: InMemoryMetricExporter;
  /** Names of the metrics recorded so far (flushes first). */
  metricNames(): Promise<Set<string>>;
}

/** Telemetry on with in-memory exporters (start it before the app, so Cosmos requests get spans). */
export async function startInMemoryTelemetry(samplingRatio = 1): Promise<InMemoryTelemetry> {
  const spans = new InMemorySpanExporter();
  const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const telemetry = await startTelemetry(
    { samplingRatio, liveMetrics: false },
    {
      spanProcessors: [new SimpleSpanProcessor(spans)],
      metricReaders: [
        new PeriodicExportingMetricReader({ exporter: metrics, exportIntervalMillis: 3_600_000 }),
      ],
    },
  );
  return {
    telemetry,
    spans,
    metrics,
    async metricNames() {
      await telemetry.flush();
      return new Set(
        metrics
          .getMetrics()
          .flatMap((r) => r.scopeMetrics.flatMap((sm) => sm.metrics.map((m) => m.descriptor.name))),
      );
    },
  };
}
