import { PartnerCenterError } from '../../../src/partnerCenter/errors';
import type { CallContext } from '../../../src/partnerCenter/client';
import { startSimulatorServer, type SimulatorServer } from '../../fakes/partnerCenter/simulatorHarness';

const ctx: CallContext = { auth: 'user', locale: 'de-DE' };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function failure(p: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PartnerCenterError);
    return e as PartnerCenterError;
  }
  throw new Error('expected the call to fail');
}

describe('HttpPartnerCenterClient retries against the simulator', () => {
  let s: SimulatorServer;
  let customerId: string;

  beforeEach(async () => {
    s = await startSimulatorServer({ customers: 0 });
    customerId = s.simulator.addCustomer({
      companyName: 'Contoso GmbH',
      domain: 'contoso.onmicrosoft.com',
      subscriptions: [{ offerName: 'Microsoft 365 Business Basic', quantity: 3, status: 'suspended' }],
    }).id;
  });
  afterEach(() => s.close());

  it('waits out 429 Retry-After and reuses the same MS-RequestId on every attempt', async () => {
    const waits: number[] = [];
    const client = s.createClient({ maxRetries: 3, sleep: async (ms) => void waits.push(ms) });
    s.simulator.setFaults([
      { route: 'GET /v1/customers/:id', type: 'throttle', retryAfterSeconds: 2, count: 2 },
    ]);

    const customer = await client.getCustomer(customerId, ctx);

    expect(customer.companyName).toBe('Contoso GmbH');
    expect(waits).toEqual([2000, 2000]);
    const ids = s.simulator.seenRequestIds('GET /v1/customers/:id');
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(GUID);
  });

  it('really sleeps for a (fractional) Retry-After with the default sleep', async () => {
    const client = s.createClient();
    s.simulator.setFaults([
      { route: 'GET /v1/customers', type: 'throttle', retryAfterSeconds: 0.15, count: 1 },
    ]);
    const started = Date.now();
    await client.listCustomersPage({ size: 10 }, ctx);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(s.simulator.requestCount('GET /v1/customers')).toBe(2);
  });

  it('uses a new MS-RequestId for each logical call', async () => {
    const client = s.createClient();
    await client.getCustomer(customerId, ctx);
    await client.getCustomer(customerId, ctx);
    const ids = s.simulator.seenRequestIds('GET /v1/customers/:id');
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('surfaces throttled at once when Retry-After exceeds what the client will wait', async () => {
    const client = s.createClient({ maxRetryAfterMs: 5000 });
    s.simulator.setFaults([{ route: 'GET /v1/customers', type: 'throttle', retryAfterSeconds: 57 }]);
    const e = await failure(client.listCustomersPage({ size: 10 }, ctx));
    expect(e.kind).toBe('throttled');
    expect(e.status).toBe(429);
    expect(e.retryAfterMs).toBe(57_000);
    expect(e.description).toContain('Rate limit is exceeded');
    expect(s.simulator.requestCount('GET /v1/customers')).toBe(1);
  });

  it('surfaces throttled after the retry cap', async () => {
    const client = s.createClient({ maxRetries: 2, sleep: async () => undefined });
    s.simulator.setFaults([{ route: 'GET /v1/customers', type: 'throttle', retryAfterSeconds: 1 }]);
    const e = await failure(client.listCustomersPage({ size: 10 }, ctx));
    expect(e.kind).toBe('throttled');
    expect(e.attempts).toBe(3);
    expect(s.simulator.requestCount('GET /v1/customers')).toBe(3);
  });

  it('retries 500s with backoff and surfaces kind unavailable after the cap', async () => {
    const waits: number[] = [];
    const client = s.createClient({
      maxRetries: 3,
      baseDelayMs: 100,
      maxDelayMs: 250,
      random: () => 0.999,
      sleep: async (ms) => void waits.push(ms),
    });
    s.simulator.setFaults([{ route: 'GET /v1/customers/:id/subscriptions', type: 'error', status: 500 }]);
    const e = await failure(client.listSubscriptions(customerId, ctx));
    expect(e.kind).toBe('unavailable');
    expect(e.status).toBe(500);
    expect(e.attempts).toBe(4);
    // Full jitter: random * min(cap, base * 2^n) — exponential, then capped.
    expect(waits).toEqual([100, 200, 250]);
    const ids = s.simulator.seenRequestIds('GET /v1/customers/:id/subscriptions');
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(1);
  });

  it('recovers when a 503 is followed by success', async () => {
    const client = s.createClient();
    s.simulator.setFaults([{ route: 'GET /v1/roles', type: 'error', status: 503, count: 1 }]);
    expect((await client.listRoles(ctx)).length).toBeGreaterThan(0);
    expect(s.simulator.requestCount('GET /v1/roles')).toBe(2);
  });

  it('does not retry a 404', async () => {
    const client = s.createClient();
    const e = await failure(client.getCustomer('0badf00d-0000-4000-8000-000000000000', ctx));
    expect(e.kind).toBe('not_found');
    expect(s.simulator.requestCount('GET /v1/customers/:id')).toBe(1);
  });

  it('bounds a slow answer by the per-call timeout', async () => {
    const client = s.createClient({ timeoutMs: 100, maxRetries: 1 });
    s.simulator.setFaults([{ route: 'GET /v1/customers/:id', type: 'latency', latencyMs: 3000 }]);
    const started = Date.now();
    const e = await failure(client.getCustomer(customerId, ctx));
    const elapsed = Date.now() - started;
    expect(e.kind).toBe('unavailable');
    expect(e.message).toMatch(/timed out/);
    expect(e.attempts).toBe(2);
    expect(elapsed).toBeLessThan(1500);
    expect(s.simulator.requestCount('GET /v1/customers/:id')).toBe(2);
  });

  it('honours an overall deadline across retries', async () => {
    const client = s.createClient({ timeoutMs: 1000, maxRetries: 10, totalTimeoutMs: 300, baseDelayMs: 50 });
    s.simulator.setFaults([{ route: 'GET /v1/customers/:id', type: 'latency', latencyMs: 3000 }]);
    const started = Date.now();
    const e = await failure(client.getCustomer(customerId, ctx));
    expect(e.kind).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('retries a dropped connection', async () => {
    const client = s.createClient();
    s.simulator.setFaults([{ route: 'GET /v1/customers', type: 'drop', count: 1 }]);
    const page = await client.listCustomersPage({ size: 10 }, ctx);
    expect(page.items).toHaveLength(1);
    const ids = s.simulator.seenRequestIds('GET /v1/customers');
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('surfaces unavailable when every attempt is dropped', async () => {
    const client = s.createClient({ maxRetries: 1 });
    s.simulator.setFaults([{ route: 'GET /v1/customers', type: 'drop' }]);
    const e = await failure(client.listCustomersPage({ size: 10 }, ctx));
    expect(e.kind).toBe('unavailable');
    expect(e.message).toMatch(/connection failed/);
  });

  it('treats "relationship does not exist" after a lost PATCH answer as success', async () => {
    const client = s.createClient();
    // The first PATCH is processed, but its answer never arrives.
    s.simulator.setFaults([{ route: 'PATCH /v1/customers/:id', type: 'drop', phase: 'after', count: 1 }]);
    const result = await client.removeResellerRelationship(customerId, ctx);
    expect(result).toEqual({ customerId, relationshipToPartner: 'none' });
    const ids = s.simulator.seenRequestIds('PATCH /v1/customers/:id');
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(s.simulator.findCustomer(customerId)?.relationshipToPartner).toBe('none');
  });

  it('treats "relationship does not exist" after a timed-out PATCH as success', async () => {
    const client = s.createClient({ timeoutMs: 150 });
    s.simulator.setFaults([
      { route: 'PATCH /v1/customers/:id', type: 'latency', latencyMs: 1000, phase: 'after', count: 1 },
    ]);
    const result = await client.removeResellerRelationship(customerId, ctx);
    expect(result.relationshipToPartner).toBe('none');
    expect(s.simulator.requestCount('PATCH /v1/customers/:id')).toBe(2);
  });

  it('still reports relationship_not_found when nothing was lost', async () => {
    const client = s.createClient();
    await client.removeResellerRelationship(customerId, ctx);
    const e = await failure(client.removeResellerRelationship(customerId, ctx));
    expect(e.kind).toBe('relationship_not_found');
    expect(e.pcCode).toBe(3000);
  });

  it('retries a suspend whose answer was lost', async () => {
    const other = s.simulator.addCustomer({
      companyName: 'Fabrikam AG',
      domain: 'fabrikam.onmicrosoft.com',
      subscriptions: [{ offerName: 'Office 365 E3', quantity: 5, status: 'active' }],
    });
    const sub = s.simulator.listSubscriptions(other.id)[0]!;
    const client = s.createClient();
    s.simulator.setFaults([
      { route: 'PATCH /v1/customers/:id/subscriptions/:sid', type: 'drop', phase: 'after', count: 1 },
    ]);
    const result = await client.suspendSubscription(other.id, sub.id, ctx);
    expect(result.status).toBe('suspended');
    expect(s.simulator.requestCount('PATCH /v1/customers/:id/subscriptions/:sid')).toBe(2);
  });

  it('takes faults from the admin endpoint', async () => {
    const client = s.createClient({ maxRetries: 0 });
    const set = await fetch(`${s.origin}/simulator/admin/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ route: 'GET /v1/roles*', type: 'error', status: 502 }]),
    });
    expect(set.status).toBe(200);
    const e = await failure(client.listRoles(ctx));
    expect(e.kind).toBe('unavailable');
    expect(e.status).toBe(502);

    const cleared = await fetch(`${s.origin}/simulator/admin/faults`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    expect((await client.listRoles(ctx)).length).toBeGreaterThan(0);
  });
});
