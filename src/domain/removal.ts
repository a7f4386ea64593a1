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
  | 'partnerCenter';

/** The legal-notice statement a confirmation attested to (as recorded in the audit entry). */
export interface AttestationRecord {
  version: string;
  sha256: string;
  language: string;
  source: string;
}

/**
 * What the removal call achieved:
 * - `removed`: Partner Center confirmed it;
 * - `notRemoved`: Partner Center answered, and nothing changed (the relationship was already gone,
 *   the call was refused before it was processed: throttled, unauthorized, bad request);
 * - `refused`: Partner Center refused the removal for a reason the partner must resolve first
 *   (active subscriptions, reservations, an indirect reseller that must ask its provider);
 * - `unknown`: no usable answer (5xx, timeout, unreadable answer): the removal may or may not
 *   have happened. Reading the customer back tells which.
 */
export type RemovalOutcome =
  | { kind: 'removed'; requestId: string }
  | { kind: 'notRemoved'; reason: 'alreadyRemoved' | 'partnerCenter'; error: PartnerCenterError }
  | { kind: 'refused'; reason: 'precondition'; error: PartnerCenterError }
  | { kind: 'unknown'; reason: 'partnerCenter'; error: PartnerCenterError };

/** The outcome of a removal call that failed with `err`. */
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

/** How an outcome is recorded in the audit log (an unknown outcome is a failure until verified). */
export function auditOutcomeOf(outcome: RemovalOutcome): AuditEntry['outcome'] {
  return outcome.kind === 'removed' ? 'succeeded' : 'failed';
}

/** Whether the relationship is gone after this outcome (the customer list must be read afresh). */
export function relationshipGone(outcome: RemovalOutcome): boolean {
  return outcome.kind === 'removed' || (outcome.kind === 'notRemoved' && outcome.reason === 'alreadyRemoved');
}
