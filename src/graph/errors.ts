import { ServiceCallError, type ServiceCallErrorDetails } from '../common/serviceCallError';

/**
 * What went wrong with a Microsoft Graph call, reliably enough to pick a user message:
 *
 * | kind                   | when                                                                      |
 * |------------------------|---------------------------------------------------------------------------|
 * | `duplicateDisplayName` | 400 whose message says the display name is taken (names are unique)       |
 * | `badRequest`           | other 400s; input the client refuses before sending                       |
 * | `unauthorized`         | 401, or no token could be obtained                                         |
 * | `forbidden`            | 403 (permission not consented, service principal missing, not Admin agent) |
 * | `notFound`             | 404                                                                       |
 * | `conflict`             | 409 (the relationship's status does not allow the operation)              |
 * | `preconditionFailed`   | 412 (If-Match etag is stale)                                              |
 * | `throttled`            | 429 after the retries, or a Retry-After longer than we wait               |
 * | `unavailable`          | 5xx/408, timeouts, connection failures after the retries; deadline passed; cancelled |
 * | `unknown`              | anything else, including an answer the client could not read              |
 */
export type GraphErrorKind =
  | 'duplicateDisplayName'
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'preconditionFailed'
  | 'throttled'
  | 'unavailable'
  | 'unknown';

/** `requestId`: `innerError.request-id` or the `request-id` header. */
export interface GraphErrorDetails extends ServiceCallErrorDetails {
  /** Graph's `error.code`. */
  graphCode?: string;
  /** Graph's `error.message` (at most 500 characters). */
  graphMessage?: string;
  /** The `client-request-id` we sent (the same on every attempt of one call). */
  clientRequestId?: string;
}

export class GraphError extends ServiceCallError<GraphErrorKind> {
  readonly graphCode?: string;
  readonly graphMessage?: string;
  readonly clientRequestId?: string;

  constructor(kind: GraphErrorKind, message: string, details: GraphErrorDetails = {}) {
    super(`GRAPH_${kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, kind, message, details);
    this.graphCode = details.graphCode;
    this.graphMessage = details.graphMessage;
    this.clientRequestId = details.clientRequestId;
  }

  protected serviceFields(): Record<string, unknown> {
    return {
      graphCode: this.graphCode,
      graphMessage: this.graphMessage,
      clientRequestId: this.clientRequestId,
    };
  }
}

export function isGraphError(e: unknown, kind?: GraphErrorKind): e is GraphError {
  return e instanceof GraphError && (kind === undefined || e.kind === kind);
}

export interface GraphErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
  date?: string;
}

/** Reads Graph's `{error:{code,message,innerError:{request-id,date}}}`; {} when it is not that. */
export function parseGraphErrorBody(text: string): GraphErrorBody {
  try {
    const body = JSON.parse(text) as unknown;
    const error = (body as { error?: unknown } | null)?.error;
    if (!error || typeof error !== 'object') return {};
    const e = error as Record<string, unknown>;
    const inner = (e['innerError'] ?? e['innererror']) as Record<string, unknown> | undefined;
    const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      code: s(e['code']),
      message: s(e['message'])?.slice(0, 500),
      requestId: s(inner?.['request-id']),
      date: s(inner?.['date']),
    };
  } catch {
    return {};
  }
}

/** Maps an HTTP error answer onto a kind. Pure; documented in the table above. */
export function classifyGraphError(status: number, body: GraphErrorBody): GraphErrorKind {
  if (status === 400) {
    const text = `${body.code ?? ''} ${body.message ?? ''}`;
    if (/display\s*name/i.test(text) && /(exist|unique|duplicate|already|taken)/i.test(text)) {
      return 'duplicateDisplayName';
    }
    return 'badRequest';
  }
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 412) return 'preconditionFailed';
  if (status === 429) return 'throttled';
  if (status === 408 || status >= 500) return 'unavailable';
  if (status >= 400) return 'badRequest';
  return 'unknown';
}
