import { getSimulatorCertificates } from '../../../src/simulator/certificates';
import { FaultInjector } from '../../../src/simulator/faults';
import {
  DEMO_CUSTOMER_COUNT,
  SIMULATOR_PARTNER_TENANT_ID,
  SIMULATOR_PROVIDERS,
  SIMULATOR_ROLE_IDS,
  SIMULATOR_USERS,
  slugify,
} from '../../../src/simulator/seed';
import { createPartnerCenterSimulator, SimulatorApiError } from '../../../src/simulator/simulator';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('simulator demo data', () => {
  const sim = createPartnerCenterSimulator();
  const customers = sim.listCustomers();

  it('has about 60 German and international customers with unique, valid domains', () => {
    expect(customers).toHaveLength(DEMO_CUSTOMER_COUNT);
    expect(DEMO_CUSTOMER_COUNT).toBe(60);
    const names = customers.map((c) => c.companyName);
    for (const n of ['Contoso GmbH', 'Fabrikam AG', 'Müller & Söhne KG', 'Tailspin Toys Ltd'])
      expect(names).toContain(n);
    expect(new Set(customers.map((c) => c.domain)).size).toBe(customers.length);
    for (const c of customers) {
      expect(c.id).toMatch(GUID);
      expect(c.domain).toMatch(/^[a-z0-9-]+\.onmicrosoft\.com$/);
      expect(c.relationshipToPartner).toBe('reseller');
    }
    expect(customers.find((c) => c.companyName === 'Müller & Söhne KG')?.domain).toBe(
      'muellersoehne.onmicrosoft.com',
    );
    expect(SIMULATOR_PARTNER_TENANT_ID).toMatch(GUID);
  });

  it('mixes subscriptions: several customers without an active one, some with many', () => {
    const subs = customers.map((c) => sim.listSubscriptions(c.id));
    const withoutActive = subs.filter((s) => !s.some((x) => x.status === 'active'));
    const many = subs.filter((s) => s.length >= 10);
    expect(withoutActive.length).toBeGreaterThanOrEqual(5);
    expect(
      subs.filter((s) => s.length > 0 && s.every((x) => x.status === 'suspended')).length,
    ).toBeGreaterThan(0);
    expect(many.length).toBeGreaterThanOrEqual(3);
    expect(subs.flat().some((s) => s.status === 'suspended')).toBe(true);
  });

  it('has customers without delegated access, and with and without providers', () => {
    const details = customers.map((c) => sim.getCustomer(c.id));
    const noDap = details.filter((c) => c.allowDelegatedAccess === false);
    expect(noDap.length).toBeGreaterThanOrEqual(5);
    expect(() => sim.pageUsers(noDap[0]!.id, 0, 10)).toThrow(SimulatorApiError);
    const withProvider = customers.filter((c) => sim.listCustomerRelationships(c.id).length > 0);
    expect(withProvider.length).toBeGreaterThan(30);
    expect(withProvider.length).toBeLessThan(60);
    const withDap = details.find((c) => c.allowDelegatedAccess !== false)!;
    expect(sim.pageUsers(withDap.id, 0, 500).items.length).toBeGreaterThan(0);
    expect(details.some((c) => c.allowDelegatedAccess && sim.pageUsers(c.id, 0, 500).totalCount > 500)).toBe(
      true,
    );
  });

  it('is deterministic for a seed', () => {
    const again = createPartnerCenterSimulator().listCustomers();
    expect(again.map((c) => c.id)).toEqual(customers.map((c) => c.id));
    expect(sim.listSubscriptions(customers[5]!.id)).toEqual(
      createPartnerCenterSimulator().listSubscriptions(customers[5]!.id),
    );
    const other = createPartnerCenterSimulator({ seed: 2 }).listCustomers();
    expect(other.map((c) => c.companyName)).toEqual(customers.map((c) => c.companyName));
    expect(other[0]!.id).not.toBe(customers[0]!.id);
  });

  it('scales to 10,000 generated customers quickly', () => {
    const started = Date.now();
    const big = createPartnerCenterSimulator({ customers: 10_000 });
    expect(big.customerCount()).toBe(10_000);
    const all = big.listCustomers();
    expect(new Set(all.map((c) => c.domain)).size).toBe(10_000);
    expect(new Set(all.map((c) => c.id)).size).toBe(10_000);
    let cursor: number | undefined = 0;
    let seen = 0;
    while (cursor !== undefined) {
      const page = big.pageCustomers(cursor, 500);
      seen += page.items.length;
      cursor = page.next;
    }
    expect(seen).toBe(10_000);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('slugifies company names for domains', () => {
    expect(slugify('Schäfer Logistik GmbH & Co. KG')).toBe('schaeferlogistik');
    expect(slugify('Café Braun')).toBe('cafebraun');
    expect(slugify('Groß & Klein e.K.')).toBe('grossklein');
  });
});

describe('simulator roles', () => {
  it('gives roster users their roles and everyone else the default role', () => {
    const sim = createPartnerCenterSimulator({ customers: 0 });
    expect(sim.rolesOf(SIMULATOR_USERS.globalAdmin.aadObjectId)).toEqual(['GlobalAdmin']);
    expect(sim.rolesOf(SIMULATOR_USERS.salesAgent.aadObjectId.toUpperCase())).toEqual(['SalesAgent']);
    expect(sim.rolesOf('someone-else')).toEqual(['AdminAgent']);
    expect(createPartnerCenterSimulator({ customers: 0, defaultRole: 'HelpdeskAgent' }).rolesOf('x')).toEqual(
      ['HelpdeskAgent'],
    );
  });

  it('lists a newly registered user under the default role', () => {
    const sim = createPartnerCenterSimulator({ customers: 0 });
    const newcomer = '22222222-0000-4000-8000-000000000001';
    expect(sim.listRoleMembers(SIMULATOR_ROLE_IDS.AdminAgent).map((m) => m.id)).not.toContain(newcomer);
    sim.ensureRosterUser({ aadObjectId: newcomer, displayName: 'Playground User' });
    expect(sim.listRoleMembers(SIMULATOR_ROLE_IDS.AdminAgent).map((m) => m.id)).toContain(newcomer);
    expect(sim.isKnownUser(newcomer)).toBe(true);
    sim.ensureRosterUser({ aadObjectId: newcomer, roles: ['SalesAgent'] });
    expect(sim.rolesOf(newcomer)).toEqual(['SalesAgent']);
  });
});

describe('simulator invitations', () => {
  it('personalizes the link and validates the provider', () => {
    const sim = createPartnerCenterSimulator({ customers: 0, publicBaseUrl: 'http://localhost:3978/' });
    expect(sim.relationshipRequestUrl()).toBe(
      `http://localhost:3978/simulator/accept?invType=ResellerRelationship&partnerId=${SIMULATOR_PARTNER_TENANT_ID}&msppId=0&DAP=false`,
    );
    const provider = SIMULATOR_PROVIDERS[0]!;
    expect(sim.relationshipRequestUrl(provider.id)).toContain(`&indirectCSPId=${provider.id}`);
    expect(() => sim.relationshipRequestUrl('nope')).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('accepts without a webhook url and reports that nothing was delivered', async () => {
    const sim = createPartnerCenterSimulator({ customers: 0 });
    const r = sim.acceptInvitation({ companyName: ' Fourth Coffee ', domain: 'FourthCoffee' });
    expect(r.customer).toMatchObject({
      companyName: 'Fourth Coffee',
      domain: 'fourthcoffee.onmicrosoft.com',
      allowDelegatedAccess: false,
    });
    expect(r.event.EventName).toBe('reseller-relationship-accepted-by-customer');
    expect(await r.webhook).toEqual({ delivered: false, attempts: 0, reason: 'no webhookUrl configured' });
    expect(() => sim.acceptInvitation({ companyName: '', domain: 'x' })).toThrow(SimulatorApiError);
    expect(() => sim.acceptInvitation({ companyName: 'X', domain: 'bad domain' })).toThrow(SimulatorApiError);
    expect(() => sim.acceptInvitation({ companyName: 'X', domain: 'fourthcoffee' })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    await sim.close();
  });

  it('reuses the process-wide certificates', () => {
    const started = Date.now();
    const a = createPartnerCenterSimulator({ customers: 0 });
    const b = createPartnerCenterSimulator({ customers: 0 });
    expect(a.leafCertificatePem).toBe(b.leafCertificatePem);
    expect(a.trustedRootPem).toBe(getSimulatorCertificates().rootPem);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('FaultInjector', () => {
  it('matches exact routes, prefixes and patterns and counts down', () => {
    const f = new FaultInjector('t', [
      { route: 'GET /v1/customers', type: 'error', count: 1 },
      { route: 'GET /v1/roles*', type: 'drop' },
      { pattern: /^PATCH /, type: 'throttle', retryAfterSeconds: 3 },
      { type: 'latency', latencyMs: 5, count: 2 },
    ]);
    expect(f.decide('GET /v1/customers', 'before')).toMatchObject({
      latencyMs: 5,
      terminal: { type: 'error' },
    });
    expect(f.decide('GET /v1/customers', 'before')).toEqual({ latencyMs: 5 });
    expect(f.decide('GET /v1/customers', 'before')).toEqual({ latencyMs: 0 });
    expect(f.decide('GET /v1/customers/:id', 'before').terminal).toBeUndefined();
    expect(f.decide('GET /v1/roles/:id/usermembers', 'before').terminal?.type).toBe('drop');
    expect(f.decide('PATCH /v1/customers/:id', 'before').terminal?.retryAfterSeconds).toBe(3);
    expect(f.decide('PATCH /v1/customers/:id', 'after').terminal).toBeUndefined();
    expect(f.list()).toHaveLength(2);
  });

  it('applies probabilities deterministically', () => {
    const never = new FaultInjector('t', [{ type: 'error', probability: 0 }]);
    const always = new FaultInjector('t', [{ type: 'error', probability: 1 }]);
    const half = new FaultInjector('t', [{ type: 'error', probability: 0.5 }]);
    let hits = 0;
    for (let i = 0; i < 1000; i++) {
      expect(never.decide('GET /v1/roles', 'before').terminal).toBeUndefined();
      expect(always.decide('GET /v1/roles', 'before').terminal).toBeDefined();
      if (half.decide('GET /v1/roles', 'before').terminal) hits++;
    }
    expect(hits).toBeGreaterThan(400);
    expect(hits).toBeLessThan(600);
  });
});
