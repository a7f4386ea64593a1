import { CapturingConnector } from '../../support/connector';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { actionByVerb, choiceIds, executeActions, rowsOf } from '../../unit/dialogs/customers/helpers';

/**
 * The customer list over the real stack: Teams activities over HTTP → bot → HTTP Partner Center
 * client → the simulator with 1,200 customers (embedded Cosmos for bot state).
 */
describe('customers over HTTP against the simulator (1,200 customers)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ SIMULATOR_CUSTOMERS: '1200' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const chat = (locale = 'en-US', user: string = SIMULATOR_USERS.adminAgent.aadObjectId) =>
    new TeamsChat({ serviceUrl: connector.url, locale, userAadObjectId: user });

  async function listCard(c: TeamsChat, text: string): Promise<any> {
    const before = connector.messages(c.conversationId).length;
    expect((await post(bot.baseUrl, c.message(text))).status).toBe(200);
    await connector.waitFor(() => connector.messages(c.conversationId).length > before);
    const card = connector.messages(c.conversationId)[before]!.attachments?.[0]?.content;
    expectValidCard(card);
    return card;
  }

  async function press(c: TeamsChat, card: any, verb: string, title?: string, extra = {}): Promise<any> {
    const action = actionByVerb(card, verb, title);
    const res = await post(bot.baseUrl, c.cardAction(verb, { ...action.data, ...extra }));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(res.body.value);
    return res.body.value;
  }

  it('pages through all 1,200 customers, each exactly once; Previous returns the same page', async () => {
    const c = chat();
    let card = await listCard(c, 'customers');
    expect(card.body[1].text).toBe('1,200 customers · page 1 of 120');
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const ids = choiceIds(card);
      expect(ids).toHaveLength(10);
      seen.push(...ids);
      if (!executeActions(card).some((a) => a.title === 'Next')) break;
      const next = await press(c, card, 'customers.page', 'Next');
      expect(next.body[1].text).toBe(`1,200 customers · page ${page + 1} of 120`);
      const back = await press(c, next, 'customers.page', 'Previous');
      expect(choiceIds(back)).toEqual(ids);
      card = next;
    }
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
    expect(new Set(seen)).toEqual(new Set(bot.app.simulator!.listCustomers().map((x) => x.id)));
  });

  it('retries a Partner Center 429 during paging: the user sees the page, not an error', async () => {
    const sim = bot.app.simulator!;
    const c = chat();
    const first = await listCard(c, 'customers');
    const before = sim.requestCount('GET /v1/customers');
    sim.setFaults([{ route: 'GET /v1/customers', type: 'throttle', retryAfterSeconds: 0.05, count: 1 }]);
    try {
      // Refresh bypasses the cache, so this goes to Partner Center (and meets the 429 first).
      const card = await press(c, first, 'customers.page', 'Refresh');
      expect(choiceIds(card)).toEqual(choiceIds(first));
      expect(sim.requestCount('GET /v1/customers') - before).toBe(2);
    } finally {
      sim.clearFaults();
    }
  });

  it.each([
    ['en-US', 'customers cont', 'customers match "cont"'],
    ['de-DE', 'kunden CONT', 'Kunden passen zu „CONT“'],
  ])('searches company name or domain (%s)', async (locale, text, summary) => {
    const c = chat(locale);
    const card = await listCard(c, text);
    expect(card.body[1].text).toContain(summary);
    const names = rowsOf(card).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Contoso GmbH', 'Contoso Pharma GmbH']));
    for (const r of rowsOf(card)) expect(`${r.name} ${r.domain}`.toLowerCase()).toMatch(/(^| )cont/);
    // The same search from the card's search box.
    const res = await post(bot.baseUrl, c.cardAction('customers.search', { v: 1, searchText: 'fabrikam' }));
    expect(rowsOf(res.body.value).map((r) => r.name)).toEqual(['Fabrikam AG', 'Fabrikam Immobilien GmbH']);
  });

  it.each([
    [
      'en-US',
      'Services and subscriptions',
      'users',
      'Remove customer relationship',
      'does not show its users',
    ],
    [
      'de-DE',
      'Dienste und Abonnements',
      'Benutzer',
      'Kundenbeziehung entfernen',
      'zeigt Partner Center seine Benutzer nicht an',
    ],
  ])(
    'expands a record with and without delegated access (%s)',
    async (locale, services, users, remove, noAccess) => {
      const c = chat(locale);
      const list = await listCard(c, locale === 'de-DE' ? 'kunden' : 'customers');
      const ids = choiceIds(list);
      // Contoso GmbH (1st) has delegated admin privileges, Bäckerei Schmidt GmbH (5th) has none.
      const contoso = await press(c, list, 'customers.expand', undefined, { customerId: ids[0] });
      const json = JSON.stringify(contoso);
      expect(rowsOf(contoso).map((r) => r.expanded)).toEqual([true, ...Array(9).fill(false)]);
      expect(json).toContain(services);
      expect(json).toMatch(new RegExp(`\\d+ ${users}: `));
      expect(actionByVerb(contoso, 'customers.remove', remove).data).toEqual({ customerId: ids[0] });

      const baeckerei = await press(c, contoso, 'customers.expand', undefined, { customerId: ids[4] });
      expect(rowsOf(baeckerei)[4]).toMatchObject({ name: 'Bäckerei Schmidt GmbH', expanded: true });
      expect(rowsOf(baeckerei)[0]!.expanded).toBe(false);
      expect(JSON.stringify(baeckerei)).toContain(noAccess);
    },
  );

  it('"Remove customer relationship" on an expanded record starts the remove flow for that customer', async () => {
    const c = chat();
    const list = await listCard(c, 'customers');
    const expanded = await press(c, list, 'customers.expand', undefined, { customerId: choiceIds(list)[0] });
    const remove = actionByVerb(expanded, 'customers.remove');
    const res = await post(bot.baseUrl, c.cardAction('customers.remove', remove.data));
    expect(res.status).toBe(200);
    // Answered by the remove feature (its own tests cover the flow), not as an unknown button.
    expect(JSON.stringify(res.body)).not.toContain('This button is not supported');
    expect(JSON.stringify(res.body)).not.toContain('This card has expired');
  });

  it('answers forged card data with a localized message', async () => {
    const res = await post(
      bot.baseUrl,
      chat('de-DE').cardAction('customers.page', { v: 1, p: 40, t: 'pc1.forged' }),
    );
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Diese Kartenaktion wurde nicht verstanden; es wurde nichts geändert.',
    });
  });

  it('lets a helpdesk agent read the list but offers Remove only to admins', async () => {
    const c = chat('en-US', SIMULATOR_USERS.helpdeskAgent.aadObjectId);
    const list = await listCard(c, 'customers');
    const expanded = await press(c, list, 'customers.expand', undefined, { customerId: choiceIds(list)[0] });
    expect(executeActions(expanded).some((a) => a.verb === 'customers.remove')).toBe(false);
  });
});
