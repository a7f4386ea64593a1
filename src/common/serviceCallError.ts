import { AppError } from './errors';

/** What every failed call to an outside API (Partner Center, Graph) records about itself. */
export interface ServiceCallErrorDetails {
  /** HTTP status; undefined for network errors, timeouts and client-side refusals. */
  status?: number;
  /** The id the service logs the request under (what Microsoft support asks for). */
  requestId?: string;
  /** Client operation name, e.g. 'getCustomer'. */
  operation?: string;
  /** For `throttled`: how long the service asked us to wait. */
  retryAfterMs?: number;
  /** Number of HTTP attempts made. */
  attempts?: number;
  cause?: unknown;
}

/**
 * Base of the typed errors of an outside API: a `kind` to pick the user's message by, and the
 * call's facts for the log. Subclasses add the service's own fields (error codes, messages).
 */
export abstract class ServiceCallError<K extends string> extends AppError {
  readonly kind: K;
  readonly status?: number;
  readonly requestId?: string;
  readonly operation?: string;
  readonly retryAfterMs?: number;
  readonly attempts?: number;

  constructor(code: string, kind: K, message: string, details: ServiceCallErrorDetails) {
    super(code, message, { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.requestId = details.requestId;
    this.operation = details.operation;
    this.retryAfterMs = details.retryAfterMs;
    this.attempts = details.attempts;
  }

  /** Safe to log: no tokens, no bodies beyond the service's own text (`serviceFields`). */
  toLogObject(): Record<string, unknown> {
    return {
      kind: this.kind,
      status: this.status,
      ...this.serviceFields(),
      requestId: this.requestId,
      operation: this.operation,
      attempts: this.attempts,
    };
  }

  /** The service's own fields for the log line. */
  protected abstract serviceFields(): Record<string, unknown>;
}
