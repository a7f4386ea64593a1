import type { AcceptanceRecord } from '../../../src/notifications/records';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { post, TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import {
  acceptanceRecord,
  cardTitle,
  conversationIdOf,
  createInvitation,
  postWebhook,
  signedEvent,
} from './helpers';

const CHANNEL_ID = '19:three-instances@thread.tacv2';

/**
 * Three bot instances (three servers) share one Cosmos DB and one Partner Center (instance A's
 * simulator): whatever reaches which instance how often, each acceptance is notified once.
 */
describe('three bot instances sharing one Cosmos DB', () => {
  let connector: CapturingConnector;
  let a: TestApp;
  let b: TestApp;
  let c: TestApp;
  const all = () => [a, b, c];

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    // The seeded demo GDAP relationships end in 10 and 25 days: no expiry warnings in this test
    // (gdapExpiry.test.ts covers them).
    const quiet = { RECONCILE_INTERVAL_SECONDS: '0', GDAP_WARN_DAYS: '1' };
    a = await startTestApp(quiet);
    // B and C trust certificates served by A's simulator (in production: Partner Center's host).
    const env = { ...quiet, WEBHOOK_ALLOWED_CERT_HOSTS: new URL(a.baseUrl).host };
    const shared = { cosmos: a.app.cosmos, partnerCenter: a.app.services.partnerCenter };
    b = await startTestApp(env, shared);
    c = await startTestApp(env, shared);
    a.app.simulator!.setWebhookUrl(undefined); // the test delivers webhooks itself

    // A channel subscribes through instance B.
    const channel = new TeamsChat({
      serviceUrl: connector.url,
      conversationType: 'channel',
      conversationId: CHANNEL_ID,
      userAadObjectId: SIMULATOR_USERS.globalAdmin.aadObjectId,
    });
    await post(b.baseUrl, channel.message('notifications on'));
    await connector.waitFor(() => connector.messages(CHANNEL_ID).length >= 1);
    connector.clear();

    // The first scheduled run anywhere records the baseline; exactly one instance holds the lease.
    const runs = await Promise.all(all().map((x) => x.app.notifications.runScheduled()));
    expect(runs.filter((r) => r?.reconciled?.baseline)).toHaveLength(1);
    expect(runs.filter((r) => r === undefined)).toHaveLength(2);
  });
  afterAll(async () => {
    for (const x of [c, b, a]) await x?.stop();
    await connector?.stop();
  });

  const settle = () => Promise.all(all().map((x) => x.app.notifications.whenIdle()));

  it('the same webhook at every instance (twice) while every instance reconciles → one notification each', async () => {
    const sim = a.app.simulator!;
    const invitation = await createInvitation(a.app, connector.url, {
      customer: { companyName: 'Jolly Lantern Studios', contactEmail: 'hello@jolly-lantern.onmicrosoft.com' },
    });
    const accepted = sim.acceptInvitation({ companyName: 'Jolly Lantern Studios', domain: 'jolly-lantern' });
    const { raw, headers } = signedEvent(sim, accepted.event);

    const statuses = await Promise.all([
      ...all().map((x) => postWebhook(x.baseUrl, raw, headers)),
      ...all().map((x) => x.app.notifications.runScheduled()),
      ...all().map((x) => postWebhook(x.baseUrl, raw, headers)),
    ]);
    expect(statuses.filter((s) => typeof s === 'number')).toEqual([202, 202, 202, 202, 202, 202]);
    await settle();

    expect(connector.messages(conversationIdOf(invitation)).map(cardTitle)).toEqual([
      'Jolly Lantern Studios accepted your invitation',
    ]);
    expect(connector.messages(CHANNEL_ID).map(cardTitle)).toEqual([
      'Jolly Lantern Studios accepted an invitation',
    ]);
    const record = await acceptanceRecord(a.app, accepted.customer.id);
    expect(record).toMatchObject({ state: 'done', invitationId: invitation.id });
    const audit = await a.app.services.audit.latest(a.app.services.partnerTenantId, 50);
    expect(audit.filter((e) => e.customer?.id === accepted.customer.id)).toHaveLength(1);

    // Later scheduled runs (any instance) find nothing new.
    await Promise.all(all().map((x) => x.app.notifications.runScheduled()));
    await settle();
    expect(connector.messages()).toHaveLength(2);
    connector.clear();
  });

  it('a lost webhook: reconcilers and direct processing racing on all instances still notify once', async () => {
    const sim = a.app.simulator!;
    const invitation = await createInvitation(b.app, connector.url, {
      customer: { companyName: 'Kestrel Ridge Farms' },
    });
    const accepted = sim.acceptInvitation({ companyName: 'Kestrel Ridge Farms', domain: 'kestrel-ridge' });
    const outcomes = await Promise.all([
      ...all().map((x) =>
        x.app.notifications.processor.processAcceptance(accepted.customer.id, { source: 'reconciler' }),
      ),
      ...all().map((x) => x.app.notifications.runScheduled()),
    ]);
    // One caller did the work (a direct call, or the reconciler of the lease holder); the rest saw its decision.
    const direct = outcomes.slice(0, 3);
    expect(direct.filter((o) => o === 'notified').length).toBeLessThanOrEqual(1);
    expect(direct.every((o) => ['notified', 'duplicate', 'in_progress'].includes(o as string))).toBe(true);
    await settle();
    expect(connector.messages(conversationIdOf(invitation)).map(cardTitle)).toEqual([
      'Kestrel Ridge Farms accepted your invitation',
    ]);
    expect(connector.messages(CHANNEL_ID)).toHaveLength(1);
    connector.clear();
  });

  it('two customers racing for the same invitation: one settles it, the other is reported as unmatched', async () => {
    const sim = a.app.simulator!;
    const invitation = await createInvitation(a.app, connector.url, {
      customer: { companyName: 'Nightjar Books' },
    });
    const first = sim.addCustomer({ companyName: 'Nightjar Books GmbH', domain: 'nightjar-books' });
    const second = sim.addCustomer({ companyName: 'Nightjar Books AG', domain: 'nightjar-books-ag' });
    await Promise.all([
      b.app.notifications.processor.processAcceptance(first.id, { source: 'webhook' }),
      c.app.notifications.processor.processAcceptance(second.id, { source: 'webhook' }),
    ]);
    await settle();
    expect(connector.messages(conversationIdOf(invitation))).toHaveLength(1);
    const titles = connector.messages(CHANNEL_ID).map(cardTitle).sort();
    expect(titles).toHaveLength(2);
    expect(titles.filter((t) => t.endsWith('accepted an invitation'))).toHaveLength(1);
    expect(titles.filter((t) => t.endsWith('is now your customer'))).toHaveLength(1);
    const stored = await a.app.services.invitations.get(a.app.services.partnerTenantId, invitation.id);
    expect([first.id, second.id]).toContain(stored?.acceptedCustomer?.id);
    await Promise.all(all().map((x) => x.app.notifications.runScheduled())); // the reconciler adds nothing
    await settle();
    expect(connector.messages()).toHaveLength(3);
    connector.clear();
  });

  it('an old pending invitation gets one reminder, however many instances run the job how often', async () => {
    const old = new Date(Date.now() - 30 * 24 * 3600_000).toISOString();
    const invitation = await createInvitation(b.app, connector.url, {
      customer: { companyName: 'Osprey Lane Bakery' },
      createdAt: old,
      updatedAt: old,
    });
    for (let round = 0; round < 2; round++) {
      await Promise.all(
        all().map(async (x) => {
          // Each instance runs the job itself too (as if each held the lease in turn).
          await x.app.notifications.reminders.run();
          await x.app.notifications.runScheduled();
        }),
      );
    }
    await settle();
    expect(connector.messages(conversationIdOf(invitation)).map(cardTitle)).toEqual([
      'Your invitation is still pending',
    ]);
    expect(connector.messages()).toHaveLength(1);
    connector.clear();
  });

  it('an instance that stopped half-way: another one finishes its notification (once)', async () => {
    const sim = a.app.simulator!;
    const invitation = await createInvitation(c.app, connector.url, {
      customer: { companyName: 'Larkspur Mills' },
    });
    const customer = sim.addCustomer({ companyName: 'Larkspur Mills', domain: 'larkspur-mills' });
    // What a crashed instance leaves behind: the decision, recipients not yet served, not renewed for long.
    const longAgo = new Date(Date.now() - 60 * 60_000).toISOString();
    const id = `acceptance:${a.app.services.partnerTenantId}:${customer.id}`;
    const orphan: AcceptanceRecord = {
      id,
      type: 'acceptance',
      partnerTenantId: a.app.services.partnerTenantId,
      customerId: customer.id,
      invitationId: invitation.id,
      customer: { companyName: customer.companyName, domain: customer.domain },
      kind: 'reseller',
      source: 'webhook',
      state: 'sending',
      owner: 'crashed-instance',
      claimedAt: longAgo,
      createdAt: longAgo,
      updatedAt: longAgo,
      deliveries: [
        { target: 'inviter', conversationId: conversationIdOf(invitation), status: 'pending', attempts: 0 },
      ],
    };
    await a.app.cosmos.containers.dedupe.items.create(orphan);
    // The reconciler also sees the customer as new: processing it must not send a second card.
    const runs = await Promise.all(all().map((x) => x.app.notifications.runScheduled()));
    await settle();
    const ran = runs.find((r) => r !== undefined);
    expect(ran?.reconciled?.found).toBe(1);
    expect(connector.messages(conversationIdOf(invitation)).map(cardTitle)).toEqual([
      'Larkspur Mills accepted your invitation',
    ]);
    expect(connector.messages(CHANNEL_ID)).toHaveLength(0); // not among the recipients the first owner chose
    const record = await acceptanceRecord(a.app, customer.id);
    expect(record).toMatchObject({ state: 'done' });
    expect(record!.owner).not.toBe('crashed-instance');
    const stored = await a.app.services.invitations.get(a.app.services.partnerTenantId, invitation.id);
    expect(stored?.status).toBe('accepted');
  });
});
