import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { CustomerListController } from '../../../../src/dialogs/customers/customerListController';
import { MAX_ACTIONS, MAX_CARD_BYTES } from '../../../support/cardAssertions';
import { expectValidCard } from '../../../support/cardAssertions';
import { FakePartnerCenterClient } from '../../../fakes/partnerCenter/fakePartnerCenterClient';
import {
  actionByVerb,
  choiceIds,
  executeActions,
  invokeRequest,
  rowsOf,
  StubRoles,
  testServices,
  buttonActions,
} from './helpers';

const MESSAGE = 'application/vnd.microsoft.activity.message';
const CARD = 'application/vnd.microsoft.card.adaptive';

function setup(fake = new FakePartnerCenterClient({ demoData: true }), roles = new StubRoles()) {
  return { fake, roles, controller: new CustomerListController(testServices(fake, roles)) };
}

const cardOf = (res: AdaptiveCardInvokeResponse): any => {
  expect(res.type).toBe(CARD);
  expectValidCard(res.value as Record<string, unknown>);
  return res.value;
};
const textOf = (res: AdaptiveCardInvokeResponse): string => {
  expect(res.type).toBe(MESSAGE);
  return res.value as unknown as string;
};

async function firstCard(controller: CustomerListController, locale = 'en-US', searchText = '') {
  return cardOf(await controller.onSearch(invokeRequest(locale, 'customers.search', { v: 1, searchText })));
}

async function press(
  controller: CustomerListController,
  card: any,
  verb: string,
  title?: string,
  extra = {},
) {
  const action = actionByVerb(card, verb, title);
  const handler = {
    'customers.page': controller.onPage,
    'customers.search': controller.onSearch,
    'customers.expand': controller.onExpand,
  }[verb]!;
  return handler(invokeRequest('en-US', verb, { ...action.data, ...extra }));
}

