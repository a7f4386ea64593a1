import { CapturingConnector } from '../../support/connector';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { SIMULATOR_PROVIDERS, SIMULATOR_USERS } from '../../../src/simulator/seed';

describe('providers / anbieter over HTTP against the simulator', () => {
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

  const reply = async (chat: TeamsChat, text: string) => {
    const before = connector.messages(chat.conversationId).length;
    await post(bot.baseUrl, chat.message(text));
    await connector.waitFor(() => connector.messages(chat.conversationId).length > before);
    return connector.messages(chat.conversationId)[before]!;
  };

  it.each([
    ['en-US', 'providers', 'Your indirect providers', 'Invite new customers'],
    ['de-DE', 'anbieter', 'Ihre indirekten Anbieter', 'Neue Kunden einladen'],
  ])('lists every indirect provider (%s)', async (locale, command, title, button) => {
    const chat = new TeamsChat({
      serviceUrl: connector.url,
      locale,
      userAadObjectId: SIMULATOR_USERS.salesAgent.aadObjectId,
    });
    const card = (await reply(chat, command)).attachments[0].content;
    const text = JSON.stringify(card);
    expect(card.body[0].text).toBe(title);
    for (const p of SIMULATOR_PROVIDERS) expect(text).toContain(p.name);
    expect(card.actions[0].title).toBe(button);
  });

  it('says clearly when Partner Center is unavailable', async () => {
    bot.app.simulator!.setFaults([{ route: 'GET /v1/relationships', type: 'error', status: 500, count: 20 }]);
    const chat = new TeamsChat({ serviceUrl: connector.url });
    const message = await reply(chat, 'providers');
    bot.app.simulator!.clearFaults();
    expect(message.text).toMatch(/Partner Center is not reachable right now/);
  });
});
