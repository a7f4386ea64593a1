import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReminderRecord } from '../../../src/notifications/records';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { post, TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import {
  acceptanceRecord,
  cardOf,
  cardTitle,
  conversationIdOf,
  createInvitation,
  personalReference,
  postWebhook,
  signedEvent,
  WEBHOOK,
} from './helpers';

const CHANNEL_ID = '19:notifications-test@thread.tacv2';

describe('acceptance notifications (one bot, embedded Cosmos and simulator, real HTTP)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  let channel: TeamsChat;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    // GDAP_WARN_DAYS 1: the seeded demo GDAP relationships (ending in 10 and 25 days) send no expiry
    // warnings to the channel here (gdapExpiry.test.ts covers them).
    bot = await startTestApp({
      RECONCILE_INTERVAL_SECONDS: '0',
      REMINDER_AFTER_DAYS: '7',
      GDAP_WARN_DAYS: '1',
    });
    channel = new TeamsChat({
      serviceUrl: connector.url,
      conversationType: 'channel',
      conversationId: CHANNEL_ID,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const sim = () => bot.app.simulator!;
  const settle = async () => {
    await sim().whenIdle();
    await bot.app.notifications.whenIdle();
  };
  const texts = (conversationId: string) =>
    connector.messages(conversationId).map((m) => m.text ?? cardTitle(m));

  it('an admin switches channel notifications on; others are refused; outside channels it explains', async () => {
    const sales = new TeamsChat({
      serviceUrl: connector.url,
      conversationType: 'channel',
      conversationId: CHANNEL_ID,
      userAadObjectId: SIMULATOR_USERS.salesAgent.aadObjectId,
    });
    await post(bot.baseUrl, sales.message('<at>Customer Connect</at> notifications on'));
    await connector.waitFor(() => connector.messages(CHANNEL_ID).length >= 1);
    expect(connector.messages(CHANNEL_ID)[0]!.text).toMatch(/only a Global admin or Admin agent/);

    await post(bot.baseUrl, channel.message('<at>Customer Connect</at> notifications on'));
    await post(bot.baseUrl, channel.message('notifications'));
    await connector.waitFor(() => connector.messages(CHANNEL_ID).length >= 3);
    expect(connector.messages(CHANNEL_ID)[1]!.text).toContain('this channel will be told');
    expect(connector.messages(CHANNEL_ID)[2]!.text).toContain('are **on**');

    const personal = new TeamsChat({ serviceUrl: connector.url, locale: 'de-DE' });
    await post(bot.baseUrl, personal.message('benachrichtigungen an'));
    await post(bot.baseUrl, personal.message('benachrichtigungen vielleicht'));
    await connector.waitFor(() => connector.messages(personal.conversationId).length >= 2);
    expect(connector.messages(personal.conversationId)[0]!.text).toContain('pro Teamkanal');
    expect(connector.messages(personal.conversationId)[1]!.text).toContain('benachrichtigungen aus');

    const subscribed = await bot.app.services.conversations.listSubscribed(bot.app.services.partnerTenantId);
    expect(subscribed.map((c) => c.conversationId)).toEqual([CHANNEL_ID]);
    connector.clear();
  });

  it('an invitation accepted on the simulator page reaches the inviter and the channel as a card, once', async () => {
    const invitation = await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Tailwind Traders', contactEmail: 'it@tailwindtraders.com' },
    });
    const inviterConversation = conversationIdOf(invitation);

    const page = await fetch(`${bot.baseUrl}/simulator/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        partnerId: sim().partner.tenantId,
        companyName: 'Tailwind Traders GmbH',
        domain: 'tailwindtraders',
      }).toString(),
    });
    expect(page.status).toBe(200);
    await page.text();
    await settle();
    await connector.waitFor(
      () => connector.messages(inviterConversation).length >= 1 && connector.messages(CHANNEL_ID).length >= 1,
    );

    const toInviter = connector.messages(inviterConversation);
    expect(toInviter).toHaveLength(1);
    expect(cardTitle(toInviter[0]!)).toBe('Tailwind Traders GmbH accepted your invitation');
    const card = cardOf(toInviter[0]!)!;
    expect(JSON.stringify(card.body)).toContain('tailwindtraders.onmicrosoft.com');
    // Issue 18.2: a Universal Action (the Playground ignored the former imBack) running `customers <domain>`.
    expect(card.actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'command.run',
      data: { command: 'customers', args: 'tailwindtraders.onmicrosoft.com' },
    });
    const toChannel = connector.messages(CHANNEL_ID);
    expect(toChannel).toHaveLength(1);
    expect(cardTitle(toChannel[0]!)).toBe('Tailwind Traders GmbH accepted an invitation');
    expect(JSON.stringify(cardOf(toChannel[0]!))).toContain('Dana Inviter');

    const stored = await bot.app.services.invitations.get(bot.app.services.partnerTenantId, invitation.id);
    const customer = sim().findCustomerByDomain('tailwindtraders.onmicrosoft.com')!;
    expect(stored).toMatchObject({ status: 'accepted', acceptedCustomer: { id: customer.id } });
    const audit = await bot.app.services.audit.latest(bot.app.services.partnerTenantId, 20);
    expect(
      audit.filter((a) => a.action === 'invitation.accepted' && a.customer?.id === customer.id),
    ).toHaveLength(1);
    const record = await acceptanceRecord(bot.app, customer.id);
    expect(record).toMatchObject({ state: 'done', invitationId: invitation.id, source: 'webhook' });
    expect(record!.deliveries!.map((d) => [d.target, d.status, d.attempts])).toEqual([
      ['inviter', 'sent', 1],
      ['channel', 'sent', 1],
    ]);

    // Partner Center re-delivers (same body twice, then a later copy): nothing new is sent.
    const event = {
      EventName: 'reseller-relationship-accepted-by-customer',
      ResourceUri: `https://api.partnercenter.microsoft.com/v1/customers/${customer.id}`,
      ResourceName: 'Customer',
      AuditUri: 'https://api.partnercenter.microsoft.com/v1/auditrecords',
      ResourceChangeUtcDate: new Date().toISOString(),
    };
    const again = signedEvent(sim(), event);
    expect(await postWebhook(bot.baseUrl, again.raw, again.headers)).toBe(202);
    expect(await postWebhook(bot.baseUrl, again.raw, again.headers)).toBe(202);
    const later = signedEvent(sim(), {
      ...event,
      ResourceChangeUtcDate: new Date(Date.now() + 1000).toISOString(),
    });
    expect(await postWebhook(bot.baseUrl, later.raw, later.headers)).toBe(202);
    await settle();
    expect(connector.messages(inviterConversation)).toHaveLength(1);
    expect(connector.messages(CHANNEL_ID)).toHaveLength(1);
    connector.clear();
  });

  it('refuses unsigned, tampered and foreign-certificate webhooks with 401 and fetches nothing foreign', async () => {
    let foreignHits = 0;
    const foreign = http.createServer((_req, res) => {
      foreignHits++;
      res.end(sim().leafCertificatePem);
    });
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    try {
      const event = {
        EventName: 'reseller-relationship-accepted-by-customer',
        ResourceUri:
          'https://api.partnercenter.microsoft.com/v1/customers/0b5a1f4e-1111-4222-8333-944455556666',
      };
      const { raw, headers } = signedEvent(sim(), event);
      const tampered = Buffer.from(raw);
      tampered[tampered.length - 3] = tampered[tampered.length - 3]! ^ 0x01;
      const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/webhook.cer`;

      expect(await postWebhook(bot.baseUrl, raw, { 'content-type': 'application/json' })).toBe(401);
      expect(await postWebhook(bot.baseUrl, tampered, headers)).toBe(401);
      expect(await postWebhook(bot.baseUrl, raw, { ...headers, 'X-MS-Certificate-Url': foreignUrl })).toBe(
        401,
      );
      expect(await postWebhook(bot.baseUrl, 'x'.repeat(300_000), headers)).toBe(413);
      expect(foreignHits).toBe(0);
      // The genuine request for an unknown customer is accepted (and then finds nothing to notify).
      expect(await postWebhook(bot.baseUrl, raw, headers)).toBe(202);
      await settle();
      expect(connector.activities).toHaveLength(0);
      // Other events are acknowledged and ignored.
      const other = signedEvent(sim(), {
        EventName: 'test-created',
        ResourceUri: 'https://x/v1/customers/abc',
      });
      expect(await postWebhook(bot.baseUrl, other.raw, other.headers)).toBe(202);
      const response = await fetch(`${bot.baseUrl}${WEBHOOK}`, { method: 'GET' });
      expect(response.status).toBeGreaterThanOrEqual(400);
    } finally {
      await new Promise<void>((r) => foreign.close(() => r()));
    }
  });

  it('retries a connector 429 after Retry-After and delivers once', async () => {
    const invitation = await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Quillfeather Press' },
    });
    connector.failNext(429, { 'Retry-After': '1' }, { error: { code: 'Throttled', message: 'slow down' } });
    const result = sim().acceptInvitation({
      companyName: 'Quillfeather Press',
      domain: 'quillfeather-press',
    });
    await settle();
    await connector.waitFor(() => connector.messages(conversationIdOf(invitation)).length >= 1);
    expect(connector.messages(conversationIdOf(invitation))).toHaveLength(1);
    const record = await acceptanceRecord(bot.app, result.customer.id);
    expect(record!.deliveries![0]).toMatchObject({ target: 'inviter', status: 'sent', attempts: 2 });
    connector.clear();
  });

  it('marks the inviter’s conversation inactive on 403 and sends nothing more there', async () => {
    const chat = new TeamsChat({
      serviceUrl: connector.url,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
    });
    await post(bot.baseUrl, chat.message('notifications')); // the bot now knows this conversation
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    const reference = personalReference(connector.url, chat.conversationId);
    await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Brambleton Optics' },
      conversationReference: reference,
    });
    await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Cinderford Labs' },
      conversationReference: reference,
    });
    connector.clear();

    connector.failNext(403, {}, { error: { code: 'ConversationBlockedByUser', message: 'blocked' } });
    const first = sim().acceptInvitation({ companyName: 'Brambleton Optics', domain: 'brambleton-optics' });
    await settle();
    const record = await acceptanceRecord(bot.app, first.customer.id);
    expect(record!.deliveries![0]).toMatchObject({
      target: 'inviter',
      status: 'inactive',
      attempts: 1,
      statusCode: 403,
    });
    const stored = await bot.app.services.conversations.get(
      bot.app.services.partnerTenantId,
      chat.conversationId,
    );
    expect(stored).toMatchObject({ active: false, deactivationReason: 'ConversationBlockedByUser' });

    // A second acceptance for the same inviter: no attempt at all towards that conversation.
    const second = sim().acceptInvitation({ companyName: 'Cinderford Labs', domain: 'cinderford-labs' });
    await settle();
    const secondRecord = await acceptanceRecord(bot.app, second.customer.id);
    expect(secondRecord!.deliveries!.map((d) => [d.target, d.status, d.attempts])).toEqual([
      ['inviter', 'skipped', 0],
      ['channel', 'sent', 1],
    ]);
    expect(connector.activities.filter((a) => a.conversationId === chat.conversationId)).toHaveLength(0);
    // The channel still got both.
    expect(connector.messages(CHANNEL_ID).map(cardTitle)).toEqual([
      'Brambleton Optics accepted an invitation',
      'Cinderford Labs accepted an invitation',
    ]);
    connector.clear();
  });

  it('finds an acceptance whose webhook was lost (reconciler), once, and reports unmatched ones to the channel', async () => {
    await bot.app.notifications.runScheduled(); // baseline (or nothing new)
    const invitation = await createInvitation(bot.app, connector.url, {
      kind: 'indirectReseller',
      provider: { id: sim().providers[0]!.id, name: sim().providers[0]!.name },
      customer: { companyName: 'Halverson Cellars', contactEmail: 'owner@halverson-cellars.onmicrosoft.com' },
    });
    sim().setWebhookUrl(undefined);
    try {
      sim().acceptInvitation({
        companyName: 'Halverson Cellars AG',
        domain: 'halverson-cellars',
        indirectProviderId: sim().providers[0]!.id,
      });
      sim().acceptInvitation({ companyName: 'Marrowgate Cycles', domain: 'marrowgate-cycles' });
      await settle();
      expect(connector.activities).toHaveLength(0);

      const run = await bot.app.notifications.runScheduled();
      expect(run?.reconciled).toMatchObject({ baseline: false, found: 2, failed: 0 });
      await connector.waitFor(() => connector.messages(CHANNEL_ID).length >= 2);
      const toInviter = connector.messages(conversationIdOf(invitation));
      expect(toInviter.map(cardTitle)).toEqual(['Halverson Cellars AG accepted your invitation']);
      expect(JSON.stringify(cardOf(toInviter[0]!))).toContain(sim().providers[0]!.name);
      expect(connector.messages(CHANNEL_ID).map(cardTitle).sort()).toEqual([
        'Halverson Cellars AG accepted an invitation',
        'Marrowgate Cycles is now your customer',
      ]);

      const again = await bot.app.notifications.runScheduled();
      expect(again?.reconciled).toMatchObject({ found: 0 });
      expect(connector.messages()).toHaveLength(3);
    } finally {
      sim().setWebhookUrl(`${bot.baseUrl}${WEBHOOK}`);
      connector.clear();
    }
  });

  it('reminds the inviter once about an old pending invitation; resend and withdraw work from the card', async () => {
    const chat = new TeamsChat({
      serviceUrl: connector.url,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
    });
    const old = new Date(Date.now() - 10 * 24 * 3600_000).toISOString();
    const invitation = await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Ostrander Coffee', contactEmail: 'ceo@ostrander-coffee.com' },
      conversationReference: personalReference(connector.url, chat.conversationId),
      createdAt: old,
      updatedAt: old,
    });
    const fresh = await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Pemberly Yarns' },
    });
    // An old admin-access-only request gets no reseller-link reminder (GDAP approval follows it).
    await createInvitation(bot.app, connector.url, {
      kind: 'adminAccess',
      customer: { companyName: 'Quillfeather Admin Only' },
      conversationReference: personalReference(connector.url, chat.conversationId),
      createdAt: old,
      updatedAt: old,
    });

    const first = await bot.app.notifications.runScheduled();
    const second = await bot.app.notifications.runScheduled();
    expect(first?.reminders).toBe(1);
    expect(second?.reminders).toBe(0);
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    const reminders = connector.messages(chat.conversationId);
    expect(reminders.map(cardTitle)).toEqual(['Your invitation is still pending']);
    expect(connector.messages(conversationIdOf(fresh))).toHaveLength(0);
    const reminderCard = cardOf(reminders[0]!)!;
    expect(reminderCard.body[1].text).toContain('Ostrander Coffee 10 days ago');
    expect(reminderCard.actions.map((a: { verb: string }) => a.verb)).toEqual([
      'notifications.resend',
      'notifications.withdraw',
    ]);
    const claim = await bot.app.cosmos.containers.dedupe
      .item(
        `reminder:${bot.app.services.partnerTenantId}:${invitation.id}`,
        `reminder:${bot.app.services.partnerTenantId}:${invitation.id}`,
      )
      .read<ReminderRecord>();
    expect(claim.resource?.delivery).toMatchObject({ status: 'sent', attempts: 1 });

    const data = reminderCard.actions[0].data as Record<string, unknown>;
    const resend = await post(bot.baseUrl, chat.cardAction('notifications.resend', data));
    expect(resend.status).toBe(200);
    expect(resend.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(resend.body.value.body[0].text).toBe('Draft email to send again');
    expect(JSON.stringify(resend.body.value)).toContain(
      invitation.link.replace(/&/g, '\\u0026').slice(0, 20),
    );
    expect(resend.body.value.actions[0].url).toMatch(/^mailto:ceo@ostrander-coffee\.com\?subject=/);

    const sales = new TeamsChat({
      serviceUrl: connector.url,
      conversationId: chat.conversationId,
      userAadObjectId: SIMULATOR_USERS.salesAgent.aadObjectId,
    });
    const refused = await post(bot.baseUrl, sales.cardAction('notifications.withdraw', data));
    expect(refused.body.value).toMatch(/only a Global admin or Admin agent/);
    const forged = await post(
      bot.baseUrl,
      chat.cardAction('notifications.withdraw', { invitationId: 'nope' }),
    );
    expect(forged.body.value).toContain('no longer exists');
    const malformed = await post(
      bot.baseUrl,
      chat.cardAction('notifications.withdraw', { invitationId: '../x' }),
    );
    expect(malformed.body.value).toContain('not understood');

    const withdrawn = await post(bot.baseUrl, chat.cardAction('notifications.withdraw', data));
    expect(withdrawn.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(withdrawn.body.value)).toContain('You withdrew this invitation');
    expect(withdrawn.body.value.actions ?? []).toHaveLength(0);
    const stored = await bot.app.services.invitations.get(bot.app.services.partnerTenantId, invitation.id);
    expect(stored).toMatchObject({ status: 'expired' });
    expect(stored?.remindedAt).toBeDefined();
    const audit = await bot.app.services.audit.latest(bot.app.services.partnerTenantId, 50);
    expect(audit.filter((a) => a.action === 'invitation.withdrawn')).toHaveLength(1);
    const resendLater = await post(bot.baseUrl, chat.cardAction('notifications.resend', data));
    expect(resendLater.body.value).toContain('already withdrawn');
    expect(texts(CHANNEL_ID)).toEqual([]);
  });
});
