import { ServiceCallError, type ServiceCallErrorDetails } from '../common/serviceCallError';

/**
 * What went wrong, reliably enough for the bot to pick a user message:
 *
 * | kind                    | when                                                                          |
 * |-------------------------|-------------------------------------------------------------------------------|
 * | `not_found`             | 404 (customer, subscription, role… does not exist or is no longer ours)       |
 * | `no_delegated_access`   | 401/403 on a customer's users or licenses: no DAP/GDAP for that customer      |
 * | `throttled`             | 429 still answered after the retries, or a Retry-After longer than we wait    |
 * | `precondition`          | relationship removal refused (active subscriptions, reservations…): 400/409/412 on removal other than code 3000, and 409/412 anywhere |
 * | `relationship_not_found`| Partner Center code 3000 "relationship does not exist" (removal repeated)     |
 * | `unavailable`           | 5xx, timeouts, connection failures after the retries; call cancelled          |
 * | `unauthorized`          | 401/403 elsewhere, or no token could be obtained (e.g. user not signed in)    |
 * | `bad_request`           | other 400s, and input the client refuses before sending (bad id, page size, continuation) |
 * | `unknown`               | anything else, including an answer the client could not parse                |
 */
export type PartnerCenterErrorKind =
  | 'not_found'
  | 'no_delegated_access'
  | 'throttled'
  | 'precondition'
  | 'relationship_not_found'
  | 'unavailable'
  | 'unauthorized'
  | 'bad_request'
  | 'unknown';

export const PARTNER_CENTER_ERROR_KINDS: readonly PartnerCenterErrorKind[] = [
  'not_found',
  'no_delegated_access',
  'throttled',
  'precondition',
  'relationship_not_found',
  'unavailable',
  'unauthorized',
  'bad_request',
  'unknown',
];

/** Partner Center's code for "The relationship between the partner and customer does not exist". */
export const PC_CODE_RELATIONSHIP_DOES_NOT_EXIST = 3000;

/** `requestId`: the MS-RequestId sent (the same on every attempt of one call). */
interface PartnerCenterErrorDetails extends ServiceCallErrorDetails {
  /** Partner Center's numeric `code` from the error body. */
  pcCode?: number;
  /** Partner Center's `description` (or the 429 `message`). */
  description?: string;
  correlationId?: string;
}

export class PartnerCenterError extends ServiceCallError<PartnerCenterErrorKind> {
  readonly pcCode?: number;
  readonly description?: string;
  readonly correlationId?: string;

  constructor(kind: PartnerCenterErrorKind, message: string, details: PartnerCenterErrorDetails = {}) {
    super(`PARTNER_CENTER_${kind.toUpperCase()}`, kind, message, details);
    this.pcCode = details.pcCode;
    this.description = details.description;
    this.correlationId = details.correlationId;
  }

  /** Partner Center's own description only, no bodies. */
  protected serviceFields(): Record<string, unknown> {
    return { pcCode: this.pcCode, description: this.description, correlationId: this.correlationId };
  }
}

export function isPartnerCenterError(e: unknown, kind?: PartnerCenterErrorKind): e is PartnerCenterError {
  return e instanceof PartnerCenterError && (kind === undefined || e.kind === kind);
}

/** How an operation interprets statuses that mean different things on different endpoints. */
export interface ErrorClassificationHints {
  /** 401/403 mean "no delegated access" (users, licenses). */
  forbiddenMeansNoDelegatedAccess?: boolean;
  /** 400/409/412 (other than code 3000) mean a relationship precondition (removal). */
  refusalMeansPrecondition?: boolean;
}

/** Maps an HTTP error answer onto a kind. Pure; documented in the table above. */
export function classifyHttpError(
  status: number,
  pcCode: number | undefined,
  hints: ErrorClassificationHints = {},
): PartnerCenterErrorKind {
  if (pcCode === PC_CODE_RELATIONSHIP_DOES_NOT_EXIST) return 'relationship_not_found';
  if (status === 429) return 'throttled';
  if (status === 401 || status === 403) {
    return hints.forbiddenMeansNoDelegatedAccess ? 'no_delegated_access' : 'unauthorized';
  }
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'precondition';
  if (status === 400) return hints.refusalMeansPrecondition ? 'precondition' : 'bad_request';
  if (status >= 500 || status === 408) return 'unavailable';
  if (status >= 400) return 'bad_request';
  return 'unknown';
}
