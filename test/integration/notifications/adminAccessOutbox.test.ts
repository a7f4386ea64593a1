import { BUILT_IN_TEMPLATES } from '../../../src/domain/gdap';
import type { AdminAccessRecord } from '../../../src/notifications/records';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { cardTitle, conversationIdOf, createInvitation, movableClock } from './helpers';

const ROLES = BUILT_IN_TEMPLATES.templates[0]!.roles.map((r) => r.roleDefinitionId);

/**
 * The admin-access notification goes the acceptance notification's way: a delivery that fails all
 * its attempts waits in the outbox (`retryAt` on its record) and is delivered later, once.
 */
describe('admin access notification through the outbox (embedded Cosmos, Graph simulator, real HTTP)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  const clock = movableClock();

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp(
      { RECONCILE_INTERVAL_SECONDS: '0', NOTIFICATION_DRAIN_INTERVAL_SECONDS: '0', REMINDER_AFTER_DAYS: '0' },
      { notifications: { clock, sender: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } } },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  async function record(relationshipId: string): Promise<AdminAccessRecord | undefined> {
    const id = `admin-access:${bot.app.services.partnerTenantId}:${relationshipId}:active`;
    const { resource } = await bot.app.cosmos.containers.dedupe.item(id, id).read<AdminAccessRecord>();
    return resource;
  }

  it('a notification failing all its attempts waits in the outbox and is delivered later, once', async () => {
    const gdap = bot.app.services.gdap;
    const r = await gdap.createRelationship({
      displayName: `Outboxia-${Date.now()}`,
      duration: 'P730D',
      roleDefinitionIds: ROLES,
      autoExtendDuration: 'P180D',
    });
    await gdap.lockForApproval(r.id);
    const invitation = await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Outboxia GmbH' },
      relationshipId: r.id,
      templateId: 'least-privilege',
    });
    connector.failNext(503);
    connector.failNext(503);
    const page = await fetch(`${bot.baseUrl}/simulator/graph/approve/${r.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        decision: 'approve',
        companyName: 'Outboxia GmbH',
        domain: 'outboxia',
      }).toString(),
    });
    expect(page.status).toBe(200);
    await page.text();
    await bot.app.simulator!.whenIdle();
    await bot.app.notifications.whenIdle();

    const failed = await record(r.id);
    expect(failed).toMatchObject({ state: 'done' });
    expect(failed!.retryAt).toBeDefined();
    expect(failed!.delivery).toMatchObject({ target: 'inviter', status: 'failed', attempts: 2 });
    expect(await gdap.listAccessAssignments(r.id)).toHaveLength(ROLES.length);
    expect(connector.messages(conversationIdOf(invitation))).toHaveLength(0);

    // Not due yet: nothing happens.
    expect((await bot.app.notifications.runDrain())?.redelivered).toBe(0);
    clock.advance(7 * 3600_000);
    expect((await bot.app.notifications.runDrain())?.redelivered).toBe(1);
    const delivered = await record(r.id);
    expect(delivered!.retryAt).toBeUndefined();
    expect(delivered!.delivery).toMatchObject({ status: 'sent', attempts: 3 });
    clock.advance(7 * 3600_000);
    expect((await bot.app.notifications.runDrain())?.redelivered).toBe(0);
    expect(connector.messages(conversationIdOf(invitation)).map(cardTitle)).toEqual([
      'Outboxia GmbH approved admin access',
    ]);
    // Assignments were made once, not again by the retry.
    expect(await gdap.listAccessAssignments(r.id)).toHaveLength(ROLES.length);
  });
});