describe('customer list card actions', () => {
  it('Next and Previous page through the list; Previous returns the same page', async () => {
    const { controller } = setup();
    const first = await firstCard(controller);
    const second = cardOf(await press(controller, first, 'customers.page', 'Next'));
    expect(second.body[1].text).toBe('60 customers · page 2 of 6');
    expect(choiceIds(second)).not.toEqual(choiceIds(first));
    const back = cardOf(await press(controller, second, 'customers.page', 'Previous'));
    expect(choiceIds(back)).toEqual(choiceIds(first));
    expect(executeActions(first).some((a) => a.title === 'Previous')).toBe(false);
  });

  it('Refresh bypasses the cache and shows new customers', async () => {
    const { controller, fake } = setup();
    const first = await firstCard(controller);
    fake.addCustomer({ companyName: 'Newcomer AG', domain: 'newcomer.onmicrosoft.com' });
    const cached = cardOf(await press(controller, first, 'customers.page', 'Next'));
    expect(cached.body[1].text).toContain('60 customers');
    const refreshed = cardOf(await press(controller, first, 'customers.page', 'Refresh'));
    expect(refreshed.body[1].text).toContain('61 customers');
  });

  it.each([
    ['en-US', 'Contoso GmbH', 'cont'],
    ['de-DE', 'Contoso GmbH', 'CONT'],
  ])('searches from the card (%s)', async (locale, name, text) => {
    const { controller } = setup();
    const card = await firstCard(controller, locale, text);
    expect(rowsOf(card)[0]!.name).toBe(name);
    expect(rowsOf(card)).toHaveLength(2);
    // An empty search goes back to the whole list.
    const all = await firstCard(controller, locale, '  ');
    expect(rowsOf(all)).toHaveLength(10);
  });

  it('refuses an over-long search typed into the card', async () => {
    const { controller } = setup();
    const res = await controller.onSearch(
      invokeRequest('de-DE', 'customers.search', { v: 1, searchText: 'x'.repeat(150) }),
    );
    expect(textOf(res)).toContain('zu lang (150 Zeichen; höchstens 100)');
  });

  it.each([
    [
      'en-US',
      [
        'Account',
        'Services and subscriptions',
        'Users',
        'Licenses',
        'Delegated admin privileges',
        'Remove customer relationship',
      ],
    ],
    [
      'de-DE',
      [
        'Konto',
        'Dienste und Abonnements',
        'Benutzer',
        'Lizenzen',
        'Delegierte Administratorrechte',
        'Kundenbeziehung entfernen',
      ],
    ],
  ])(
    'expands a customer with delegated access in place (%s); other rows stay collapsed',
    async (locale, words) => {
      const { controller, fake } = setup();
      const first = await firstCard(controller, locale);
      const contosoId = choiceIds(first)[0]!;
      const action = actionByVerb(first, 'customers.expand');
      const card = cardOf(
        await controller.onExpand(
          invokeRequest(locale, 'customers.expand', { ...action.data, customerId: contosoId }),
        ),
      );
      const rows = rowsOf(card);
      expect(rows.map((r) => r.expanded)).toEqual([true, ...Array(9).fill(false)]);
      expect(rows[0]!.chevron).toBe('▾');
      expect(rows[1]!.chevron).toBe('▸');
      const json = JSON.stringify(card);
      for (const w of words) expect(json).toContain(w);
      expect(json).toContain(contosoId);
      const remove = actionByVerb(card, 'customers.remove');
      expect(remove.data).toEqual({ customerId: contosoId });
      expect(buttonActions(card).length).toBeLessThanOrEqual(MAX_ACTIONS);
      const users = (await fake.listUsers(contosoId, { size: 1 }, { auth: 'user' })).totalCount;
      expect(json).toContain(locale === 'de-DE' ? `${users} Benutzer` : `${users} users`);
    },
  );

  it.each([
    [
      'en-US',
      'so Partner Center does not show its users',
      'so Partner Center does not show its licenses',
      'No',
    ],
    [
      'de-DE',
      'zeigt Partner Center seine Benutzer nicht an',
      'zeigt Partner Center seine Lizenzen nicht an',
      'Nein',
    ],
  ])('says plainly when there is no delegated access (%s)', async (locale, users, licenses, no) => {
    const { controller } = setup();
    const first = await firstCard(controller, locale);
    // Bäckerei Schmidt GmbH (5th demo customer) has no delegated admin privileges.
    const id = choiceIds(first)[4]!;
    const action = actionByVerb(first, 'customers.expand');
    const card = cardOf(
      await controller.onExpand(
        invokeRequest(locale, 'customers.expand', { ...action.data, customerId: id }),
      ),
    );
    const json = JSON.stringify(card);
    expect(rowsOf(card)[4]).toMatchObject({ name: 'Bäckerei Schmidt GmbH', expanded: true });
    expect(json).toContain(users);
    expect(json).toContain(licenses);
    expect(json).toContain(`"value":"${no}"`);
  });

  it('collapses when the expanded customer is chosen again; another choice moves the expansion', async () => {
    const { controller } = setup();
    const first = await firstCard(controller);
    const [a, b] = choiceIds(first);
    const expandedA = cardOf(
      await press(controller, first, 'customers.expand', undefined, { customerId: a }),
    );
    const expandedB = cardOf(
      await press(controller, expandedA, 'customers.expand', undefined, { customerId: b }),
    );
    expect(
      rowsOf(expandedB)
        .map((r) => r.expanded)
        .slice(0, 2),
    ).toEqual([false, true]);
    const collapsed = cardOf(
      await press(controller, expandedB, 'customers.expand', undefined, { customerId: b }),
    );
    expect(rowsOf(collapsed).every((r) => !r.expanded)).toBe(true);
  });

  it.each(['en-US', 'de-DE'])(
    '%s: each row is its own control: its selectAction expands it (▾), again collapses it (▸)',
    async (locale) => {
      const { controller } = setup();
      const first = await firstCard(controller, locale);
      const rowAction = (card: any, i: number) =>
        card.body.filter((e: any) => e.type === 'Container')[i].items[0].selectAction;
      const third = rowAction(first, 2);
      expect(third).toMatchObject({ type: 'Action.Execute', verb: 'customers.expand' });
      expect(third.title).toMatch(locale === 'de-DE' ? / erweitern$/ : /^Expand /);
      const expanded = cardOf(await controller.onExpand(invokeRequest(locale, third.verb, third.data)));
      expect(rowsOf(expanded).map((r) => r.chevron)).toEqual(['▸', '▸', '▾', ...Array(7).fill('▸')]);
      const again = rowAction(expanded, 2);
      expect(again.title).toMatch(locale === 'de-DE' ? / reduzieren$/ : /^Collapse /);
      const collapsed = cardOf(await controller.onExpand(invokeRequest(locale, again.verb, again.data)));
      expect(rowsOf(collapsed).every((r) => !r.expanded && r.chevron === '▸')).toBe(true);
      const other = rowAction(expanded, 0);
      const switched = cardOf(await controller.onExpand(invokeRequest(locale, other.verb, other.data)));
      expect(rowsOf(switched).map((r) => r.expanded)).toEqual([true, ...Array(9).fill(false)]);
      // No dropdown and no Expand button any more.
      expect(JSON.stringify(switched)).not.toContain('Input.ChoiceSet');
    },
  );

  it('shows Remove only to roles that may remove relationships', async () => {
    const { controller } = setup(undefined, new StubRoles(['SalesAgent']));
    const first = await firstCard(controller);
    const card = cardOf(
      await press(controller, first, 'customers.expand', undefined, { customerId: choiceIds(first)[0] }),
    );
    expect(executeActions(card).some((a) => a.verb === 'customers.remove')).toBe(false);
  });

  it('asks to choose a customer first, and notices a customer not on the page', async () => {
    const { controller } = setup();
    const first = await firstCard(controller);
    expect(
      textOf(await press(controller, first, 'customers.expand', undefined, { customerId: '' })),
    ).toContain('choose a customer');
    const card = cardOf(
      await press(controller, first, 'customers.expand', undefined, {
        customerId: '00000000-0000-4000-8000-000000000001',
      }),
    );
    expect(JSON.stringify(card)).toContain('no longer on this page');
  });

  it('shows a notice in the card when the customer is gone from Partner Center', async () => {
    const { controller, fake } = setup();
    const first = await firstCard(controller);
    fake.failNext('getCustomer', 'not_found');
    const card = cardOf(
      await press(controller, first, 'customers.expand', undefined, { customerId: choiceIds(first)[0] }),
    );
    expect(JSON.stringify(card)).toContain('Partner Center does not know this customer');
  });

  it.each([
    ['customers.page', { v: 1, p: -1 }],
    ['customers.page', { v: 2, p: 0 }],
    ['customers.page', { v: 1, p: 'x' }],
    ['customers.page', { v: 1, p: 0, s: '  padded ' }],
    ['customers.page', { v: 1, p: 0, b: 'not-a-list' }],
    ['customers.page', { v: 1, p: 0, t: 'x'.repeat(5000) }],
    ['customers.page', { v: 1, p: 15, t: 'forged-token' }],
    ['customers.expand', { v: 1, p: 0, customerId: '../../v1/roles' }],
    ['customers.search', { searchText: 'cont' }],
  ])('answers forged data (%s, #%#) with a localized message, nothing changed', async (verb, data) => {
    const { controller, fake } = setup();
    const handler = {
      'customers.page': controller.onPage,
      'customers.search': controller.onSearch,
      'customers.expand': controller.onExpand,
    }[verb]!;
    expect(textOf(await handler(invokeRequest('en-US', verb, data)))).toBe(
      'This card action was not understood, so nothing was changed.',
    );
    expect(textOf(await handler(invokeRequest('de-DE', verb, data)))).toBe(
      'Diese Kartenaktion wurde nicht verstanden; es wurde nichts geändert.',
    );
    // Nothing but (at most) a refused list read happened.
    expect(fake.calls.filter((c) => c.operation !== 'listCustomersPage')).toEqual([]);
  });

  it('refuses card actions of users without a partner role', async () => {
    const { controller } = setup(undefined, new StubRoles([]));
    expect(
      textOf(await controller.onPage(invokeRequest('en-US', 'customers.page', { v: 1, p: 1 }))),
    ).toContain('only a Global admin or Admin agent or Sales agent or Helpdesk agent');
  });

  it('answers throttling that outlasted the retries with a sentence (the card stays)', async () => {
    const { controller, fake } = setup();
    fake.failNext('listCustomersPage', 'throttled');
    expect(
      textOf(await controller.onPage(invokeRequest('en-US', 'customers.page', { v: 1, p: 0 }))),
    ).toContain('Partner Center is busy');
  });
});

