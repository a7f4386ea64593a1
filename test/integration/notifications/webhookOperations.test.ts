import { CapturingConnector } from '../../support/connector';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { BOT_WEBHOOK_EVENTS, BOT_WEBHOOK_PATH } from '../../../src/partnerCenter';
import { WEBHOOK_PATH } from '../../../src/server/webhook';
import { EXIT, runWebhookCli } from '../../../src/tools/webhook';

/** The operator's webhook CLI against the embedded simulator over HTTP, and the `status` card. */
describe('webhook operations: npm run webhook and the status command', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ PARTNER_CENTER_MAX_RETRIES: '1' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const cli = async (command: string) => {
    const lines: string[] = [];
    const code = await runWebhookCli([command], {
      env: { PUBLIC_BASE_URL: bot.baseUrl, LOG_LEVEL: 'silent' },
      output: { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`) },
      testWaitMs: 10_000,
      testPollMs: 50,
    });
    return { code, text: lines.join('\n') };
  };

  const reply = async (chat: TeamsChat, text: string) => {
    const before = connector.messages(chat.conversationId).length;
    await post(bot.baseUrl, chat.message(text));
    await connector.waitFor(() => connector.messages(chat.conversationId).length > before);
    return connector.messages(chat.conversationId)[before]!;
  };

  it('uses one webhook path for the route and the registration', () => {
    expect(BOT_WEBHOOK_PATH).toBe(WEBHOOK_PATH);
  });

  it('embedded mode: the bot is pre-registered with every event it handles', async () => {
    const { code, text } = await cli('status');
    expect(code).toBe(EXIT.ok);
    expect(text).toContain(`${bot.baseUrl}${BOT_WEBHOOK_PATH}`);
    for (const event of BOT_WEBHOOK_EVENTS) expect(text).toContain(event);
    expect(text).toMatch(/missing events: \(none\)/);
  });

  it('status reports missing events and a wrong URL; register fixes both', async () => {
    const registry = bot.app.simulator!.webhookRegistry;
    registry.save(
      { WebhookUrl: 'https://elsewhere.example/hook', WebhookEvents: ['subscription-updated'] },
      'update',
    );
    const before = await cli('status');
    expect(before.code).toBe(EXIT.failed);
    expect(before.text).toMatch(/WRONG: the bot needs/);
    expect(before.text).toContain('granular-admin-relationship-approved');

    const registered = await cli('register');
    expect(registered.code).toBe(EXIT.ok);
    expect(registered.text).toMatch(/updated \(PUT\)/);
    const after = await cli('status');
    expect(after.code).toBe(EXIT.ok);
    // Events registered by someone else are kept.
    expect(registry.current()!.webhookEvents).toEqual([...BOT_WEBHOOK_EVENTS, 'subscription-updated']);
    expect(registry.current()!.webhookUrl).toBe(`${bot.baseUrl}${BOT_WEBHOOK_PATH}`);
  });

  it('test: the bot receives a signed test event and the status says delivered', async () => {
    const { code, text } = await cli('test');
    expect(text).toMatch(/Test event delivered/);
    expect(code).toBe(EXIT.ok);
    // The bot verified and stored it: the status document names it.
    const snapshot = await bot.app.services.status!.report();
    expect(snapshot.snapshot?.lastEvent?.name).toBe('test-created');
    expect(snapshot.webhook?.ok).toBe(true);
  });

  it('refuses a third test event within a minute (Partner Center allows 2)', async () => {
    await cli('test');
    const third = await cli('test');
    expect(third.code).toBe(EXIT.partnerCenter);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('unregister')).code).toBe(EXIT.usage);
  });

  it.each([
    ['en-US', 'status', 'Customer Connect status', '✅ Registered', 'test-created', '✅ reachable'],
    ['de-DE', 'status', 'Customer Connect – Status', '✅ Registriert', 'test-created', '✅ erreichbar'],
  ])('status card for an admin in Teams (%s)', async (locale, command, title, registered, event, reach) => {
    const chat = new TeamsChat({
      serviceUrl: connector.url,
      locale,
      userAadObjectId: SIMULATOR_USERS.globalAdmin.aadObjectId,
    });
    const card = (await reply(chat, command)).attachments[0].content;
    const text = JSON.stringify(card);
    expect(card.body[0].text).toBe(title);
    expect(text).toContain(registered);
    expect(text).toContain(event);
    expect(text).toContain(reach);
    expect(card.actions[0].title).toBe('status');
  });

  it.each([
    ['en-US', /Global admin|Admin agent/],
    ['de-DE', /Globaler Administrator|Administrator|Admin/],
  ])('refuses the status card to a sales agent (%s)', async (locale, words) => {
    const chat = new TeamsChat({
      serviceUrl: connector.url,
      locale,
      userAadObjectId: SIMULATOR_USERS.salesAgent.aadObjectId,
    });
    const message = await reply(chat, 'status');
    expect(message.attachments ?? []).toHaveLength(0);
    expect(message.text).toMatch(words);
  });

  it('shows Partner Center as not reachable and the registration as unknown when it fails', async () => {
    bot.app.simulator!.setFaults([
      { route: 'GET /webhooks/v1/registration', type: 'error', status: 500, count: 20 },
    ]);
    const chat = new TeamsChat({
      serviceUrl: connector.url,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
    });
    const text = JSON.stringify((await reply(chat, 'status')).attachments[0].content);
    bot.app.simulator!.clearFaults();
    expect(text).toContain('not reachable');
    expect(text).toContain('Unknown (Partner Center not reachable)');
  });
});
