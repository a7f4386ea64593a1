/** The simulator's wire behaviour, seen with plain fetch (the quirks the client must cope with). */
import { silentLogger } from '../../../src/logging/logger';
import { HttpPartnerCenterClient } from '../../../src/partnerCenter/httpClient';
import { StaticTokenProvider } from '../../../src/partnerCenter/tokenProviders';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { startSimulatorServer, type SimulatorServer } from '../../fakes/partnerCenter/simulatorHarness';

type Json = Record<string, unknown>;
const auth = { Authorization: 'Bearer anything' };

describe('simulator routes', () => {
  let s: SimulatorServer;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${s.apiBaseUrl}${path}`, {
      ...init,
      headers: { ...auth, ...(init.headers as Record<string, string>) },
    });

  beforeEach(async () => {
    s = await startSimulatorServer({ customers: 25 });
  });
  afterEach(() => s.close());

  it('requires an Authorization header', async () => {
    const res = await fetch(`${s.apiBaseUrl}/v1/customers`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ source: 'PartnerFD', data: [] });
  });

  it('pages with links.next relative to the API root and the continuation in a header', async () => {
    const res = await api('/v1/customers?size=10', { headers: { 'MS-RequestId': 'abc-123' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('ms-requestid')).toBe('abc-123');
    const body = (await res.json()) as Json;
    expect(body['totalCount']).toBe(25);
    expect((body['items'] as unknown[]).length).toBe(10);
    expect(body['attributes']).toEqual({ objectType: 'Collection' });
    const item = (body['items'] as Json[])[0]!;
    expect(Object.keys(item['companyProfile'] as Json)).toEqual(
      expect.arrayContaining(['tenantId', 'domain', 'companyName']),
    );
    expect(item['allowDelegatedAccess']).toBeUndefined();
    const next = (body['links'] as Json)['next'] as {
      uri: string;
      method: string;
      headers: { key: string; value: string }[];
    };
    expect(next.uri).toBe('/v1/customers?size=10&seekOperation=Next');
    expect(next.uri).not.toContain('/simulator');
    expect(next.method).toBe('GET');
    expect(next.headers[0]?.key).toBe('MS-ContinuationToken');

    const page2 = await api(next.uri, { headers: { 'MS-ContinuationToken': next.headers[0]!.value } });
    expect(((await page2.json()) as Json)['items']).toHaveLength(10);

    const missingHeader = await api(next.uri);
    expect(missingHeader.status).toBe(400);
    const forged = await api(next.uri, { headers: { 'MS-ContinuationToken': 'sim1.bm9wZQ' } });
    expect(forged.status).toBe(400);
  });

  it('answers errors in Partner Center shape', async () => {
    const tooBig = await api('/v1/customers?size=501');
    expect(tooBig.status).toBe(400);
    const body = (await tooBig.json()) as Json;
    expect(body).toEqual({
      code: expect.any(Number),
      description: expect.any(String),
      data: [],
      source: 'PartnerFD',
    });

    const notFound = await api('/v1/customers/0badf00d-0000-4000-8000-000000000000');
    expect(notFound.status).toBe(404);

    const badFilter = await api(
      `/v1/customers?size=0&filter=${encodeURIComponent('{"Field":"Tenant","Value":"x"}')}`,
    );
    expect(badFilter.status).toBe(400);
  });

  it('searches with the url-encoded JSON filter', async () => {
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: 'müller', Operator: 'starts_with' }),
    );
    const res = await api(`/v1/customers?size=0&filter=${filter}`);
    const body = (await res.json()) as Json;
    expect((body['items'] as Json[]).map((i) => (i['companyProfile'] as Json)['companyName'])).toEqual([
      'Müller & Söhne KG',
    ]);
  });

  it('does not let /v1/customers/:id capture relationshiprequests', async () => {
    const res = await api('/v1/customers/relationshiprequests');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body['attributes']).toEqual({ objectType: 'RelationshipRequest' });
    expect(body['url']).toBe(
      `${s.origin}/simulator/accept?invType=ResellerRelationship&partnerId=${s.simulator.partner.tenantId}&msppId=0&DAP=false`,
    );
  });

  it('answers the removal PATCH in PascalCase and reads the body without a body parser', async () => {
    const c = s.simulator.addCustomer({ companyName: 'Pascal GmbH', domain: 'pascal.onmicrosoft.com' });
    const res = await api(`/v1/customers/${c.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ relationshipToPartner: 'none', attributes: { objectType: 'Customer' } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body['RelationshipToPartner']).toBe('none');
    expect(body['relationshipToPartner']).toBeUndefined();
    expect((body['CompanyProfile'] as Json)['CompanyName']).toBe('Pascal GmbH');

    const invalid = await api(`/v1/customers/${c.id}`, { method: 'PATCH', body: '{not json' });
    expect(invalid.status).toBe(400);
  });

  it('can withdraw delegated access by PATCH', async () => {
    const c = s.simulator.addCustomer({ companyName: 'DAP GmbH', domain: 'dap.onmicrosoft.com', users: 2 });
    const res = await api(`/v1/customers/${c.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ allowDelegatedAccess: false }),
    });
    expect(((await res.json()) as Json)['AllowDelegatedAccess']).toBe(false);
    const users = await api(`/v1/customers/${c.id}/users`);
    expect(users.status).toBe(403);
    expect(((await users.json()) as Json)['code']).toBe(20002);
  });

  it('answers items: null for a customer without partner relationships', async () => {
    const c = s.simulator.addCustomer({ companyName: 'Direct GmbH', domain: 'direct.onmicrosoft.com' });
    const body = (await (await api(`/v1/customers/${c.id}/relationships`)).json()) as Json;
    expect(body['items']).toBeNull();
  });

  it('throttles with Retry-After and a {statusCode, message} body', async () => {
    s.simulator.setFaults([{ route: 'GET /v1/roles', type: 'throttle', retryAfterSeconds: 57, count: 1 }]);
    const res = await api('/v1/roles');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('57');
    expect(await res.json()).toEqual({
      statusCode: 429,
      message: 'Rate limit is exceeded. Try again in 57 seconds.',
    });
    expect((await api('/v1/roles')).status).toBe(200);
  });

  it('lists indirect providers only for the documented relationship type', async () => {
    const ok = await api('/v1/relationships?relationship_type=IsIndirectResellerOf');
    const items = ((await ok.json()) as Json)['items'] as Json[];
    expect(items.map((i) => i['relationshipType'])).toEqual(
      Array(3).fill('is_indirect_cloud_solution_provider_of'),
    );
    expect((await api('/v1/relationships?relationship_type=Nonsense')).status).toBe(400);
  });

  it('validates admin fault rules and reports stats', async () => {
    const bad = await fetch(`${s.origin}/simulator/admin/faults`, {
      method: 'POST',
      body: JSON.stringify([{ type: 'explode' }]),
    });
    expect(bad.status).toBe(400);
    const good = await fetch(`${s.origin}/simulator/admin/faults`, {
      method: 'POST',
      body: JSON.stringify({
        faults: [{ pattern: '^GET /v1/customers/:id', type: 'error', status: 503, count: 2 }],
      }),
    });
    expect(((await good.json()) as Json)['faults']).toEqual([
      { pattern: '^GET /v1/customers/:id', type: 'error', status: 503, count: 2 },
    ]);
    await api('/v1/customers?size=1');
    const stats = (await (await fetch(`${s.origin}/simulator/admin/stats`)).json()) as Json;
    expect((stats['requests'] as Json)['GET /v1/customers']).toBe(1);
  });

  it('serves the role helper, the index page and the certificate', async () => {
    const known = (await (
      await fetch(`${s.origin}/simulator/roles/${SIMULATOR_USERS.salesAgent.aadObjectId}`)
    ).json()) as Json;
    expect(known).toMatchObject({ roles: ['SalesAgent'], known: true });
    const unknown = (await (
      await fetch(`${s.origin}/simulator/roles/99999999-0000-4000-8000-000000000000`)
    ).json()) as Json;
    expect(unknown).toMatchObject({ roles: ['AdminAgent'], known: false });

    const index = await fetch(`${s.origin}/simulator`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Adatum Distribution GmbH');

    const cert = await fetch(`${s.origin}/simulator/certs/webhook.cer`);
    expect(await cert.text()).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('is reachable by a client whose baseUrl ends with a slash or /v1', async () => {
    for (const baseUrl of [`${s.apiBaseUrl}/`, `${s.apiBaseUrl}/v1`, `${s.apiBaseUrl}/v1/`]) {
      const client = new HttpPartnerCenterClient({
        baseUrl,
        tokenProvider: new StaticTokenProvider('t'),
        logger: silentLogger(),
      });
      const first = await client.listCustomersPage({ size: 20 }, { auth: 'app' });
      const second = await client.listCustomersPage(
        { size: 20, continuation: first.continuation },
        { auth: 'app' },
      );
      expect(first.items.length + second.items.length).toBe(25);
    }
  });
});
