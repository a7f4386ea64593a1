import { FOREIGN_TENANT, TeamsChat, post } from '../../support/activities';
import { CapturingConnector } from '../../support/connector';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { CUSTOMER_SEARCH_COMMAND_ID, CUSTOMER_SEARCH_PARAMETER } from '../../../src/common/messageExtension';
import { rowsOf } from '../../unit/dialogs/customers/helpers';

/**
 * Issue 18.4: the search-based message extension over the real stack — `composeExtension/query`
 * invokes over HTTP as the Teams channel sends them → bot → Partner Center client → simulator
 * (customers) and the GDAP simulator (admin access).
 */
describe('message extension "Customers" / "Kunden" over HTTP', () => {
  let bot: TestApp;
  // Every answer is the invoke's HTTP response: nothing is sent to the connector.
  const serviceUrl = 'http://127.0.0.1:9/unused';

  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => bot?.stop());

  const chat = (locale = 'en-US', extra: Partial<ConstructorParameters<typeof TeamsChat>[0]> = {}) =>
    new TeamsChat({
      serviceUrl,
      locale,
      userAadObjectId: SIMULATOR_USERS.salesAgent.aadObjectId,
      conversationType: 'groupChat',
      ...extra,
    });

  async function search(
    c: TeamsChat,
    text: string | undefined,
    skip = 0,
    edit: (activity: any) => void = () => undefined,
  ): Promise<any> {
    const parameters =
      text === undefined
        ? [{ name: 'initialRun', value: 'true' }]
        : [{ name: CUSTOMER_SEARCH_PARAMETER, value: text }];
    const activity = c.messageExtensionQuery(CUSTOMER_SEARCH_COMMAND_ID, parameters, { skip, count: 25 });
    edit(activity);
    const res = await post(bot.baseUrl, activity);
    expect(res.status).toBe(200);
    return res.body.composeExtension;
  }

  const facts = (card: any): Record<string, string> =>
    Object.fromEntries(
      card.body.find((b: any) => b.type === 'FactSet').facts.map((f: any) => [f.title, f.value]),
    );

  it.each([
    ['en-US', 'Domain', 'Relationship', 'Admin access', 'Open in Customer Connect', / · Admin access: /],
    [
      'de-DE',
      'Domäne',
      'Beziehung',
      'Administratorzugriff',
      'In Customer Connect öffnen',
      /Administratorzugriff: /,
    ],
  ])(
    '%s: typing the start of a name lists the matching customers as compact cards with previews',
    async (locale, domain, relationship, adminAccess, open, previewAdmin) => {
      const result = await search(chat(locale), 'cont');
      expect(result.type).toBe('result');
      expect(result.attachmentLayout).toBe('list');
      const names = result.attachments.map((a: any) => a.content.body[0].text);
      expect(names).toEqual(expect.arrayContaining(['Contoso GmbH', 'Contoso Pharma GmbH']));
      const sim = bot.app.simulator!;
      for (const attachment of result.attachments) {
        expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
        expectValidCard(attachment.content);
        expect(attachment.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
        expect(attachment.preview.content.title).toBe(attachment.content.body[0].text);
        expect(attachment.preview.content.text).toMatch(previewAdmin);
        const f = facts(attachment.content);
        expect(Object.keys(f)).toEqual([domain, relationship, adminAccess]);
        expect(`${attachment.content.body[0].text} ${f[domain]}`.toLowerCase()).toMatch(/(^| )cont/);
        const action = attachment.content.actions[0];
        expect(action).toMatchObject({ type: 'Action.Execute', title: open, verb: 'customers.open' });
        expect(sim.listCustomers().some((c) => c.id === action.data.customerId)).toBe(true);
      }
    },
  );

  it('finds a customer by the start of its domain too, and shows its admin access state', async () => {
    const customer = bot.app.simulator!.listCustomers()[0]!;
    const result = await search(chat(), customer.domain.slice(0, 6));
    const card = result.attachments.find((a: any) => a.content.actions[0].data.customerId === customer.id);
    expect(card).toBeDefined();
    expect(facts(card.content).Domain).toBe(customer.domain.replace(/([\\*_[\]()~`>#])/g, '\\$1'));
    expect(facts(card.content)['Admin access']).toMatch(
      /^(Active until .+|Active|Requested, waiting for approval|None)$/,
    );
  });

  it.each([
    ['en-US', undefined, 'Type the start of a company name or domain'],
    ['de-DE', undefined, 'Geben Sie den Anfang eines Firmennamens'],
    ['en-US', '   ', 'Type the start of a company name or domain'],
    ['en-US', 'zzzz-no-such', 'No customer has a company name or domain starting with "zzzz-no-such"'],
    ['de-DE', 'zzzz-no-such', 'Kein Kunde hat einen Firmennamen oder eine Domäne, die mit „zzzz-no-such“'],
    ['en-US', 'x'.repeat(101), 'The search text is too long (101 characters; at most 100)'],
  ])('%s: %j answers with a sentence, not a list', async (locale, text, sentence) => {
    const result = await search(chat(locale), text);
    expect(result.type).toBe('message');
    expect(result.text).toContain(sentence);
  });

  it('takes a query without command id and parameter name (the Agents Playground); refuses another command', async () => {
    const c = chat();
    const unnamed = await post(bot.baseUrl, {
      ...c.messageExtensionQuery(CUSTOMER_SEARCH_COMMAND_ID, [{ name: '', value: 'fabrikam' }]),
      value: { parameters: [{ value: 'fabrikam' }], queryOptions: { skip: 0, count: 25 } },
    });
    expect(unnamed.body.composeExtension.attachments.map((a: any) => a.content.body[0].text)).toEqual([
      'Fabrikam AG',
      'Fabrikam Immobilien GmbH',
    ]);
    const other = await post(
      bot.baseUrl,
      c.messageExtensionQuery('somethingElse', [{ name: 'q', value: 'x' }]),
    );
    expect(other.body.composeExtension).toEqual({
      type: 'message',
      text: 'Customer Connect does not offer this search. Please update the app in Teams.',
    });
  });

  it('scrolling on (skip > 0) finds nothing more: every result is on the first page', async () => {
    const result = await search(chat(), 'cont', 25);
    expect(result).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });

  const noObjectId = (a: any) => delete a.from.aadObjectId;
  const foreignTenant = (a: any) => {
    a.conversation.tenantId = FOREIGN_TENANT;
    a.channelData.tenant.id = FOREIGN_TENANT;
  };
  // No Entra object id: no Partner Center roles can be found (embedded mode gives every listed or
  // unlisted partner user a role, so this is how a user without one reaches the bot here).
  it.each([
    [
      'en-US',
      'no role',
      noObjectId,
      'Sorry, only a Global admin or Admin agent or Sales agent or Helpdesk agent',
    ],
    ['de-DE', 'no role', noObjectId, 'Das darf leider nur ein'],
    ['en-US', 'another tenant', foreignTenant, 'only available to the staff of its partner organization'],
    ['de-DE', 'another tenant', foreignTenant, 'nur den Mitarbeitenden seiner Partnerorganisation'],
  ])(
    '%s: %s is refused with a message result, and Partner Center is not asked',
    async (locale, _who, edit, text) => {
      const sim = bot.app.simulator!;
      const before = sim.requestCount('GET /v1/customers');
      const result = await search(chat(locale), 'cont', 0, edit);
      expect(result.type).toBe('message');
      expect(result.text).toContain(text);
      expect(sim.requestCount('GET /v1/customers')).toBe(before);
    },
  );

  it.each([
    ['en-US', 'Partner Center is not reachable right now'],
    ['de-DE', 'Partner Center ist gerade nicht erreichbar'],
  ])('%s: a Partner Center failure answers with a localized sentence', async (locale, text) => {
    const sim = bot.app.simulator!;
    sim.setFaults([{ route: 'GET /v1/customers', type: 'error', status: 503, count: 50 }]);
    try {
      // A search not asked before (the search is not cached, but be explicit).
      const result = await search(chat(locale), locale === 'de-DE' ? 'fabri' : 'fabr');
      expect(result.type).toBe('message');
      expect(result.text).toContain(text);
    } finally {
      sim.clearFaults();
    }
  });

  it.each([
    ['en-US', 'Services and subscriptions'],
    ['de-DE', 'Dienste und Abonnements'],
  ])(
    '%s: "Open in Customer Connect" on the inserted card answers with the customer list, that customer expanded',
    async (locale, services) => {
      const c = chat(locale);
      const result = await search(c, 'fabrikam');
      const card = result.attachments.find((a: any) => a.content.body[0].text === 'Fabrikam AG').content;
      const action = card.actions[0];
      const res = await post(bot.baseUrl, c.cardAction(action.verb, action.data));
      expect(res.status).toBe(200);
      expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expectValidCard(res.body.value);
      const expanded = rowsOf(res.body.value).filter((r) => r.expanded);
      expect(expanded.map((r) => r.name)).toEqual(['Fabrikam AG']);
      expect(JSON.stringify(res.body.value)).toContain(services);
    },
  );

  it('"Open in Customer Connect" with forged data is refused with a clear message', async () => {
    const res = await post(bot.baseUrl, chat().cardAction('customers.open', { customerId: '../x' }));
    expect(res.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.body.value).toMatch(/card/i);
  });
});

describe('a compact customer card sent into the bot chat', () => {
  let bot: TestApp;
  const connector = new CapturingConnector();

  beforeAll(async () => {
    await connector.start();
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector.stop();
  });

  it.each(['en-US', 'de-DE'])(
    '%s: is shown to the chat, not answered as an unknown command; typed text still is',
    async (locale) => {
      const c = new TeamsChat({
        serviceUrl: connector.url,
        locale,
        userAadObjectId: SIMULATOR_USERS.salesAgent.aadObjectId,
      });
      const query = c.messageExtensionQuery(CUSTOMER_SEARCH_COMMAND_ID, [
        { name: CUSTOMER_SEARCH_PARAMETER, value: 'cont' },
      ]);
      const found = await post(bot.baseUrl, query);
      const card = found.body.composeExtension.attachments[0];
      connector.clear();
      // What the Playground posts (Teams posts the card with an empty text).
      for (const text of ['<span class="inline-compose-card" contenteditable="false"></span>', '']) {
        const res = await post(
          bot.baseUrl,
          c.message(text, { attachments: [{ contentType: card.contentType, content: card.content }] }),
        );
        expect(res.status).toBeLessThan(300);
      }
      expect(connector.messages()).toEqual([]);
      // A typed command next to such a card is still a command.
      await post(bot.baseUrl, c.message('nonsense-word'));
      await connector.waitFor(() => connector.messages().length === 1);
    },
  );
});
