import { trace, context } from '@opentelemetry/api';
import { telemetryOn } from './state';

/**
 * `trace_id` and `span_id` of the active span, for a pino mixin: a log line then opens its trace
 * (Application Insights: operation_Id = trace_id). Empty while telemetry is off. A new object each
 * time: pino merges the line's fields into it.
 */
export function traceLogFields(): Record<string, string> {
  if (!telemetryOn()) return {};
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
