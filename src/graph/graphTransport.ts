import type { Logger } from '../logging/logger';
import {
  apiRoot,
  attemptTimeoutMs,
  httpAttempt,
  httpCallSettings,
  parseRetryAfterMs,
  retry,
  type AttemptVerdict,
  type HttpAttemptOutcome,
  type HttpCallOptions,
  type HttpCallSettings,
} from '../resilience';
import { classifyGraphError, GraphError, parseGraphErrorBody } from './errors';
import type { GdapCallOptions } from './gdapClient';
import type { GraphTokenProvider } from './tokens';
import { toCollection } from './wire';
import { traceHttpAttempt } from '../telemetry/spans';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export interface GraphTransportOptions extends HttpCallOptions {
  /**
   * Graph root incl. version, e.g. https://graph.microsoft.com/v1.0 or the simulator's …/simulator/graph/v1.0.
   * A function is asked on every call (embedded mode: the simulator's port is known once the server listens).
   */
  baseUrl?: string | (() => string);
  tokenProvider: GraphTokenProvider;
  logger: Logger;
}

/**
 * 'idempotent': GET and DELETE-with-If-Match, retried on 429, 408, 5xx, timeouts and connection failures.
 * 'once': POSTs that create something. Retried only when Graph cannot have acted: 429 (throttled
 * requests are not processed) and connections refused before anything was sent. After an outcome
 * that is unknown (timeout, 5xx, dropped connection), the POST is not repeated — the operation's
 * `recover` reads the state once instead (displayName is unique, one assignment per group, status
 * moves forward), so nothing is ever created twice.
 */
type RetryMode = 'idempotent' | 'once';

interface Operation<T> {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to the root ('/tenantRelationships/…'), or an absolute next link already checked. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  mode: RetryMode;
  parse: (json: unknown) => T;
  recover?: () => Promise<T | undefined>;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const MAX_PAGES = 1000;

/**
 * One Graph call with tokens, client-request-id, per-attempt timeouts, the caller's deadline and
 * retries — all through src/resilience — and Graph's error shape turned into GraphError.
 */
export class GraphTransport {
  private readonly rootOf: () => string;
  private readonly settings: HttpCallSettings;

  constructor(private readonly options: GraphTransportOptions) {
    this.rootOf = apiRoot(options.baseUrl ?? GRAPH_BASE_URL);
    this.rootOf(); // a bad base URL fails here, not on the first call
    this.settings = httpCallSettings(options);
  }

  /** The Graph root (no trailing slash), from the configured base URL. */
  get root(): string {
    return this.rootOf();
  }

  async collect<T>(
    name: string,
    firstPath: string,
    map: (v: unknown) => T,
    options: GdapCallOptions,
  ): Promise<T[]> {
    const out: T[] = [];
    const seen = new Set<string>();
    let path: string | undefined = firstPath;
    for (let page = 0; path !== undefined; page++) {
      if (page >= MAX_PAGES)
        throw new GraphError('unknown', `Graph ${name}: too many pages`, { operation: name });
      const current: string = path;
      const result = await this.send(
        { name, method: 'GET', path: current, mode: 'idempotent', parse: toCollection },
        options,
      );
      out.push(...result.value.map(map));
      path = result.nextLink === undefined ? undefined : this.checkNextLink(name, result.nextLink);
      if (path !== undefined) {
        if (seen.has(path))
          throw new GraphError('unknown', `Graph ${name}: the same page twice`, { operation: name });
        seen.add(path);
      }
    }
    return out;
  }

  /** A next link must stay on our Graph root: the bearer token is never sent anywhere else. */
  private checkNextLink(name: string, link: string): string {
    let url: URL;
    try {
      url = new URL(link, this.root + '/');
    } catch {
      throw new GraphError('unknown', `Graph ${name}: unreadable @odata.nextLink`, { operation: name });
    }
    if (!url.toString().startsWith(this.root + '/')) {
      throw new GraphError('unknown', `Graph ${name}: @odata.nextLink leaves the Graph root`, {
        operation: name,
      });
    }
    return url.toString();
  }

