import { GDAP_EVENTS, GdapSimulatorModel } from '../../../src/simulator/gdap/model';
import { seedGdapRelationships } from '../../../src/simulator/gdap/seed';
import { startGdapSimulator, type GdapSimulatorServer } from '../../fakes/graph/gdapSimulatorHarness';

const RELS = '/tenantRelationships/delegatedAdminRelationships';
const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const body = (over: Record<string, unknown> = {}) => ({
  displayName: 'Contoso',
  duration: 'P730D',
  accessDetails: { unifiedRoles: [{ roleDefinitionId: HELPDESK }] },
  ...over,
});

describe('GDAP simulator routes', () => {
  let s: GdapSimulatorServer;
  beforeEach(async () => {
    s = await startGdapSimulator();
  });
  afterEach(() => s.close());

  const api = (path: string, init: RequestInit = {}, token = true) =>
    fetch(`${s.apiBaseUrl}${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: 'Bearer x' } : {}),
        ...init.headers,
      },
    });

  it('needs a bearer token and answers in Graph error shape', async () => {
    const res = await api(RELS, {}, false);
    expect(res.status).toBe(401);
    const json = (await res.json()) as any;
    expect(json.error).toMatchObject({ code: 'InvalidAuthenticationToken' });
    expect(json.error.innerError['request-id']).toBeDefined();
  });

  it('answers 201 with Location, @odata.context and @odata.etag', async () => {
    const res = await api(RELS, { method: 'POST', body: JSON.stringify(body()) });
    expect(res.status).toBe(201);
    const json = (await res.json()) as any;
    expect(res.headers.get('location')).toBe(`${s.apiBaseUrl}${RELS}/${json.id}`);
    expect(json['@odata.context']).toContain('$metadata#delegatedAdminRelationships');
    expect(json['@odata.etag']).toMatch(/^W\/"/);
    expect(json).toMatchObject({ status: 'created', autoExtendDuration: 'PT0S', activatedDateTime: null });
  });

  it.each([
    [body({ displayName: 'x'.repeat(51) }), /50 characters/],
    [body({ duration: 'P0D' }), /P1D and P2Y/],
    [body({ autoExtendDuration: 'P30D' }), /autoExtendDuration/],
    [body({ accessDetails: { unifiedRoles: [] } }), /at least one role/],
    [body({ customer: { tenantId: 'nope' } }), /tenantId/],
  ])('refuses %j with a Graph-shaped 400', async (b, message) => {
    const res = await api(RELS, { method: 'POST', body: JSON.stringify(b) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(message);
  });

  it('PATCH changes only a created relationship, with If-Match', async () => {
    const created = (await (await api(RELS, { method: 'POST', body: JSON.stringify(body()) })).json()) as any;
    const patch = (etag: string) =>
      api(`${RELS}/${created.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': etag },
        body: JSON.stringify({ duration: 'P90D' }),
      });
    expect((await patch('W/"stale"')).status).toBe(412);
    const ok = await patch(created['@odata.etag']);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).duration).toBe('P90D');
  });

  it('approval page: shows roles by name; decline keeps approvalPending; 90 days later it expires', async () => {
    const r = s.model.createRelationship(body());
    const page = `${s.origin}/simulator/graph/approve/${r.id}`;
    expect((await fetch(page)).status).toBe(409); // not locked yet
    s.model.createRequest(r.id, { action: 'lockForApproval' });
    const html = await (await fetch(page)).text();
    expect(html).toContain('Helpdesk Administrator');
    expect(html).toContain('730 days');
    const declined = await fetch(page, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=decline&companyName=C&domain=c.onmicrosoft.com',
    });
    expect(declined.status).toBe(200);
    expect(s.model.getRelationship(r.id).status).toBe('approvalPending');
    const advanced = await fetch(`${s.origin}/simulator/graph/admin/advance`, {
      method: 'POST',
      body: JSON.stringify({ days: 90 }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(((await advanced.json()) as any).expired).toEqual([r.id]);
    expect(s.events.map((e) => e.eventName)).toEqual([GDAP_EVENTS.expired]);
  });

  it('approval emits approved and activated; an existing customer is matched by domain', async () => {
    const r = s.model.createRelationship(body());
    s.model.createRequest(r.id, { action: 'lockForApproval' });
    const res = await fetch(`${s.origin}/simulator/graph/approve/${r.id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=approve&companyName=Someone&domain=new.onmicrosoft.com',
    });
    expect(res.status).toBe(200);
    expect(s.events.map((e) => e.eventName)).toEqual([GDAP_EVENTS.approved, GDAP_EVENTS.activated]);
    // Partner Center's documented ResourceUri of GDAP webhooks: {baseURL}/granularAdminRelationships/{id}.
    expect(s.events[0]!.resourceUri).toBe(
      `https://api.partnercenter.microsoft.com/granularAdminRelationships/${r.id}`,
    );
  });
});

describe('GDAP simulator model', () => {
  it('matches a known customer by domain and refuses another organization', () => {
    const known = {
      tenantId: 'cccccccc-0000-4000-8000-000000000003',
      companyName: 'Contoso GmbH',
      domain: 'contoso.onmicrosoft.com',
    };
    const m = new GdapSimulatorModel({
      findCustomerByDomain: (d) => (d === known.domain ? known : undefined),
    });
    const r = m.createRelationship(body({ customer: { tenantId: known.tenantId } }));
    m.createRequest(r.id, { action: 'lockForApproval' });
    expect(() => m.approve(r.id, { companyName: 'Other', domain: 'other.onmicrosoft.com' })).toThrow(
      /another organization/,
    );
    expect(m.approve(r.id, { companyName: 'x', domain: known.domain }).customer).toEqual({
      tenantId: known.tenantId,
      displayName: 'Contoso GmbH',
    });
  });

  it('seeds a realistic spread', () => {
    const m = new GdapSimulatorModel();
    const customers = Array.from({ length: 16 }, (_, i) => ({
      tenantId: `dddddddd-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
      companyName: `Customer ${i}`,
      domain: `c${i}.onmicrosoft.com`,
    }));
    expect(seedGdapRelationships(m, customers)).toBe(12);
    const statuses = m.listRelationships().map((r) => r.status);
    expect(statuses.filter((x) => x === 'expired')).toHaveLength(2);
    expect(statuses.filter((x) => x === 'active')).toHaveLength(10);
    expect(
      m.listAccessAssignments(m.listRelationships((r) => r.status === 'active')[0]!.id).length,
    ).toBeGreaterThan(0);
    // 5 days on: the read-only ones auto-extend, the near-ending ones without auto-extend expire later
    const { extended } = m.advanceDays(6);
    expect(extended.length).toBe(2);
  });
});
