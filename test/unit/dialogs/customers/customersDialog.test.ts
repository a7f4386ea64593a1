import { DialogTestClient } from 'botbuilder-testing';
import type { Activity } from 'botbuilder';
import { CustomersDialog } from '../../../../src/dialogs/customers/customersDialog';
import { CustomerListController } from '../../../../src/dialogs/customers/customerListController';
import { createCustomersFeature } from '../../../../src/dialogs/customers/feature';
import type { CommandDialogOptions } from '../../../../src/dialogs/mainDialog';
import { FakePartnerCenterClient } from '../../../fakes/partnerCenter/fakePartnerCenterClient';
import { expectValidCard } from '../../../support/cardAssertions';
import { choiceIds, rowsOf, StubRoles, testServices, USER_ID } from './helpers';

function client(
  options: CommandDialogOptions,
  fake = new FakePartnerCenterClient({ demoData: true }),
  roles = new StubRoles(),
) {
  const dialog = new CustomersDialog(new CustomerListController(testServices(fake, roles)));
  return new DialogTestClient('msteams', dialog, options);
}

const message = (locale: string): Partial<Activity> => ({
  type: 'message',
  text: 'customers',
  locale,
  from: { id: '29:user', name: 'User', aadObjectId: USER_ID },
});

const cardOf = (reply: Partial<Activity> | undefined): any => reply?.attachments?.[0]?.content;

describe('customers command', () => {
  it.each([
    ['en-US', 'Customers', '60 customers · page 1 of 6', 'Next', 'Search by company name or domain'],
    ['de-DE', 'Kunden', '60 Kunden · Seite 1 von 6', 'Weiter', 'Nach Firmenname oder Domäne suchen'],
  ])(
    'in %s lists the first 10 customers with paging and search',
    async (locale, title, summary, next, placeholder) => {
      const reply = await client({ args: '' }).sendActivity(message(locale));
      const card = cardOf(reply);
      expectValidCard(card);
      expect(card.body[0].text).toBe(title);
      expect(card.body[1].text).toBe(summary);
      const rows = rowsOf(card);
      expect(rows).toHaveLength(10);
      expect(rows[0]).toEqual({
        chevron: '▸',
        name: 'Contoso GmbH',
        domain: 'contoso.onmicrosoft.com',
        expanded: false,
      });
      expect(choiceIds(card)).toHaveLength(10);
      const json = JSON.stringify(card);
      expect(json).toContain(`"title":"${next}"`);
      expect(json).toContain(placeholder);
    },
  );

  it.each([
    ['en-US', '2 customers match "cont"'],
    ['de-DE', '2 Kunden passen zu „cont“'],
  ])('in %s opens the list already filtered: customers cont', async (locale, summary) => {
    const card = cardOf(await client({ args: '  cont ' }).sendActivity(message(locale)));
    expect(card.body[1].text).toContain(summary);
    expect(rowsOf(card).map((r) => r.name)).toEqual(['Contoso GmbH', 'Contoso Pharma GmbH']);
    expect(JSON.stringify(card)).toContain('"value":"cont"');
  });

  it('says so plainly when nothing matches, or when there are no customers', async () => {
    const none = cardOf(await client({ args: 'zzz' }).sendActivity(message('en-US')));
    expect(JSON.stringify(none)).toContain(
      'No customer has a company name or domain starting with \\"zzz\\"',
    );
    const empty = cardOf(
      await client({ args: '' }, new FakePartnerCenterClient()).sendActivity(message('de-DE')),
    );
    expect(JSON.stringify(empty)).toContain('Sie haben noch keine Kunden');
    expectValidCard(empty);
  });

  it('refuses an over-long search text', async () => {
    const reply = await client({ args: 'x'.repeat(101) }).sendActivity(message('en-US'));
    expect(reply?.text).toContain('too long (101 characters; at most 100)');
  });

  it.each(['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent'] as const)(
    'is open to the %s role',
    async (role) => {
      const reply = await client({ args: '' }, undefined, new StubRoles([role])).sendActivity(
        message('en-US'),
      );
      expect(cardOf(reply)).toBeDefined();
    },
  );

  it('refuses users without a partner role, naming the roles', async () => {
    const reply = await client({ args: '' }, undefined, new StubRoles([])).sendActivity(message('de-DE'));
    expect(reply?.text).toContain('Globaler Administrator');
  });

  it('reports Partner Center failures as a sentence', async () => {
    const fake = new FakePartnerCenterClient({ demoData: true });
    fake.failNext('listCustomersPage', 'unavailable');
    const reply = await client({ args: '' }, fake).sendActivity(message('en-US'));
    expect(reply?.text).toContain('Partner Center is not reachable right now');
  });

  it('opens the record of one customer when started with cardData.customerId', async () => {
    const fake = new FakePartnerCenterClient({ demoData: true });
    const fabrikam = (
      await fake.searchCustomers({ field: 'CompanyName', prefix: 'Fabrikam AG' }, { auth: 'app' })
    ).items[0]!;
    const card = cardOf(
      await client({ args: '', cardData: { customerId: fabrikam.id } }, fake).sendActivity(message('en-US')),
    );
    const rows = rowsOf(card);
    expect(rows.filter((r) => r.expanded).map((r) => r.name)).toEqual(['Fabrikam AG']);
    expect(JSON.stringify(card)).toContain('Services and subscriptions');
  });

  it('registers its command, card actions and the remove start verb', () => {
    const feature = createCustomersFeature(testServices(new FakePartnerCenterClient()));
    expect(Object.keys(feature.commands ?? {})).toEqual(['customers']);
    expect(Object.keys(feature.cardActions ?? {}).sort()).toEqual([
      'customers.expand',
      'customers.open',
      'customers.page',
      'customers.search',
    ]);
    expect(feature.startVerbs).toEqual({
      'customers.remove': 'remove',
      'customers.requestAdminAccess': 'invite',
    });
  });
});