  async send<T>(op: Operation<T>, options: GdapCallOptions): Promise<T> {
    const clientRequestId =
      options.clientRequestId && GUID.test(options.clientRequestId)
        ? options.clientRequestId
        : this.settings.newId();
    const base = { operation: op.name, clientRequestId };
    const url = op.path.startsWith('http') ? op.path : this.root + op.path;
    const deadline = options.deadline;
    if (deadline !== undefined && Date.now() >= deadline) {
      throw new GraphError('unavailable', `Graph ${op.name}: deadline passed before the call`, base);
    }
    let ambiguous = false;
    const attempt = async (n: number): Promise<AttemptVerdict<T>> => {
      if (options.signal?.aborted) return { kind: 'fail', error: cancelled(base, n - 1) };
      let token: string;
      try {
        token = await this.options.tokenProvider.getToken();
      } catch (cause) {
        const error =
          cause instanceof GraphError
            ? cause
            : new GraphError('unauthorized', 'Could not obtain a Graph token', base);
        return { kind: 'fail', error };
      }
      const headers: Record<string, string> = {
        ...op.headers,
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'client-request-id': clientRequestId,
      };
      if (op.body !== undefined) headers['Content-Type'] = 'application/json';
      const span = {
        system: 'graph',
        operation: op.name,
        method: op.method,
        path: op.path,
        attempt: n,
        requestId: clientRequestId,
      } as const;
      const outcome = await traceHttpAttempt(span, () =>
        httpAttempt(
          {
            url,
            method: op.method,
            headers,
            body: op.body === undefined ? undefined : JSON.stringify(op.body),
            timeoutMs: attemptTimeoutMs(this.settings.timeoutMs, deadline),
            signal: options.signal,
          },
          this.settings.fetch,
        ),
      );
      const verdict = this.judge(op, outcome, n, base);
      if (verdict.ambiguous) ambiguous = true;
      return verdict.verdict;
    };
    try {
      return await retry(
        attempt,
        {
          maxAttempts: this.settings.maxAttempts,
          ...this.settings.backoff,
          deadline,
          signal: options.signal,
          sleep: this.settings.sleep,
        },
        {
          onRetry: ({ attempt: n, delayMs, error }) =>
            this.options.logger.warn(
              { ...(error instanceof GraphError ? error.toLogObject() : base), attempt: n, delayMs },
              'graph call failed; retrying',
            ),
        },
      );
    } catch (error) {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `ambiguous` is set inside the `attempt` closure; TS keeps its initial `false`
      if (ambiguous && op.recover && !options.signal?.aborted) {
        const recovered = await op.recover().catch(() => undefined);
        if (recovered !== undefined) {
          this.options.logger.info(base, 'graph: an attempt with unknown outcome had succeeded');
          return recovered;
        }
      }
      throw error;
    }
  }

  private judge<T>(
    op: Operation<T>,
    outcome: HttpAttemptOutcome,
    attempt: number,
    base: { operation: string; clientRequestId: string },
  ): { verdict: AttemptVerdict<T>; ambiguous: boolean } {
    const idempotent = op.mode === 'idempotent';
    if (outcome.type === 'cancelled')
      return { verdict: { kind: 'fail', error: cancelled(base, attempt) }, ambiguous: false };
    if (outcome.type === 'timeout' || outcome.type === 'network') {
      const neverSent = outcome.type === 'network' && NEVER_SENT.has(errorCode(outcome.cause) ?? '');
      const what =
        outcome.type === 'timeout' ? `timed out after ${outcome.timeoutMs} ms` : 'connection failed';
      const error = new GraphError('unavailable', `Graph ${op.name}: ${what}`, {
        ...base,
        attempts: attempt,
        cause: outcome.type === 'network' ? outcome.cause : undefined,
      });
      const retryable = idempotent || neverSent;
      return {
        verdict: retryable ? { kind: 'retry', error } : { kind: 'fail', error },
        ambiguous: !neverSent,
      };
    }
    const requestId = outcome.headers.get('request-id') ?? undefined;
    if (outcome.status >= 200 && outcome.status < 300) {
      try {
        const json = outcome.text.trim() === '' ? undefined : (JSON.parse(outcome.text) as unknown);
        return { verdict: { kind: 'done', value: op.parse(json) }, ambiguous: false };
      } catch (cause) {
        const error = new GraphError('unknown', `Unexpected Graph answer to ${op.name}`, {
          ...base,
          status: outcome.status,
          requestId,
          cause,
        });
        return { verdict: { kind: 'fail', error }, ambiguous: false };
      }
    }
    const body = parseGraphErrorBody(outcome.text);
    const kind = classifyGraphError(outcome.status, body);
    const retryAfterMs =
      outcome.status === 429 || outcome.status === 503
        ? parseRetryAfterMs(outcome.headers.get('retry-after'))
        : undefined;
    const error = new GraphError(
      kind,
      `Graph ${op.name} failed with HTTP ${outcome.status}${body.code ? ` (${body.code})` : ''}${body.message ? `: ${body.message}` : ''}`,
      {
        ...base,
        status: outcome.status,
        graphCode: body.code,
        graphMessage: body.message,
        requestId: body.requestId ?? requestId,
        retryAfterMs,
        attempts: attempt,
      },
    );
    const serverFault = outcome.status === 408 || outcome.status >= 500;
    const retryable = outcome.status === 429 || (idempotent && serverFault);
    return {
      verdict: retryable ? { kind: 'retry', error, retryAfterMs } : { kind: 'fail', error },
      ambiguous: serverFault,
    };
  }
}

function cancelled(base: { operation: string; clientRequestId: string }, attempts: number): GraphError {
  return new GraphError('unavailable', `Graph ${base.operation}: cancelled`, { ...base, attempts });
}

function errorCode(cause: unknown): string | undefined {
  for (let c: unknown = cause, depth = 0; c && typeof c === 'object' && depth < 4; depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}
