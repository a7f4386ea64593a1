import type { Logger } from '../logging/logger';
import {
  apiRoot,
  attemptTimeoutMs,
  httpAttempt,
  httpCallSettings,
  isTransientStatus,
  parseRetryAfterMs,
  remainingMs,
  retry,
  type AttemptVerdict,
  type HttpAttemptOutcome,
  type HttpCallOptions,
  type HttpCallSettings,
} from '../resilience';
import type { CallContext, TokenProvider } from './client';
import {
  classifyHttpError,
  PartnerCenterError,
  type ErrorClassificationHints,
  type PartnerCenterErrorKind,
} from './errors';
import { isRecord, normalizeKeys, num, str } from './normalize';
import { traceHttpAttempt } from '../telemetry/spans';

export const PARTNER_CENTER_BASE_URL = 'https://api.partnercenter.microsoft.com';

export interface PartnerCenterTransportOptions extends HttpCallOptions {
  /**
   * API root, e.g. https://api.partnercenter.microsoft.com or, for the simulator,
   * http://127.0.0.1:3978/simulator/partner-center. A trailing '/' or '/v1' is ignored. A function
   * is asked on every call (embedded mode: the simulator's port is known only once the server listens).
   */
  baseUrl: string | (() => string);
  tokenProvider: TokenProvider;
  logger: Logger;
  /** Optional deadline for a whole logical call incl. retries and waits. */
  totalTimeoutMs?: number;
  /** Sent as MS-PartnerCenter-Application. */
  applicationName?: string;
}

/**
 * When an operation may be repeated: 'always' (reads), 'idempotent-write' (the PATCHes, re-sent with
 * the same MS-RequestId), 'throttle-only' (only after a 429, whose request was not processed).
 */
export type RetryMode = 'always' | 'idempotent-write' | 'throttle-only';

/** One logical call: sent (and perhaps re-sent) by `PartnerCenterTransport.send`. */
export interface Operation {
  name: string;
  method: 'GET' | 'PATCH' | 'POST' | 'PUT';
  /** Path and query relative to the API root, starting with /v1/. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  retry: RetryMode;
  hints?: ErrorClassificationHints;
  /** After an attempt whose outcome is unknown (timeout, dropped, 5xx), this kind means "done already". */
  successAfterAmbiguous?: PartnerCenterErrorKind;
}

interface CallIds {
  operation: string;
  requestId: string;
  correlationId: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/**
 * Partner Center's wire: authorization and tracing headers, timed attempts, retries through the
 * resilience module (429 after Retry-After; 408/5xx/timeouts/connection failures unless the
 * operation is 'throttle-only'), and the classification of failures into `PartnerCenterError`s.
 */
export class PartnerCenterTransport {
  /** The API root (the one place the base URL is read). */
  readonly root: () => string;
  private readonly settings: HttpCallSettings;

  constructor(private readonly options: PartnerCenterTransportOptions) {
    // No trailing '/v1'; an empty base URL means Partner Center's.
    this.root = apiRoot(options.baseUrl, {
      emptyMeans: PARTNER_CENTER_BASE_URL,
      normalize: (root) => root.replace(/\/v1$/i, ''),
    });
    this.root(); // a bad base URL fails here, not on the first call
    this.settings = httpCallSettings(options);
  }

