import { CapturingConnector } from '../../support/connector';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';

/**
 * Issue 18.2: the help and welcome cards' shortcuts (formerly imBack, which the Agents Playground
 * ignores) are Universal Actions (`command.run`) that run the command over HTTP like the typed word.
 */
describe('command shortcut buttons (Action.Execute) over HTTP', () => {
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

  async function helpCard(chat: TeamsChat, word: string): Promise<any> {
    await post(bot.baseUrl, chat.message(word));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    return connector.messages(chat.conversationId)[0]!.attachments![0]!.content;
  }

  it.each([
    ['en-US', 'help', 'customers', 'Customers'],
    ['de-DE', 'hilfe', 'kunden', 'Kunden'],
  ])('%s: a help shortcut runs its command and replaces the card', async (locale, help, button, title) => {
    const chat = new TeamsChat({ serviceUrl: connector.url, locale });
    const card = await helpCard(chat, help);
    const action = card.actions.find((a: any) => a.title === button);
    expect(action).toMatchObject({
      type: 'Action.Execute',
      verb: 'command.run',
      data: { command: 'customers' },
    });
    const res = await post(bot.baseUrl, chat.cardAction(action.verb, action.data));
    expect(res.body.statusCode).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(res.body.value);
    expect(res.body.value.body[0].text).toBe(title);
  });

  it("the welcome card's Help button answers with the help card; invite starts the invite flow", async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url });
    await post(bot.baseUrl, chat.installation('add'));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    const welcome = connector.messages(chat.conversationId)[0]!.attachments![0]!.content;
    const helpButton = welcome.actions[0];
    expect(helpButton).toMatchObject({
      type: 'Action.Execute',
      verb: 'command.run',
      data: { command: 'help' },
    });
    const help = await post(bot.baseUrl, chat.cardAction(helpButton.verb, helpButton.data));
    expect(help.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(help.body.value)).toContain('**invite**');
    const inviteButton = help.body.value.actions.find((a: any) => a.data?.command === 'invite');
    const invite = await post(bot.baseUrl, chat.cardAction(inviteButton.verb, inviteButton.data));
    expect(invite.body.statusCode).toBe(200);
    expect(JSON.stringify(invite.body.value)).toContain('Request a reseller relationship');
  });

  it('refuses forged shortcut data with a clear sentence', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url });
    for (const data of [{ command: 'format-disk' }, { command: 'customers', args: 'x'.repeat(5000) }, {}]) {
      const res = await post(bot.baseUrl, chat.cardAction('command.run', data));
      expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(res.body.value).toMatch(/not understood/);
    }
  });
});
