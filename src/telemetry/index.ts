export { startTelemetry, type Telemetry, type TelemetrySettings, type TelemetryExtras } from './setup';
export {
  currentTraceparent,
  recordTurnError,
  traceHttpAttempt,
  traceInboxProcessing,
  traceJob,
  traceOutboxRetry,
  traceProactiveSend,
  traceTurn,
  traceWebhook,
  withSpan,
} from './spans';
export { traceLogFields } from './logFields';
export { setGauge } from './gauges';
export { METRICS, SPANS } from './names';
export { routeTemplate, turnAttributes } from './attributes';
export { traceCosmosRequest } from './cosmos';
export { telemetryOn } from './state';
