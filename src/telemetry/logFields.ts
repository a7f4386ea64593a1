import { trace, context } from '@opentelemetry/api';
import { telemetryOn } from './state';

const NONE: Readonly<Record<string, string>> = Object.freeze({});

/**
 * `trace_id` and `span_id` of the active span, for a pino mixin: a log line then opens its trace
 * (Application Insights: operation_Id = trace_id). Empty, at no cost, while telemetry is off.
 */
export function traceLogFields(): Readonly<Record<string, string>> {
  if (!telemetryOn()) return NONE;
  const span = trace.getSpan(context.active());
  if (!span) return NONE;
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
