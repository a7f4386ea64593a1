import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ok, readJson } from '../../../src/simulator/http/respond';
import type { SimulatorRouteArea } from '../../../src/simulator/routes';
import { startSimulatorServer, type SimulatorServer } from '../../fakes/partnerCenter/simulatorHarness';

/** A further simulated API plugged in as a route area, as a Graph (GDAP) simulator would be. */
const graphArea: SimulatorRouteArea = ({ apiAt, maxBodyBytes }) => {
  const graph = apiAt({
    basePath: '/simulator/graph/',
    errorBody: (status, _code, message) => ({ error: { code: `status${status}`, message } }),
  });
  graph('GET', '/v1.0/things', () => ok({ value: [{ id: 'thing-1' }] }));
  graph('POST', '/v1.0/things', async (req) => ({ status: 201, body: await readJson(req, maxBodyBytes) }));
};

describe('simulator route areas', () => {
  let s: SimulatorServer;
  const auth = { Authorization: 'Bearer t' };

  beforeAll(async () => {
    s = await startSimulatorServer({ customers: 0, routes: { areas: [graphArea] } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('serves a plugged-in area through the shared pipeline (bearer, stats, its own error body)', async () => {
    const res = await fetch(`${s.origin}/simulator/graph/v1.0/things`, { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ value: [{ id: 'thing-1' }] });
    expect(s.simulator.requestCount('GET /v1.0/things')).toBe(1);

    const refused = await fetch(`${s.origin}/simulator/graph/v1.0/things`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'status401' } });

    const posted = await fetch(`${s.origin}/simulator/graph/v1.0/things`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'x' }),
    });
    expect(posted.status).toBe(201);
    expect(await posted.json()).toEqual({ displayName: 'x' });
  });

  it('applies fault injection to the plugged-in routes', async () => {
    s.simulator.setFaults([{ route: 'GET /v1.0/things', type: 'error', status: 503, count: 1 }]);
    const failed = await fetch(`${s.origin}/simulator/graph/v1.0/things`, { headers: auth });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ error: { code: 'status503' } });
    expect((await fetch(`${s.origin}/simulator/graph/v1.0/things`, { headers: auth })).status).toBe(200);
  });
});

describe('WebhookSender.sendEvent', () => {
  let s: SimulatorServer;
  let receiver: Server;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(received.length === 1 ? 503 : 200);
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
    s = await startSimulatorServer({ customers: 0, webhookUrl: url, webhookRetryDelaysMs: [5] });
  });
  afterAll(async () => {
    await s.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('signs and sends any event name, retrying a 503', async () => {
    const resourceUri = 'https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships/r1';
    const result = await s.simulator.webhooks.sendEvent('granular-admin-relationship-approved', resourceUri, {
      ResourceName: 'DelegatedAdminRelationship',
    });
    expect(result).toMatchObject({ delivered: true, attempts: 2, status: 200 });
    expect(received).toHaveLength(2);
    const event = JSON.parse(received[1]!.body) as Record<string, string>;
    expect(event).toMatchObject({
      EventName: 'granular-admin-relationship-approved',
      ResourceUri: resourceUri,
      ResourceName: 'DelegatedAdminRelationship',
    });
    expect(received[1]!.headers['authorization']).toMatch(/^Signature /);
    expect(received[1]!.headers['x-ms-certificate-url']).toBe(s.simulator.certificateUrl);
  });
});