  /** Sends `op` with retries; resolves with the normalized JSON body (undefined when empty). */
  async send(op: Operation, ctx: CallContext): Promise<unknown> {
    const ids: CallIds = {
      operation: op.name,
      requestId: ctx.requestId && GUID.test(ctx.requestId) ? ctx.requestId : this.settings.newId(),
      correlationId:
        ctx.correlationId && /^[\w.-]{1,128}$/.test(ctx.correlationId)
          ? ctx.correlationId
          : this.settings.newId(),
    };
    const url = this.root() + op.path;
    const deadline = earliest(
      this.options.totalTimeoutMs !== undefined ? Date.now() + this.options.totalTimeoutMs : undefined,
      ctx.deadline,
    );
    const logger = this.options.logger;
    let ambiguous = false;
    let elapsedMs = 0;

    const attempt = async (n: number): Promise<AttemptVerdict<unknown>> => {
      if (ctx.signal?.aborted) throw cancelled(ids, n - 1);
      // Too little time left for an answer: not sent at all (a write sent now would only add an unknown outcome).
      if (remainingMs(deadline) < MIN_ATTEMPT_MS) throw deadlineReached(ids, n - 1);
      const timeoutMs = attemptTimeoutMs(this.settings.timeoutMs, deadline);
      const started = Date.now();
      const headers = await this.headers(op, ctx, ids);
      const span = {
        system: 'partner_center',
        operation: op.name,
        method: op.method,
        path: op.path,
        attempt: n,
        requestId: ids.requestId,
      } as const;
      const outcome = await traceHttpAttempt(span, () =>
        httpAttempt(
          {
            url,
            method: op.method,
            headers,
            body: op.body === undefined ? undefined : JSON.stringify(op.body),
            timeoutMs,
            signal: ctx.signal,
          },
          this.settings.fetch,
        ),
      );
      elapsedMs = Date.now() - started;
      if (outcome.type === 'cancelled') throw cancelled(ids, n);
      if (outcome.type === 'response' && outcome.status >= 200 && outcome.status < 300) {
        logger.debug({ ...ids, status: outcome.status, attempt: n, elapsedMs }, 'partner center call');
        const text = outcome.text;
        return {
          kind: 'done',
          value: parseAnswer(op.name, () =>
            text.trim() === '' ? undefined : normalizeKeys(JSON.parse(text)),
          ),
        };
      }
      const repeatable = op.retry !== 'throttle-only';
      if (outcome.type !== 'response') {
        ambiguous = true;
        const error = unavailable(ids, n, outcome, timeoutMs);
        return repeatable ? { kind: 'retry', error } : { kind: 'fail', error };
      }
      const details = parseErrorBody(outcome.text);
      const kind = classifyHttpError(outcome.status, details.pcCode, op.hints);
      if (ambiguous && op.successAfterAmbiguous === kind) {
        logger.info(
          { ...ids, status: outcome.status, pcCode: details.pcCode, attempt: n },
          'partner center: earlier attempt had already succeeded',
        );
        return { kind: 'done', value: undefined };
      }
      const throttled = outcome.status === 429;
      const retryAfterMs = throttled ? parseRetryAfterMs(outcome.headers.get('retry-after')) : undefined;
      const error = new PartnerCenterError(kind, describe(op.name, outcome.status, details), {
        ...ids,
        status: outcome.status,
        pcCode: details.pcCode,
        description: details.description,
        retryAfterMs,
        attempts: n,
      });
      if (throttled) return { kind: 'retry', error, retryAfterMs };
      if (!isTransientStatus(outcome.status)) return { kind: 'fail', error };
      ambiguous = true;
      return repeatable ? { kind: 'retry', error } : { kind: 'fail', error };
    };

    return retry(
      attempt,
      {
        maxAttempts: this.settings.maxAttempts,
        ...this.settings.backoff,
        deadline,
        // The caller's signal cuts the wait short; the next attempt then reports 'cancelled'.
        sleep: (ms) => this.settings.sleep(ms, ctx.signal),
      },
      {
        onRetry: ({ attempt: n, delayMs, error }) => {
          const e = error as PartnerCenterError;
          logger.warn(
            { ...ids, status: e.status, pcCode: e.pcCode, kind: e.kind, attempt: n, elapsedMs, delayMs },
            'partner center call failed; retrying',
          );
        },
      },
    );
  }

  private async headers(op: Operation, ctx: CallContext, ids: CallIds): Promise<Record<string, string>> {
    let token: string;
    try {
      token = await this.options.tokenProvider.getToken(ctx.auth, ctx);
    } catch (cause) {
      if (cause instanceof PartnerCenterError) throw cause;
      // The cause is not attached: token stores may put secrets into their messages.
      throw new PartnerCenterError('unauthorized', 'Could not obtain a Partner Center token', ids);
    }
    const headers: Record<string, string> = {
      ...op.headers,
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'MS-RequestId': ids.requestId,
      'MS-CorrelationId': ids.correlationId,
      'X-Locale': ctx.locale && LOCALE.test(ctx.locale) ? ctx.locale : 'en-US',
      'MS-PartnerCenter-Application': this.options.applicationName ?? 'customer-connect',
    };
    if (op.body !== undefined) headers['Content-Type'] = 'application/json';
    return headers;
  }
}

/** Runs a mapping of an answer; anything but a PartnerCenterError becomes kind 'unknown'. */
export function parseAnswer<T>(operation: string, fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    if (cause instanceof PartnerCenterError) throw cause;
    throw new PartnerCenterError('unknown', `Unexpected Partner Center answer to ${operation}`, {
      operation,
      cause,
    });
  }
}

/** Shortest time left before the deadline for which an attempt is still started. */
export const MIN_ATTEMPT_MS = 200;

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function deadlineReached(ids: CallIds, attempts: number): PartnerCenterError {
  return new PartnerCenterError(
    'unavailable',
    `Partner Center ${ids.operation}: the turn's deadline passed`,
    {
      ...ids,
      attempts,
    },
  );
}

function cancelled(ids: CallIds, attempts: number): PartnerCenterError {
  return new PartnerCenterError('unavailable', `Partner Center ${ids.operation}: cancelled`, {
    ...ids,
    attempts,
  });
}

function unavailable(
  ids: CallIds,
  attempts: number,
  outcome: Extract<HttpAttemptOutcome, { type: 'timeout' | 'network' }>,
  timeoutMs: number,
): PartnerCenterError {
  const what = outcome.type === 'timeout' ? `timed out after ${timeoutMs} ms` : 'connection failed';
  return new PartnerCenterError('unavailable', `Partner Center ${ids.operation}: ${what}`, {
    ...ids,
    attempts,
    cause: outcome.type === 'network' ? outcome.cause : undefined,
  });
}

function parseErrorBody(text: string): { pcCode?: number; description?: string } {
  try {
    const body = normalizeKeys(JSON.parse(text));
    if (!isRecord(body)) return {};
    return {
      pcCode: num(body, 'code'),
      description: (str(body, 'description') ?? str(body, 'message'))?.slice(0, 500),
    };
  } catch {
    return {};
  }
}

function describe(operation: string, status: number, d: { pcCode?: number; description?: string }): string {
  const code = d.pcCode !== undefined ? ` (code ${d.pcCode})` : '';
  return `Partner Center ${operation} failed with HTTP ${status}${code}${d.description ? `: ${d.description}` : ''}`;
}
