import type { CallContext, PartnerCenterClient } from '../../../src/partnerCenter/client';
import {
  classifyHttpError,
  isPartnerCenterError,
  PARTNER_CENTER_ERROR_KINDS,
  PartnerCenterError,
} from '../../../src/partnerCenter/errors';
import { normalizeKeys } from '../../../src/partnerCenter/normalize';
import { partnerRoleNameOf, resolvePartnerRoles } from '../../../src/identity/partnerCenterRoles';
import { SIMULATOR_ROLES, SIMULATOR_USERS } from '../../../src/simulator/seed';
import { FakePartnerCenterClient } from '../../fakes/partnerCenter/fakePartnerCenterClient';

describe('classifyHttpError', () => {
  it.each([
    [429, undefined, {}, 'throttled'],
    [403, 20002, { forbiddenMeansNoDelegatedAccess: true }, 'no_delegated_access'],
    [401, undefined, { forbiddenMeansNoDelegatedAccess: true }, 'no_delegated_access'],
    [403, 1002, {}, 'unauthorized'],
    [401, undefined, {}, 'unauthorized'],
    [404, 600, {}, 'not_found'],
    [400, 3000, {}, 'relationship_not_found'],
    [404, 3000, { refusalMeansPrecondition: true }, 'relationship_not_found'],
    [400, 3010, { refusalMeansPrecondition: true }, 'precondition'],
    [409, undefined, {}, 'precondition'],
    [412, undefined, {}, 'precondition'],
    [400, 1000, {}, 'bad_request'],
    [422, undefined, {}, 'bad_request'],
    [408, undefined, {}, 'unavailable'],
    [500, undefined, {}, 'unavailable'],
    [503, undefined, {}, 'unavailable'],
    [302, undefined, {}, 'unknown'],
  ] as const)('%i (code %s, %j) → %s', (status, code, hints, kind) => {
    expect(classifyHttpError(status, code, hints)).toBe(kind);
  });

  it('gives errors a stable code and a safe log object', () => {
    const e = new PartnerCenterError('throttled', 'slow down', {
      status: 429,
      requestId: 'r',
      retryAfterMs: 5,
    });
    expect(e.code).toBe('PARTNER_CENTER_THROTTLED');
    expect(e.name).toBe('PartnerCenterError');
    expect(isPartnerCenterError(e)).toBe(true);
    expect(isPartnerCenterError(e, 'throttled')).toBe(true);
    expect(isPartnerCenterError(e, 'not_found')).toBe(false);
    expect(e.toLogObject()).toMatchObject({ kind: 'throttled', status: 429, requestId: 'r' });
    expect(PARTNER_CENTER_ERROR_KINDS).toHaveLength(9);
  });
});

describe('normalizeKeys', () => {
  it('lower-cases keys recursively, arrays included, values untouched', () => {
    expect(
      normalizeKeys({ Items: [{ Id: 'A', CompanyProfile: { CompanyName: 'X' } }], totalCount: 1 }),
    ).toEqual({
      items: [{ id: 'A', companyprofile: { companyname: 'X' } }],
      totalcount: 1,
    });
    expect(normalizeKeys(null)).toBeNull();
    expect(normalizeKeys('Str')).toBe('Str');
  });

  it('is not fooled by __proto__ keys', () => {
    const parsed = normalizeKeys(JSON.parse('{"__proto__":{"polluted":true},"A":1}')) as Record<
      string,
      unknown
    >;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(parsed['a']).toBe(1);
  });
});

describe('partner roles', () => {
  it('maps Partner Center role names and the Global admin template id', () => {
    expect(SIMULATOR_ROLES.map(partnerRoleNameOf)).toEqual([
      'GlobalAdmin',
      'AdminAgent',
      'SalesAgent',
      'HelpdeskAgent',
      undefined,
    ]);
    expect(partnerRoleNameOf({ id: 'x', name: 'AdminAgents' })).toBe('AdminAgent');
    expect(partnerRoleNameOf({ id: 'x', name: 'Helpdesk Agents' })).toBe('HelpdeskAgent');
    expect(partnerRoleNameOf({ id: 'x', name: 'Global Administrator' })).toBe('GlobalAdmin');
  });

  it('resolves a user’s roles through the roles API', async () => {
    const client: PartnerCenterClient = new FakePartnerCenterClient();
    const ctx: CallContext = { auth: 'user' };
    expect(await resolvePartnerRoles(client, SIMULATOR_USERS.salesAgent.aadObjectId, ctx)).toEqual([
      'SalesAgent',
    ]);
    expect(
      await resolvePartnerRoles(client, SIMULATOR_USERS.globalAdmin.aadObjectId.toUpperCase(), ctx),
    ).toEqual(['GlobalAdmin']);
    expect(await resolvePartnerRoles(client, '99999999-0000-4000-8000-000000000000', ctx)).toEqual([]);
  });
});
