import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify, X509Certificate } from 'node:crypto';
import {
  SIMULATOR_ROOT_CERT_SUBJECT,
  SIMULATOR_WEBHOOK_CERT_SUBJECT,
} from '../../../src/simulator/certificates';
import { SIMULATOR_PROVIDERS } from '../../../src/simulator/seed';
import { startSimulatorServer, type SimulatorServer } from '../../fakes/partnerCenter/simulatorHarness';

interface Captured {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A webhook receiver that records what it gets; answers with the queued statuses, then 200. */
async function startCapture(
  statuses: number[] = [],
): Promise<{ url: string; received: Captured[]; close(): Promise<void> }> {
  const received: Captured[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/partner-center/events`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('accepting an invitation on the simulator page', () => {
  let s: SimulatorServer;
  let capture: Awaited<ReturnType<typeof startCapture>>;

  afterEach(async () => {
    await s.close();
    await capture.close();
  });

  it('creates the customer and sends a webhook whose signature verifies with the served certificate', async () => {
    capture = await startCapture();
    s = await startSimulatorServer({ customers: 5, webhookUrl: capture.url, webhookRetryDelaysMs: [10, 10] });
    const client = s.createClient();
    const provider = SIMULATOR_PROVIDERS[2]!;

    // The link the bot would put into the invitation email.
    const { url } = await client.getRelationshipRequestLink(
      { indirectCloudSolutionProviderId: provider.id },
      { auth: 'user' },
    );
    expect(url.startsWith(`${s.origin}/simulator/accept?`)).toBe(true);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(s.simulator.partner.name);
    expect(html).toContain(provider.name);
    expect(html).toContain('Accept');
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)[^"]*\.(css|js)/);

    const accepted = await postForm(`${s.origin}/simulator/accept`, {
      partnerId: s.simulator.partner.tenantId,
      indirectCSPId: provider.id,
      companyName: 'Tailwind Traders GmbH',
      domain: 'tailwindtraders',
    });
    expect(accepted.status).toBe(200);
    const confirmation = await accepted.text();
    expect(confirmation).toContain('Invitation accepted');
    expect(confirmation).toContain('tailwindtraders.onmicrosoft.com');

    await s.simulator.whenIdle();
    expect(capture.received).toHaveLength(1);
    const { headers, body } = capture.received[0]!;

    // Payload: PascalCase, as Partner Center sends it.
    const event = JSON.parse(body.toString('utf8')) as Record<string, string>;
    expect(event['EventName']).toBe('indirect-reseller-relationship-accepted-by-customer');
    expect(event['ResourceName']).toBe('Customer');
    expect(event['ResourceUri']).toMatch(
      /^https:\/\/api\.partnercenter\.microsoft\.com\/v1\/customers\/[0-9a-f-]{36}$/,
    );
    expect(event['AuditUri']).toMatch(/^https:\/\//);
    expect(new Date(event['ResourceChangeUtcDate']!).toISOString()).toBe(event['ResourceChangeUtcDate']);
    const customerId = event['ResourceUri']!.split('/').pop()!;
    const customer = await client.getCustomer(customerId, { auth: 'app' });
    expect(customer).toMatchObject({
      companyName: 'Tailwind Traders GmbH',
      domain: 'tailwindtraders.onmicrosoft.com',
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: false,
    });
    expect((await client.listCustomerRelationships(customerId, { auth: 'user' })).map((r) => r.id)).toEqual([
      provider.id,
    ]);

    // Signature headers.
    expect(headers['content-type']).toContain('application/json');
    expect(headers['x-ms-signature-algorithm']).toBe('rsa-sha256');
    const certUrl = headers['x-ms-certificate-url'] as string;
    expect(certUrl).toBe(`${s.origin}/simulator/certs/webhook.cer`);
    const auth = headers['authorization'] as string;
    expect(auth).toMatch(/^Signature [A-Za-z0-9+/]+=*$/);
    const signature = Buffer.from(auth.slice('Signature '.length), 'base64');

    // Verify with the certificate fetched from the header's URL.
    const certResponse = await fetch(certUrl);
    expect(certResponse.status).toBe(200);
    const leaf = new X509Certificate(await certResponse.text());
    expect(leaf.subject).toBe(SIMULATOR_WEBHOOK_CERT_SUBJECT);
    expect(verify('sha256', body, leaf.publicKey, signature)).toBe(true);

    const tampered = Buffer.from(body);
    tampered[10] = tampered[10]! ^ 0x01;
    expect(verify('sha256', tampered, leaf.publicKey, signature)).toBe(false);

    // The leaf chains to the simulator's development root.
    const root = new X509Certificate(s.simulator.trustedRootPem);
    expect(root.subject).toBe(SIMULATOR_ROOT_CERT_SUBJECT);
    expect(root.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.issuer).toBe(root.subject);
    expect(leaf.checkIssued(root)).toBe(true);
    expect(leaf.verify(root.publicKey)).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    const served = await (await fetch(`${s.origin}/simulator/certs/root.cer`)).text();
    expect(new X509Certificate(served).fingerprint256).toBe(root.fingerprint256);
  });

  it('sends the reseller-only event for a direct link and retries a failing receiver', async () => {
    capture = await startCapture([503]);
    s = await startSimulatorServer({ customers: 0, webhookUrl: capture.url, webhookRetryDelaysMs: [10, 10] });
    const result = s.simulator.acceptInvitation({
      companyName: 'Wingtip Toys',
      domain: 'wingtiptoys.onmicrosoft.com',
    });
    const delivery = await result.webhook;
    expect(delivery).toMatchObject({ delivered: true, attempts: 2, status: 200 });
    expect(capture.received).toHaveLength(2);
    const event = JSON.parse(capture.received[1]!.body.toString('utf8')) as Record<string, string>;
    expect(event['EventName']).toBe('reseller-relationship-accepted-by-customer');
    expect(event['ResourceUri']).toBe(
      `https://api.partnercenter.microsoft.com/v1/customers/${result.customer.id}`,
    );
    // Both attempts carry the same signed body.
    expect(capture.received[0]!.body.equals(capture.received[1]!.body)).toBe(true);
  });

  it('gives up after the configured attempts and does not retry a 4xx', async () => {
    capture = await startCapture([500, 500, 500, 500]);
    s = await startSimulatorServer({ customers: 0, webhookUrl: capture.url, webhookRetryDelaysMs: [5, 5] });
    const failed = await s.simulator.emitWebhook({ EventName: 'test-created' });
    expect(failed).toMatchObject({ delivered: false, attempts: 3, status: 500 });

    capture.received.length = 0;
    const c2 = await startCapture([401]);
    s.simulator.setWebhookUrl(c2.url);
    const refused = await s.simulator.emitWebhook({ EventName: 'test-created' });
    expect(refused).toMatchObject({ delivered: false, attempts: 1, status: 401 });
    await c2.close();
  });

  it('refuses a domain that is already a customer, with a friendly page', async () => {
    capture = await startCapture();
    s = await startSimulatorServer({ customers: 0, webhookUrl: capture.url });
    s.simulator.addCustomer({ companyName: 'Contoso GmbH', domain: 'contoso.onmicrosoft.com' });
    const res = await postForm(`${s.origin}/simulator/accept`, {
      partnerId: s.simulator.partner.tenantId,
      companyName: 'Contoso Again',
      domain: 'Contoso.onmicrosoft.com',
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('already has a reseller relationship');
    expect(html).toContain('<form');
    await s.simulator.whenIdle();
    expect(capture.received).toHaveLength(0);
    expect(s.simulator.customerCount()).toBe(1);
  });

  it('rejects invalid input and links for another partner', async () => {
    capture = await startCapture();
    s = await startSimulatorServer({ customers: 0 });
    const bad = await postForm(`${s.origin}/simulator/accept`, {
      partnerId: s.simulator.partner.tenantId,
      companyName: '<script>alert(1)</script>',
      domain: 'not a domain!',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;');

    const wrongPartner = await fetch(
      `${s.origin}/simulator/accept?invType=ResellerRelationship&partnerId=00000000-0000-4000-8000-000000000000&msppId=0&DAP=false`,
    );
    expect(wrongPartner.status).toBe(400);
    const unknownProvider = await fetch(
      `${s.origin}/simulator/accept?invType=ResellerRelationship&partnerId=${s.simulator.partner.tenantId}&indirectCSPId=00000000-0000-4000-8000-000000000000`,
    );
    expect(unknownProvider.status).toBe(400);
  });

  it('re-establishes a removed relationship with the same customer id', async () => {
    capture = await startCapture();
    s = await startSimulatorServer({ customers: 0, webhookUrl: capture.url });
    const first = s.simulator.acceptInvitation({ companyName: 'Coho Winery', domain: 'cohowinery' });
    s.simulator.removeRelationship(first.customer.id);
    const again = s.simulator.acceptInvitation({ companyName: 'Coho Winery', domain: 'cohowinery' });
    expect(again.reactivated).toBe(true);
    expect(again.customer.id).toBe(first.customer.id);
    expect(s.simulator.customerCount()).toBe(1);
    await s.simulator.whenIdle();
    expect(capture.received).toHaveLength(2);
  });
});
