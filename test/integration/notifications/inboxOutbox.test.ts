import type { AcceptanceRecord, InboxRecord } from '../../../src/notifications/records';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import {
  acceptanceRecord,
  cardTitle,
  conversationIdOf,
  createInvitation,
  movableClock,
  postWebhook,
  signedEvent,
} from './helpers';

const REAL_API = 'https://api.partnercenter.microsoft.com';

/**
 * Issue 17.9, nothing accepted is lost: a webhook is stored (inbox) before its 202, so an instance
 * that dies before processing it loses nothing; a notification that fails all its attempts waits
 * in the outbox and is delivered later, once.
 */
describe('webhook inbox and notification outbox (embedded Cosmos, real HTTP)', () => {
  let connector: CapturingConnector;
  let a: TestApp;
  const env = { RECONCILE_INTERVAL_SECONDS: '0', NOTIFICATION_DRAIN_INTERVAL_SECONDS: '0' };

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    // Instance A: the Partner Center simulator (and the Cosmos DB) every instance shares.
    a = await startTestApp(env);
    a.app.simulator!.setWebhookUrl(undefined); // the test delivers webhooks itself
  });
  afterAll(async () => {
    await a?.stop();
    await connector?.stop();
  });

  const shared = () => ({ cosmos: a.app.cosmos, partnerCenter: a.app.services.partnerCenter });
  const peerEnv = () => ({ ...env, WEBHOOK_ALLOWED_CERT_HOSTS: new URL(a.baseUrl).host });
  const acceptanceEvent = (customerId: string) =>
    signedEvent(a.app.simulator!, {
      EventName: 'reseller-relationship-accepted-by-customer',
      ResourceUri: `${REAL_API}/v1/customers/${customerId}`,
      ResourceName: 'Customer',
      AuditUri: `${REAL_API}/v1/auditrecords`,
      ResourceChangeUtcDate: new Date().toISOString(),
    });

  it('an instance that dies right after the 202: a new instance on the same Cosmos notifies once', async () => {
    const sim = a.app.simulator!;
    const invitation = await createInvitation(a.app, connector.url, {
      customer: { companyName: 'Crashwell Ltd' },
    });
    const customer = sim.addCustomer({ companyName: 'Crashwell Ltd', domain: 'crashwell' });
    // B's processing stalls on Partner Center, then B "crashes" (stops without finishing).
    sim.faults.add({ route: 'GET /v1/customers/:id', type: 'latency', latencyMs: 4000, count: 1 });
    const b = await startTestApp(peerEnv(), { ...shared(), notifications: { stopWaitMs: 50 } });
    const { raw, headers } = acceptanceEvent(customer.id);
    expect(await postWebhook(b.baseUrl, raw, headers)).toBe(202);
    await b.stop();
    expect(connector.messages(conversationIdOf(invitation))).toHaveLength(0);
    const entries = await a.app.cosmos.containers.dedupe.items
      .query<InboxRecord>("SELECT * FROM c WHERE c.type = 'inbox' AND c.state = 'received'")
      .fetchAll();
    expect(entries.resources).toHaveLength(1);

    // A new instance (B's claim counts as abandoned at once here) drains the inbox.
    const c = await startTestApp(peerEnv(), { ...shared(), notifications: { staleAfterMs: 0 } });
    try {
      const run = await c.app.notifications.runDrain();
      expect(run?.drained).toBe(1);
      await connector.waitFor(() => connector.messages(conversationIdOf(invitation)).length >= 1);
      // B's stalled attempt finishes late: it finds the decision taken and sends nothing.
      await new Promise((r) => setTimeout(r, 4500));
      expect(connector.messages(conversationIdOf(invitation)).map(cardTitle)).toEqual([
        'Crashwell Ltd accepted your invitation',
      ]);
      // A redelivery of the same body is recognised.
      expect(await postWebhook(c.baseUrl, raw, headers)).toBe(202);
      await c.app.notifications.whenIdle();
      expect(connector.messages(conversationIdOf(invitation))).toHaveLength(1);
    } finally {
      await c.stop();
      connector.clear();
    }
  });

  it('a notification failing all its attempts waits in the outbox and is delivered later, once', async () => {
    const sim = a.app.simulator!;
    const clock = movableClock();
    const b = await startTestApp(peerEnv(), {
      ...shared(),
      notifications: { clock, sender: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } },
    });
    try {
      const invitation = await createInvitation(a.app, connector.url, {
        customer: { companyName: 'Outboxia GmbH' },
      });
      const customer = sim.addCustomer({ companyName: 'Outboxia GmbH', domain: 'outboxia' });
      connector.failNext(503);
      connector.failNext(503);
      const { raw, headers } = acceptanceEvent(customer.id);
      expect(await postWebhook(b.baseUrl, raw, headers)).toBe(202);
      await b.app.notifications.whenIdle();
      const failed = await acceptanceRecord(a.app, customer.id);
      expect(failed).toMatchObject({ state: 'done' });
      expect(failed!.retryAt).toBeDefined();
      expect(failed!.deliveries![0]).toMatchObject({ target: 'inviter', status: 'failed', attempts: 2 });
      expect(connector.messages(conversationIdOf(invitation))).toHaveLength(0);

      // Not due yet: nothing happens.
      expect((await b.app.notifications.runDrain())?.redelivered).toBe(0);
      clock.advance(7 * 3600_000);
      expect((await b.app.notifications.runDrain())?.redelivered).toBe(1);
      const delivered: AcceptanceRecord | undefined = await acceptanceRecord(a.app, customer.id);
      expect(delivered!.retryAt).toBeUndefined();
      expect(delivered!.deliveries![0]).toMatchObject({ status: 'sent', attempts: 3 });
      clock.advance(7 * 3600_000);
      expect((await b.app.notifications.runDrain())?.redelivered).toBe(0);
      expect(connector.messages(conversationIdOf(invitation)).map(cardTitle)).toEqual([
        'Outboxia GmbH accepted your invitation',
      ]);
    } finally {
      await b.stop();
      connector.clear();
    }
  });
});
