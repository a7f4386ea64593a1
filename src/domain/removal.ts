import type { PartnerCenterError } from '../partnerCenter/errors';
import type { AuditEntry } from './audit';

/**
 * Removing a customer's reseller relationship, as plain data: why an attempt ended as it did, and
 * what the removal call achieved. No botbuilder.
 */

/** Why an attempt ended as it did (`details.reason` of its audit entry; the audit card translates known ones). */
export type RemovalReason =
  | 'role'
  | 'notAttested'
  | 'customerMismatch'
  | 'userCancelled'
  | 'flowCancelled'
  | 'alreadyRemoved'
  | 'precondition'
  | 'indirectReseller'
  | 'partnerCenter';

/** The legal-notice statement a confirmation attested to (as recorded in the audit entry). */
export interface AttestationRecord {
  version: string;
  sha256: string;
  language: string;
  source: string;
}

/**
 * What a write whose outcome was unknown (5xx, timeout, dropped answer) turned out to be after
 * reading the state back: `removed` / `notRemoved` (the read answered), `unknown` (the read failed
 * too). Recorded in the audit as "outcome unknown → verified removed" and so on.
 */
export type Verification = 'removed' | 'notRemoved' | 'unknown';

/**
 * What the removal call achieved:
 * - `removed`: Partner Center confirmed it, or (`verified`) the call's outcome was unknown and
 *   reading the customer back showed the relationship gone;
 * - `notRemoved`: Partner Center answered, and nothing changed (the relationship was already gone,
 *   the call was refused before it was processed: throttled, unauthorized, bad request), or
 *   (`verified`) the outcome was unknown and the read-back showed the relationship still there;
 * - `refused`: Partner Center refused the removal for a reason the partner must resolve first
 *   (active subscriptions, reservations, an indirect reseller that must ask its provider);
 * - `unknown`: no usable answer (5xx, timeout, unreadable answer): the removal may or may not
 *   have happened. Reading the customer back tells which; `readError` when that read failed too.
 */
export type RemovalOutcome =
  | {
      kind: 'removed';
      requestId: string;
      verified?: { error: PartnerCenterError };
      /** Whether DAP remains, when Partner Center's answer says so. */
      allowDelegatedAccess?: boolean;
    }
  | {
      kind: 'notRemoved';
      reason: 'alreadyRemoved' | 'partnerCenter';
      error: PartnerCenterError;
      verified?: boolean;
    }
  | { kind: 'refused'; reason: 'precondition'; error: PartnerCenterError }
  | {
      kind: 'refused';
      reason: 'indirectReseller';
      error: PartnerCenterError;
      /** The indirect providers that can remove it (the customer's own first). */
      providers: { id: string; name: string }[];
    }
  | { kind: 'unknown'; reason: 'partnerCenter'; error: PartnerCenterError; readError?: PartnerCenterError };

/** The outcome of a removal call that failed with `err` (before any read-back). */
export function removalOutcomeOf(err: PartnerCenterError): Exclude<RemovalOutcome, { kind: 'removed' }> {
  switch (err.kind) {
    case 'relationship_not_found':
    case 'not_found':
      return { kind: 'notRemoved', reason: 'alreadyRemoved', error: err };
    case 'precondition':
      return { kind: 'refused', reason: 'precondition', error: err };
    case 'unavailable':
    case 'unknown':
      return { kind: 'unknown', reason: 'partnerCenter', error: err };
    default:
      return { kind: 'notRemoved', reason: 'partnerCenter', error: err };
  }
}

/** What reading the customer back showed: the relationship gone, still there, or the read failed. */
export type RelationshipReadBack = 'gone' | 'present' | { readError: PartnerCenterError };

/** An unknown outcome settled by reading the customer back. */
export function verifiedRemoval(
  outcome: Extract<RemovalOutcome, { kind: 'unknown' }>,
  readBack: RelationshipReadBack,
  requestId: string,
): RemovalOutcome {
  if (readBack === 'gone') return { kind: 'removed', requestId, verified: { error: outcome.error } };
  if (readBack === 'present') {
    return { kind: 'notRemoved', reason: 'partnerCenter', error: outcome.error, verified: true };
  }
  return { ...outcome, readError: readBack.readError };
}

/** How the audit records what reading back settled after a write of unknown outcome. */
export const VERIFICATION_TEXT: Record<Verification, string> = {
  removed: 'outcome unknown → verified removed',
  notRemoved: 'outcome unknown → verified not removed',
  unknown: 'outcome unknown → still unknown',
};

/** For the audit: what reading back settled, when the call's own outcome was unknown. */
export function verificationOf(outcome: RemovalOutcome): Verification | undefined {
  if (outcome.kind === 'removed') return outcome.verified ? 'removed' : undefined;
  if (outcome.kind === 'notRemoved') return outcome.verified ? 'notRemoved' : undefined;
  if (outcome.kind === 'unknown') return 'unknown';
  return undefined;
}

/** How an outcome is recorded in the audit log. */
export function auditOutcomeOf(outcome: RemovalOutcome): AuditEntry['outcome'] {
  if (outcome.kind === 'removed') return 'succeeded';
  return outcome.kind === 'unknown' ? 'unknown' : 'failed';
}

/** Whether the relationship is gone after this outcome (the customer list must be read afresh). */
export function relationshipGone(outcome: RemovalOutcome): boolean {
  return outcome.kind === 'removed' || (outcome.kind === 'notRemoved' && outcome.reason === 'alreadyRemoved');
}