describe('customer list card size at scale', () => {
  it.each(['en-US', 'de-DE'])(
    '10,000 customers, 200-character names, 50 subscriptions: every card ≤ 28 KB and ≤ 6 actions (%s)',
    async (locale) => {
      const fake = new FakePartnerCenterClient();
      for (let i = 0; i < 10_000; i++) {
        const name = `${String(i).padStart(5, '0')} ${'Großhandel Müller & Söhne '.repeat(10)}`.slice(0, 200);
        fake.addCustomer({
          companyName: name,
          domain: `c${i}-${'d'.repeat(150)}.onmicrosoft.com`,
          allowDelegatedAccess: i % 2 === 0,
          ...(i < 20
            ? {
                subscriptions: Array.from({ length: 50 }, (_, s) => ({
                  offerName:
                    `${'Microsoft 365 E5 (no Teams) with a very long friendly name '.repeat(4)}${s}`.slice(
                      0,
                      200,
                    ),
                  quantity: 1000 + s,
                })),
                users: 400,
              }
            : {}),
        });
      }
      const { controller } = setup(fake);
      const search = (text: string) =>
        controller.onSearch(invokeRequest(locale, 'customers.search', { v: 1, searchText: text }));
      const first = cardOf(await search(''));
      expect(first.body[1].text).toMatch(/10[.,]000/);
      const cards = [first];
      for (const id of choiceIds(first).slice(0, 2)) {
        const action = actionByVerb(first, 'customers.expand');
        cards.push(
          cardOf(
            await controller.onExpand(
              invokeRequest(locale, 'customers.expand', { ...action.data, customerId: id }),
            ),
          ),
        );
      }
      // Deep in the list (a long walk of continuation tokens) and a broad, capped search.
      cards.push(cardOf(await controller.onPage(invokeRequest(locale, 'customers.page', { v: 1, p: 995 }))));
      const broad = cardOf(await search('0'));
      cards.push(broad);
      const second = cardOf(await controller.onPage(invokeRequest(locale, 'customers.page', { v: 1, p: 1 })));
      const expandOnSecond = actionByVerb(second, 'customers.expand');
      const expandedSecond = cardOf(
        await controller.onExpand(
          invokeRequest(locale, 'customers.expand', {
            ...expandOnSecond.data,
            customerId: choiceIds(second)[0],
          }),
        ),
      );
      // Buttons: Search, Previous, Next, Refresh, Remove, Request admin access (this customer has
      // none) — Teams' six; each of the 10 rows is its own expand control.
      expect(buttonActions(expandedSecond)).toHaveLength(6);
      expect(choiceIds(expandedSecond)).toHaveLength(10);
      cards.push(expandedSecond);
      for (const card of cards) {
        expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
        expect(buttonActions(card).length).toBeLessThanOrEqual(MAX_ACTIONS);
      }
      const expanded = JSON.stringify(cards[1]);
      expect(expanded).toContain(locale === 'de-DE' ? 'und 40 weitere' : 'and 40 more');
      expect(expanded).toMatch(locale === 'de-DE' ? /400 Benutzer/ : /400 users/);
      // Buttons: Search, Next, Refresh, Remove (no Previous on page 1); rows expand by selectAction.
      expect(
        buttonActions(cards[1])
          .map((a) => a.verb)
          .sort(),
      ).toEqual([
        'customers.page',
        'customers.page',
        'customers.remove',
        'customers.requestAdminAccess',
        'customers.search',
      ]);
      expect(JSON.stringify(cards[2])).toContain(
        locale === 'de-DE' ? 'Lizenzen nicht an' : 'does not show its licenses',
      );
      expect(JSON.stringify(broad)).toContain(locale === 'de-DE' ? 'verfeinern' : 'refine your search');
    },
  );
});
