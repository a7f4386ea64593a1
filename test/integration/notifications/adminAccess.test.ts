import { BUILT_IN_TEMPLATES } from '../../../src/domain/gdap';
import type { AdminAccessRecord } from '../../../src/notifications/records';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { cardOf, cardTitle, conversationIdOf, createInvitation, postWebhook, signedEvent } from './helpers';

const ROLES = BUILT_IN_TEMPLATES.templates[0]!.roles.map((r) => r.roleDefinitionId);

describe('admin access approval (embedded Graph simulator, real HTTP)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '0', REMINDER_AFTER_DAYS: '0' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const settle = async () => {
    await bot.app.simulator!.whenIdle();
    await bot.app.notifications.whenIdle();
  };

  async function lockedRelationship(name: string): Promise<string> {
    const gdap = bot.app.services.gdap;
    const r = await gdap.createRelationship({
      displayName: `${name}-${Date.now()}`.slice(0, 50),
      duration: 'P730D',
      roleDefinitionIds: ROLES,
      autoExtendDuration: 'P180D',
    });
    await gdap.lockForApproval(r.id);
    return r.id;
  }

  async function record(relationshipId: string, phase: 'active' | 'ended') {
    const id = `admin-access:${bot.app.services.partnerTenantId}:${relationshipId}:${phase}`;
    const { resource } = await bot.app.cosmos.containers.dedupe.item(id, id).read<AdminAccessRecord>();
    return resource;
  }

  it('approval on the simulator page → access assignments created → the inviter is told once', async () => {
    const relationshipId = await lockedRelationship('Northwind');
    const invitation = await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Northwind Gdap' },
      relationshipId,
      templateId: 'least-privilege',
    });
    const inviterConversation = conversationIdOf(invitation);

    const page = await fetch(`${bot.baseUrl}/simulator/graph/approve/${relationshipId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        decision: 'approve',
        companyName: 'Northwind Gdap',
        domain: 'northwindgdap',
      }).toString(),
    });
    expect(page.status).toBe(200);
    await page.text();
    await settle();
    await connector.waitFor(() => connector.messages(inviterConversation).length >= 1);

    const assignments = await bot.app.services.gdap.listAccessAssignments(relationshipId);
    expect(assignments).toHaveLength(ROLES.length);
    const messages = connector.messages(inviterConversation);
    expect(messages).toHaveLength(1);
    expect(cardTitle(messages[0]!)).toBe('Northwind Gdap approved admin access');
    const text = JSON.stringify(cardOf(messages[0]!));
    expect(text).toContain('User Administrator');
    expect(text).toContain('Yes, by 180 days');

    // The invitation now knows the customer's tenant (the reseller acceptance matches on it).
    const stored = await bot.app.services.invitations.get(invitation.partnerTenantId, invitation.id);
    const relationship = await bot.app.services.gdap.getRelationship(relationshipId);
    expect(stored?.customerTenantId).toBe(relationship.customer?.tenantId);
    expect(stored?.adminAccess?.status).toBe('active');
    expect((await record(relationshipId, 'active'))?.state).toBe('done');

    // Partner Center delivers the approval again (a new body): nothing more happens.
    const again = signedEvent(bot.app.simulator!, {
      EventName: 'granular-admin-relationship-activated',
      ResourceUri: `https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships/${relationshipId}`,
      ResourceName: 'DelegatedAdminRelationship',
      ResourceChangeUtcDate: new Date(Date.now() + 1000).toISOString(),
    });
    expect(await postWebhook(bot.baseUrl, again.raw, again.headers)).toBe(202);
    await settle();
    expect(connector.messages(inviterConversation)).toHaveLength(1);
    expect(await bot.app.services.gdap.listAccessAssignments(relationshipId)).toHaveLength(ROLES.length);
  });

  it('a webhook for a relationship no invitation requested is ignored', async () => {
    const before = connector.messages().length;
    const unknown = signedEvent(bot.app.simulator!, {
      EventName: 'granular-admin-relationship-approved',
      ResourceUri:
        'https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships/00000000-0000-0000-0000-000000000000',
    });
    expect(await postWebhook(bot.baseUrl, unknown.raw, unknown.headers)).toBe(202);
    await settle();
    expect(connector.messages()).toHaveLength(before);
  });

  it('a request not approved within 90 days expires and the inviter hears it', async () => {
    const relationshipId = await lockedRelationship('Expiring');
    const invitation = await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Slow Corp' },
      relationshipId,
      templateId: 'least-privilege',
      locale: 'de-DE',
    });
    const inviterConversation = conversationIdOf(invitation);
    const res = await fetch(`${bot.baseUrl}/simulator/graph/admin/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 91 }),
    });
    expect(res.status).toBe(200);
    await res.text();
    await settle();
    await connector.waitFor(() => connector.messages(inviterConversation).length >= 1);
    const messages = connector.messages(inviterConversation);
    expect(messages).toHaveLength(1);
    expect(cardTitle(messages[0]!)).toBe('Anfrage für Administratorzugriff bei Slow Corp beendet');
    expect(
      (await bot.app.services.invitations.get(invitation.partnerTenantId, invitation.id))?.adminAccess
        ?.status,
    ).toBe('expired');
  });
});
