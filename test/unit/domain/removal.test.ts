import { auditOutcomeOf, relationshipGone, removalOutcomeOf } from '../../../src/domain/removal';
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
    expect(auditOutcomeOf(outcome)).toBe('failed');
    expect(relationshipGone(outcome)).toBe(reason === 'alreadyRemoved');
  });

  it('a removal is audited as succeeded and the relationship is gone', () => {
    const outcome = { kind: 'removed', requestId: 'r' } as const;
    expect(auditOutcomeOf(outcome)).toBe('succeeded');
    expect(relationshipGone(outcome)).toBe(true);
  });
});
