import {
  GDAP_END_EVENTS,
  GDAP_RELATIONSHIP_EVENTS,
  relationshipIdOf,
} from '../../../src/notifications/events';

describe('GDAP webhook events', () => {
  it.each([
    // Partner Center's webhook documentation: {baseURL}/granularAdminRelationships/{RelationshipID}
    ['https://api.partnercenter.microsoft.com/granularAdminRelationships/abc-123', 'abc-123'],
    ['https://partner.microsoft.com/granularAdminRelationships/abc-123/', 'abc-123'],
    // Graph's own path
    ['https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships/abc-123', 'abc-123'],
    [
      'https://api.partnercenter.microsoft.com/granularAdminRelationships/abc-123/accessAssignments/x',
      undefined,
    ],
    ['https://api.partnercenter.microsoft.com/granularAdminRelationships/a%2Fb', undefined],
    ['not a url', undefined],
  ])('%s → %s', (resourceUri, id) => {
    expect(relationshipIdOf({ eventName: 'granular-admin-relationship-expired', resourceUri })).toBe(id);
  });

  it('expired and terminated are the end events, and both are GDAP relationship events', () => {
    expect([...GDAP_END_EVENTS].sort()).toEqual([
      'granular-admin-relationship-expired',
      'granular-admin-relationship-terminated',
    ]);
    for (const name of GDAP_END_EVENTS) expect(GDAP_RELATIONSHIP_EVENTS.has(name)).toBe(true);
  });
});
