/**
 * Resilience for every outbound call (Partner Center, Graph, the Bot Connector, webhooks):
 * one retry loop, one backoff, one Retry-After parser, one abortable sleep, one timed HTTP attempt.
 */
export { backoffDelayMs, type BackoffOptions } from './backoff';
export { attemptTimeoutMs, remainingMs } from './deadline';
export {
  httpAttempt,
  isTransientStatus,
  type HttpAttemptOutcome,
  type HttpAttemptRequest,
} from './httpAttempt';
export {
  retry,
  type AttemptVerdict,
  type FixedDelays,
  type GiveUpReason,
  type RetryHooks,
  type RetryInfo,
  type RetryLimits,
  type RetryPolicy,
} from './retry';
export { apiRoot, httpCallSettings, type HttpCallOptions, type HttpCallSettings } from './httpCallOptions';
export { parseRetryAfterMs } from './retryAfter';
export { sleep } from './sleep';
