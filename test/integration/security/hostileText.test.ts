import { inert } from '../../../src/cards/untrusted';
import type { Invitation } from '../../../src/domain/invitations';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { post, TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { liveMarkdown, markdownTexts } from '../../support/liveMarkdown';
import { actionByVerb, choiceIds } from '../../unit/dialogs/customers/helpers';
import { cardOf, conversationIdOf, createInvitation, personalReference } from '../notifications/helpers';

/**
 * Issue 17.2 over the real stack: a customer accepts with a company name full of Markdown and link
 * syntax; staff type such a name into an invitation; a user types such text. Wherever the bot
 * shows it (the acceptance notification, `customers`, the expanded record, `invitations`, the
 * unknown-command reply) it is text: no live Markdown, link or template code, in both languages.
 */
const NAME = '- **Urgent** [Re-verify billing here](https://evil.example/login) ${$root.x} <at>x</at> _x_';
const DOMAIN = 'hostile-markdown';

/**
 * Every text (a card's Markdown texts or a message) that carries the hostile name, with the live
 * Markdown the name added: what the text has beyond the same text with the name's escaped start
 * replaced by a harmless word (so a template's own **…** around the name does not count).
 */
function hostileTexts(texts: string[]): { text: string; live: string[] }[] {
  const shown = texts.filter((text) => text.includes('Urgent'));
  expect(shown.length).toBeGreaterThan(0);
  const start = inert('**Urgent** [Re-verify');
  return shown.map((text) => {
    expect(text).toContain(start);
    const own = liveMarkdown(text.split(start).join('Harmless'));
    return { text, live: liveMarkdown(text).filter((kind) => !own.includes(kind)) };
  });
}
const cardTexts = (card: unknown) => hostileTexts(markdownTexts(card).map((x) => x.text));
const inertAll = (found: { text: string; live: string[] }[]) =>
  expect(found.filter((f) => f.live.length > 0)).toEqual([]);

describe('outside text is shown inert (real HTTP, embedded Cosmos and simulator)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  let invitation: Invitation;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '0' });
    // Staff invited a customer under a hostile name; the customer accepts with one.
    invitation = await createInvitation(bot.app, connector.url, {
      customer: { companyName: NAME, contactEmail: 'it@example.com' },
      createdBy: { aadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId, name: NAME },
      conversationReference: personalReference(connector.url),
    });
    const page = await fetch(`${bot.baseUrl}/simulator/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        partnerId: sim().partner.tenantId,
        companyName: NAME,
        domain: DOMAIN,
      }).toString(),
    });
    expect(page.status).toBe(200);
    await page.text();
    await sim().whenIdle();
    await bot.app.notifications.whenIdle();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const sim = () => bot.app.simulator!;
  const chat = (locale: string) =>
    new TeamsChat({
      serviceUrl: connector.url,
      locale,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
    });
  async function reply(c: TeamsChat, text: string): Promise<Record<string, any>> {
    const before = connector.messages(c.conversationId).length;
    expect((await post(bot.baseUrl, c.message(text))).status).toBe(200);
    await connector.waitFor(() => connector.messages(c.conversationId).length > before);
    return connector.messages(c.conversationId)[before]!;
  }

  it('a hostile company name from the acceptance reaches the inviter as text', async () => {
    const conversation = conversationIdOf(invitation);
    await connector.waitFor(() => connector.messages(conversation).length >= 1);
    const card = cardOf(connector.messages(conversation)[0]!);
    const texts = cardTexts(card);
    inertAll(texts);
    expect(texts[0]!.text).toContain(
      '\\*\\*Urgent\\*\\* \\[Re-verify billing here\\](https:/\u200b/evil.example/login)',
    );
    // The button still searches for the real domain (Action data is not escaped).
    expect(card!.actions[0].data).toMatchObject({ command: 'customers', args: `${DOMAIN}.onmicrosoft.com` });
  });

  it.each([
    ['en-US', 'customers', 'invitations'],
    ['de-DE', 'kunden', 'einladungen'],
  ])(
    '%s: the customers list, the expanded record and the invitations list show it as text',
    async (locale, customers, invitations) => {
      const c = chat(locale);
      const list = cardOf(await reply(c, `${customers} ${DOMAIN}`));
      inertAll(cardTexts(list));
      const expand = actionByVerb(list, 'customers.expand');
      const res = await post(
        bot.baseUrl,
        c.cardAction('customers.expand', { ...expand.data, customerId: choiceIds(list)[0] }),
      );
      expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
      inertAll(cardTexts(res.body.value));

      const invitationsCard = cardOf(await reply(c, invitations));
      inertAll(cardTexts(invitationsCard));
    },
  );

  it.each([
    ['en-US', 'did not understand', 'help'],
    ['de-DE', 'nicht verstanden', 'hilfe'],
  ])(
    '%s: the unknown-command reply repeats the text inert and keeps its own **bold**',
    async (locale, phrase, help) => {
      const message = await reply(
        chat(locale),
        '**Urgent** [Re-verify](https://evil.example/login) _x_ ${$root.x}',
      );
      expect(message.text).toContain(phrase);
      expect(message.text).toContain(`**${help}**`);
      inertAll(hostileTexts([message.text]));
    },
  );
});
