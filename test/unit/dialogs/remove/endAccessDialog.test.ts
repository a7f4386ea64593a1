import { REMOVE_VERBS } from '../../../../src/dialogs/remove/removeDialog';
import type { FakeGdapClient } from '../../../fakes/graph/fakeGdapClient';
import { RemoveHarness, actionData, cardOf, textOf } from './harness';

const DAY = 86_400_000;
const CUSTOMER_ID = '6a0f5c2e-1d3b-4f7a-9c8e-2b4d6f8a0c11';

/** The "End admin access too" step in the dialog: bad input and stale clicks change nothing. */
describe.each([
  {
    locale: 'en-US',
    remove: 'remove',
    forged: /does not match the customer/,
    none: /select at least one/,
    stale: /out of date/,
  },
  {
    locale: 'de-DE',
    remove: 'entfernen',
    forged: /passt nicht zum Kunden/,
    none: /mindestens eine Beziehung/,
    stale: /nicht mehr aktuell/,
  },
])('end admin access ($locale)', (L) => {
  async function removed() {
    const h = new RemoveHarness(L.locale);
    h.pc.addCustomer({ id: CUSTOMER_ID, companyName: 'Qend Kunde GmbH', domain: 'qend.onmicrosoft.com' });
    const model = (h.services.gdap as FakeGdapClient).model;
    const now = model.now();
    const ids = ['A', 'B'].map((x) => {
      const id = `${x}0000000-0000-4000-8000-000000000000-rel`;
      model.insert({
        id,
        displayName: `Qend ${x}`,
        duration: 'P730D',
        autoExtendDuration: 'PT0S',
        status: 'active',
        customer: { tenantId: CUSTOMER_ID, displayName: 'Qend' },
        roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
        createdAt: now - 5 * DAY,
        modifiedAt: now - 4 * DAY,
        lockedAt: now - 5 * DAY,
        activatedAt: now - 4 * DAY,
        endAt: now + 100 * DAY,
      });
      return id;
    });
    const warning = cardOf(await h.say(`${L.remove} qend`));
    expect(JSON.stringify(warning)).toContain('Qend A');
    const done = cardOf(
      await h.click(REMOVE_VERBS.confirm, { ...actionData(warning, REMOVE_VERBS.confirm), attest: 'true' }),
    );
    const data = actionData(done, REMOVE_VERBS.endAccess);
    const status = (id: string) => model.getRelationship(id).status;
    return { h, ids, data, status };
  }

  it('refuses card data naming another customer; nothing is ended', async () => {
    const { h, ids, data, status } = await removed();
    const r = await h.click(REMOVE_VERBS.endAccess, {
      ...data,
      customerId: 'someone-else',
      relationships: ids[0],
    });
    expect(textOf(r)).toMatch(L.forged);
    expect(ids.map(status)).toEqual(['active', 'active']);
  });

  it.each([
    ['nothing selected', ''],
    ['an id that was not offered', 'not-offered-id'],
  ])('%s: a clear sentence, nothing ended, the card still works', async (_name, selection) => {
    const { h, ids, data, status } = await removed();
    const r = await h.click(REMOVE_VERBS.endAccess, { ...data, relationships: selection });
    expect(textOf(r)).toMatch(L.none);
    expect(ids.map(status)).toEqual(['active', 'active']);
    const ok = await h.click(REMOVE_VERBS.endAccess, { ...data, relationships: ids.join(',') });
    expect(cardOf(ok)).toBeDefined();
    expect(ids.map(status)).toEqual(['terminated', 'terminated']);
  });

  it('a click carrying another attempt number is stale and ends nothing', async () => {
    const { h, ids, data, status } = await removed();
    const r = await h.click(REMOVE_VERBS.endAccess, { ...data, attempt: 5, relationships: ids[0] });
    expect(textOf(r)).toMatch(L.stale);
    expect(ids.map(status)).toEqual(['active', 'active']);
  });
});
