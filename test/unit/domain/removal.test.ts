import {
  auditOutcomeOf,
  relationshipGone,
  removalOutcomeOf,
  verificationOf,
  verifiedRemoval,
} from '../../../src/domain/removal';
import { PartnerCenterError, type PartnerCenterErrorKind } from '../../../src/partnerCenter/errors';

describe('removal outcomes', () => {
  it.each<[PartnerCenterErrorKind, string, string]>([
    ['relationship_not_found', 'notRemoved', 'alreadyRemoved'],
    ['not_found', 'notRemoved', 'alreadyRemoved'],
    ['precondition', 'refused', 'precondition'],
    ['unavailable', 'unknown', 'partnerCenter'],
    ['unknown', 'unknown', 'partnerCenter'],
    ['throttled', 'notRemoved', 'partnerCenter'],
    ['unauthorized', 'notRemoved', 'partnerCenter'],
    ['bad_request', 'notRemoved', 'partnerCenter'],
  ])('a %s error → %s (%s)', (errorKind, kind, reason) => {
    const error = new PartnerCenterError(errorKind, 'x');
    const outcome = removalOutcomeOf(error);
    expect(outcome).toEqual({ kind, reason, error });
    // Issue 17: an outcome still unknown (not even read back) is audited as unknown, not as failed.
    expect(auditOutcomeOf(outcome)).toBe(kind === 'unknown' ? 'unknown' : 'failed');
    expect(relationshipGone(outcome)).toBe(reason === 'alreadyRemoved');
  });

  it('a removal is audited as succeeded and the relationship is gone', () => {
    const outcome = { kind: 'removed', requestId: 'r' } as const;
    expect(auditOutcomeOf(outcome)).toBe('succeeded');
    expect(relationshipGone(outcome)).toBe(true);
  });

  it('issue 17: an unknown outcome is settled by reading back', () => {
    const error = new PartnerCenterError('unavailable', 'HTTP 500');
    const unknown = { kind: 'unknown', reason: 'partnerCenter', error } as const;
    const gone = verifiedRemoval(unknown, 'gone', 'r');
    expect(gone).toEqual({ kind: 'removed', requestId: 'r', verified: { error } });
    expect([auditOutcomeOf(gone), verificationOf(gone), relationshipGone(gone)]).toEqual([
      'succeeded',
      'removed',
      true,
    ]);
    const present = verifiedRemoval(unknown, 'present', 'r');
    expect([present.kind, auditOutcomeOf(present), verificationOf(present)]).toEqual([
      'notRemoved',
      'failed',
      'notRemoved',
    ]);
    const readError = new PartnerCenterError('unavailable', 'HTTP 503');
    const still = verifiedRemoval(unknown, { readError }, 'r');
    expect(still).toEqual({ ...unknown, readError });
    expect([auditOutcomeOf(still), verificationOf(still)]).toEqual(['unknown', 'unknown']);
    expect(verificationOf({ kind: 'removed', requestId: 'r' })).toBeUndefined();
  });
});
