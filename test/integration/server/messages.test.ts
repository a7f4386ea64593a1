import { CapturingConnector } from '../../support/connector';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';

describe('POST /api/messages as the Teams channel (embedded Cosmos, real HTTP)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const cardOf = (activity: Record<string, any>) => activity.attachments?.[0]?.content;

  it('answers help with the help card listing every command', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url });
    const res = await post(bot.baseUrl, chat.message('help'));
    expect(res.status).toBe(200);
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    const card = cardOf(connector.messages(chat.conversationId)[0]!);
    expect(card.type).toBe('AdaptiveCard');
    const text = JSON.stringify(card);
    for (const word of ['help', 'invite', 'customers', 'remove', 'invitations', 'providers', 'cancel']) {
      expect(text).toContain(`**${word}**`);
    }
  });

  it('understands a command behind a Teams @mention in a channel', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url, conversationType: 'channel' });
    await post(bot.baseUrl, chat.message('<at>Customer Connect</at> HELP'));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    expect(cardOf(connector.messages(chat.conversationId)[0]!).body[0].text).toContain('what I can do');
  });

  it('answers an unknown command with a hint to type help', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url });
    await post(bot.baseUrl, chat.message('bake a cake'));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    expect(connector.messages(chat.conversationId)[0]!.text).toMatch(
      /did not understand "bake a cake".*help/,
    );
  });

  it('speaks German for locale de-DE', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url, locale: 'de-DE' });
    await post(bot.baseUrl, chat.message('hilfe'));
    await post(bot.baseUrl, chat.message('kuchen backen'));
    await post(bot.baseUrl, chat.message('abbrechen'));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 3);
    const [help, unknown, cancel] = connector.messages(chat.conversationId);
    expect(cardOf(help!).body[0].text).toContain('das kann ich');
    expect(JSON.stringify(cardOf(help!))).toContain('**einladen**');
    expect(unknown!.text).toContain('nicht verstanden');
    expect(cancel!.text).toContain('nichts abzubrechen');
  });

  it('sends the welcome card on installation and stores the conversation reference', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url });
    const res = await post(bot.baseUrl, chat.installation('add'));
    expect(res.status).toBe(200);
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    expect(cardOf(connector.messages(chat.conversationId)[0]!).body[0].text).toContain('Welcome');
    const { resources } = await bot.app.cosmos.containers.conversations.items
      .query({
        query: 'SELECT * FROM c WHERE c.conversationId = @id',
        parameters: [{ name: '@id', value: chat.conversationId }],
      })
      .fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0].active).toBe(true);
    expect(resources[0].reference.serviceUrl).toBe(connector.url);

    await post(bot.baseUrl, chat.installation('remove'));
    const after = await bot.app.cosmos.containers.conversations.items
      .query({
        query: 'SELECT * FROM c WHERE c.conversationId = @id',
        parameters: [{ name: '@id', value: chat.conversationId }],
      })
      .fetchAll();
    expect(after.resources[0].active).toBe(false);
  });

  it('refuses over-long messages with a clear message', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url });
    await post(bot.baseUrl, chat.message('x'.repeat(5000)));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    expect(connector.messages(chat.conversationId)[0]!.text).toContain('too long');
  });

  it('refuses malformed and oversized bodies before the bot sees them', async () => {
    expect((await post(bot.baseUrl, '{not json')).status).toBe(400);
    expect((await post(bot.baseUrl, 'x'.repeat(300_000))).status).toBe(413);
  });

  it('serves health and readiness', async () => {
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${bot.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', cosmos: true });
  });
});
