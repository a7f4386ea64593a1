import { trace, TraceFlags, type Span, type Tracer } from '@opentelemetry/api';

let on = false;
let cachedTracer: Tracer | undefined;

export const TRACER_NAME = 'customer-connect';

/** True while a telemetry SDK runs; every helper is a plain pass-through otherwise. */
export function telemetryOn(): boolean {
  return on;
}

export function setTelemetryOn(value: boolean): void {
  on = value;
  cachedTracer = undefined;
}

/**
 * The app's tracer on the provider registered now, looked up once per start (trace.getTracer
 * builds a key and searches the provider's map on every call).
 */
export function tracer(): Tracer {
  cachedTracer ??= trace.getTracer(TRACER_NAME);
  return cachedTracer;
}

/**
 * True for a span of a trace the sampler dropped. By the sampled flag, not `isRecording()`: a
 * parent restored from a stored traceparent is a non-recording wrapper even when sampled.
 */
export function sampledOut(span: Span): boolean {
  return (span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0;
}
