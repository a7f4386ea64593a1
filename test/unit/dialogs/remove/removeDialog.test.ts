import { builtinStatement, LegalNoticeCatalog } from '../../../../src/domain/legalNotice';
import { REMOVE_VERBS } from '../../../../src/dialogs/remove/removeDialog';
import { PartnerCenterError } from '../../../../src/partnerCenter/errors';
import { SIMULATOR_PARTNER_TENANT_ID, SIMULATOR_USERS } from '../../../../src/simulator/seed';
import { expectValidCard } from '../../../support/cardAssertions';
import { actionData, cardOf, RemoveHarness, textOf } from './harness';

interface Lang {
  locale: string;
  lang: 'en' | 'de';
  remove: string;
  cancel: string;
  audit: string;
  refused: RegExp;
  warningTitle: string;
  removeButton: string;
  cancelButton: string;
  toggle: string;
  dapGranted: RegExp;
  dapNone: RegExp;
  notAttested: RegExp;
  removed: RegExp;
  cancelled: RegExp;
  expired: RegExp;
  forged: RegExp;
  unavailable: RegExp;
  notFound: RegExp;
  preTitle: RegExp;
  suspendButton: string;
  suspendTitle: RegExp;
  suspended: RegExp;
  startedBelow: RegExp;
  invalidCardData: RegExp;
  ask: RegExp;
  chooseTitle: RegExp;
  chooseRequired: RegExp;
  alreadyRemoved: RegExp;
  precondition: RegExp;
  auditTitle: string;
  auditMissing: RegExp;
}

const LANGS: Lang[] = [
  {
    locale: 'en-US',
    lang: 'en',
    remove: 'remove',
    cancel: 'cancel',
    audit: 'audit',
    refused: /only a Global admin or Admin agent/,
    warningTitle: 'Remove customer relationship',
    removeButton: 'Remove customer relationship',
    cancelButton: 'Cancel',
    toggle: 'I confirm the statements above',
    dapGranted: /^Granted \(Partner Center still reports DAP\)/,
    dapNone: /^None granted/,
    notAttested: /Nothing was removed: please confirm/,
    removed: /was removed\. The customer no longer appears under Customers/,
    cancelled: /was not removed/,
    expired: /This card has expired\. Type \*\*remove\*\*/,
    forged: /does not match the customer of this removal/,
    unavailable: /Partner Center is not reachable right now/,
    notFound: /found no customer .* "nothing-like-this"/,
    preTitle: /^Before you can remove the relationship with Qremove Beta AG/,
    suspendButton: 'Suspend active subscriptions',
    suspendTitle: /^Suspend 2 active subscription\(s\) of Qremove Beta AG\?/,
    suspended: /2 subscription\(s\) suspended/,
    startedBelow: /Continue with the card below/,
    invalidCardData: /did not name a valid customer/,
    ask: /Which customer relationship do you want to remove/,
    chooseTitle: /which customer\?/,
    chooseRequired: /choose one of the listed customers/,
    alreadyRemoved: /no relationship with Qremove Alpha GmbH \(any more\)/,
    precondition: /refused to remove the relationship with Qremove Alpha GmbH because a precondition/,
    auditTitle: 'Audit log',
    auditMissing: /audit entry could not be written/,
  },
  {
    locale: 'de-DE',
    lang: 'de',
    remove: 'entfernen',
    cancel: 'abbrechen',
    audit: 'protokoll',
    refused: /nur ein Globaler Administrator oder Administrator-Agent/,
    warningTitle: 'Kundenbeziehung entfernen',
    removeButton: 'Kundenbeziehung entfernen',
    cancelButton: 'Abbrechen',
    toggle: 'Ich bestätige die obigen Erklärungen',
    dapGranted: /^Erteilt \(Partner Center meldet noch DAP\)/,
    dapNone: /^Keine erteilt/,
    notAttested: /Es wurde nichts entfernt: Bitte bestätigen Sie/,
    removed: /wurde entfernt\. Der Kunde wird nicht mehr unter „Kunden“ angezeigt/,
    cancelled: /wurde nicht entfernt/,
    expired: /Diese Karte ist abgelaufen\. Geben Sie \*\*entfernen\*\*/,
    forged: /passt nicht zum Kunden dieses Vorgangs/,
    unavailable: /Partner Center ist gerade nicht erreichbar/,
    notFound: /keinen Kunden gefunden, .* „nothing-like-this“/,
    preTitle: /^Bevor Sie die Beziehung zu Qremove Beta AG entfernen können/,
    suspendButton: 'Aktive Abonnements anhalten',
    suspendTitle: /^2 aktive\(s\) Abonnement\(s\) von Qremove Beta AG anhalten\?/,
    suspended: /2 Abonnement\(s\) angehalten/,
    startedBelow: /Fahren Sie mit der Karte unten fort/,
    invalidCardData: /keinen gültigen Kunden genannt/,
    ask: /Welche Kundenbeziehung möchten Sie entfernen/,
    chooseTitle: /welcher Kunde\?/,
    chooseRequired: /wählen Sie einen der angezeigten Kunden/,
    alreadyRemoved: /keine Beziehung zu Qremove Alpha GmbH besteht/,
    precondition: /Entfernen der Beziehung zu Qremove Alpha GmbH abgelehnt, weil eine Voraussetzung/,
    auditTitle: 'Protokoll',
    auditMissing: /Protokolleintrag konnte nicht geschrieben werden/,
  },
];

const ALPHA_ID = 'a1a1a1a1-0000-4000-8000-00000000a1a1';
const BETA_ID = 'b2b2b2b2-0000-4000-8000-00000000b2b2';
const GAMMA_ID = 'c3c3c3c3-0000-4000-8000-00000000c3c3';

function setUp(locale: string, options: { notices?: LegalNoticeCatalog } = {}) {
  const h = new RemoveHarness(locale, options);
  h.pc.addCustomer({
    id: ALPHA_ID,
    companyName: 'Qremove Alpha GmbH',
    domain: 'qremove-alpha.onmicrosoft.com',
    allowDelegatedAccess: true,
    subscriptions: [{ offerName: 'Microsoft 365 E3', status: 'suspended' }],
  });
  h.pc.addCustomer({
    id: BETA_ID,
    companyName: 'Qremove Beta AG',
    domain: 'qremove-beta.onmicrosoft.com',
    allowDelegatedAccess: false,
    subscriptions: [
      {
        offerName: 'Microsoft 365 Business Basic',
        friendlyName: 'Basic for sales',
        status: 'active',
        quantity: 12,
      },
      { offerName: 'Exchange Online (Plan 1)', friendlyName: 'Mailboxes', status: 'active', quantity: 3 },
      { offerName: 'Visio Plan 2', friendlyName: 'Old Visio', status: 'suspended' },
    ],
  });
  h.pc.addCustomer({
    id: GAMMA_ID,
    companyName: 'Gamma Untouched KG',
    domain: 'gamma-untouched.onmicrosoft.com',
  });
  return h;
}

const removeCalls = (h: RemoveHarness) => h.pc.callsOf('removeResellerRelationship').length;
const dapLabel = (L: Lang) =>
  L.lang === 'en' ? 'Delegated admin privileges' : 'Delegierte Administratorrechte';
const factValue = (card: Record<string, any> | undefined, title: string): string | undefined => {
  for (const el of card?.body ?? []) {
    if (el.type === 'FactSet') {
      const fact = el.facts.find((f: { title: string }) => f.title === title);
      if (fact) return fact.value;
    }
  }
  return undefined;
};

describe.each(LANGS)('remove dialog ($lang)', (L) => {
  /** Typed command to the warning card of Qremove Alpha. */
  async function warning(h: RemoveHarness) {
    const result = await h.say(`${L.remove} qremove alpha`);
    const card = cardOf(result);
    expect(card?.body?.[0]?.text).toBe(L.warningTitle);
    return card!;
  }

  it('refuses a Sales agent clearly, changes nothing and audits the refusal', async () => {
    const h = setUp(L.locale);
    const result = await h.say(`${L.remove} qremove alpha`, 'salesAgent');
    expect(textOf(result)).toMatch(L.refused);
    expect(cardOf(result)).toBeUndefined();
    expect(removeCalls(h)).toBe(0);
    expect(h.pc.callsOf('searchCustomers')).toHaveLength(0);
    const [entry] = h.audit.of('relationship.remove');
    expect(entry).toMatchObject({
      outcome: 'refused',
      partnerTenantId: SIMULATOR_PARTNER_TENANT_ID,
      actor: { aadObjectId: SIMULATOR_USERS.salesAgent.aadObjectId, roles: ['SalesAgent'] },
      details: { reason: 'role' },
    });
  });

  it('shows the legal-notice warning with the customer, its actual delegated access and the statement', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    expectValidCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Qremove Alpha GmbH');
    expect(text).toContain('qremove-alpha.onmicrosoft.com');
    expect(factValue(card, dapLabel(L))).toMatch(L.dapGranted);
    for (const p of builtinStatement(L.lang).paragraphs)
      expect(text).toContain(JSON.stringify(p).slice(1, -1));
    const toggle = card.body.find((e: { type: string }) => e.type === 'Input.Toggle');
    expect(toggle).toMatchObject({ id: 'attest', title: L.toggle, isRequired: true, valueOn: 'true' });
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual([L.removeButton, L.cancelButton]);
    expect(text).toContain(builtinStatement(L.lang).sha256.slice(0, 12));
    expect(actionData(card, REMOVE_VERBS.confirm)).toMatchObject({ customerId: ALPHA_ID, command: 'remove' });
  });

  it('removes with the toggle on: one PATCH, result card, customer gone, cache cleared, audited with hash', async () => {
    const h = setUp(L.locale);
    h.cache.set(SIMULATOR_PARTNER_TENANT_ID, 'page:0', { items: ['stale'] });
    const card = await warning(h);
    const result = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    const done = cardOf(result)!;
    expectValidCard(done);
    expect(JSON.stringify(done)).toMatch(L.removed);
    expect(removeCalls(h)).toBe(1);
    expect(h.pc.callsOf('removeResellerRelationship')[0]!.ctx.auth).toBe('user');
    expect(await h.customerIds('Qremove')).toEqual([BETA_ID]);
    expect(h.cache.get(SIMULATOR_PARTNER_TENANT_ID, 'page:0')).toBeUndefined();
    const statement = builtinStatement(L.lang);
    const succeeded = h.audit.of('relationship.remove').filter((e) => e.outcome === 'succeeded');
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]).toMatchObject({
      customer: { id: ALPHA_ID, companyName: 'Qremove Alpha GmbH', domain: 'qremove-alpha.onmicrosoft.com' },
      actor: {
        aadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
        name: 'Adrian Keller',
        roles: ['AdminAgent'],
      },
      details: {
        attested: true,
        delegatedAccess: true,
        attestation: {
          version: statement.version,
          sha256: statement.sha256,
          language: L.lang,
          source: 'builtin',
        },
      },
    });
    expect(JSON.stringify(done)).toContain(succeeded[0]!.id);
  });

  it('without the toggle: the same card comes back with an error, nothing removed; then it works', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    const data = actionData(card, REMOVE_VERBS.confirm);
    for (const attest of [undefined, 'false', 'TRUE', 'yes']) {
      const again = await h.click(REMOVE_VERBS.confirm, attest === undefined ? data : { ...data, attest });
      const back = cardOf(again)!;
      expect(back.body[0].text).toBe(L.warningTitle);
      expect(JSON.stringify(back)).toMatch(L.notAttested);
      expectValidCard(back);
    }
    expect(removeCalls(h)).toBe(0);
    expect(h.audit.of('relationship.remove').map((e) => [e.outcome, e.details?.['reason']])).toEqual(
      Array(4).fill(['refused', 'notAttested']),
    );
    const ok = await h.click(REMOVE_VERBS.confirm, { ...data, attest: 'true' });
    expect(JSON.stringify(cardOf(ok))).toMatch(L.removed);
    expect(removeCalls(h)).toBe(1);
  });

  it('cancel on the warning: result card, audit entry, nothing removed, the card is then stale', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    const result = await h.click(REMOVE_VERBS.cancel, actionData(card, REMOVE_VERBS.cancel));
    expect(JSON.stringify(cardOf(result))).toMatch(L.cancelled);
    expect(h.audit.of('relationship.remove')).toMatchObject([
      { outcome: 'cancelled', customer: { id: ALPHA_ID }, details: { reason: 'userCancelled' } },
    ]);
    const late = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expect(textOf(late)).toMatch(L.expired);
    expect(removeCalls(h)).toBe(0);
    expect(await h.customerIds('Qremove Alpha')).toEqual([ALPHA_ID]);
  });

  it('double click on Remove: one PATCH; the second click finds the card expired', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    const data = { ...actionData(card, REMOVE_VERBS.confirm), attest: 'true' };
    const first = await h.click(REMOVE_VERBS.confirm, data);
    const second = await h.click(REMOVE_VERBS.confirm, data);
    expect(JSON.stringify(cardOf(first))).toMatch(L.removed);
    expect(textOf(second)).toMatch(L.expired);
    expect(removeCalls(h)).toBe(1);
    expect(h.audit.of('relationship.remove').filter((e) => e.outcome === 'succeeded')).toHaveLength(1);
  });

  it('two clicks arriving at the same time still make one PATCH', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    const data = { ...actionData(card, REMOVE_VERBS.confirm), attest: 'true' };
    const results = await Promise.all([
      h.click(REMOVE_VERBS.confirm, data),
      h.click(REMOVE_VERBS.confirm, data),
    ]);
    expect(removeCalls(h)).toBe(1);
    expect(results.filter((r) => L.removed.test(JSON.stringify(cardOf(r) ?? '')))).toHaveLength(1);
    expect(h.audit.of('relationship.remove').filter((e) => e.outcome === 'succeeded')).toHaveLength(1);
  });

  it('a stale warning card (flow cancelled by typing) cannot remove anything; the cancel is audited', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    await h.say(L.cancel);
    const late = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expect(textOf(late)).toMatch(L.expired);
    expect(removeCalls(h)).toBe(0);
    expect(h.audit.of('relationship.remove')).toMatchObject([
      { outcome: 'cancelled', details: { reason: 'flowCancelled', stage: 'warning' } },
    ]);
  });

  it('a warning card of an earlier flow cannot remove once another removal started', async () => {
    const h = setUp(L.locale);
    const old = await warning(h);
    await h.say(`${L.remove} gamma`);
    const late = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(old, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expect(textOf(late)).toMatch(L.expired);
    expect(removeCalls(h)).toBe(0);
  });

  it('forged invoke data naming another customer is refused and audited; nothing removed', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    const forged = { ...actionData(card, REMOVE_VERBS.confirm), customerId: GAMMA_ID, attest: 'true' };
    const result = await h.click(REMOVE_VERBS.confirm, forged);
    expect(textOf(result)).toMatch(L.forged);
    expect(removeCalls(h)).toBe(0);
    expect(await h.customerIds('Gamma')).toEqual([GAMMA_ID]);
    expect(h.audit.of('relationship.remove')).toMatchObject([
      {
        outcome: 'refused',
        customer: { id: ALPHA_ID },
        details: { reason: 'customerMismatch', claimedCustomerId: GAMMA_ID },
      },
    ]);
    // The flow ended: the genuine card is stale now.
    const genuine = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expect(textOf(genuine)).toMatch(L.expired);
  });

  it('malformed action data changes nothing', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    const result = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(card, REMOVE_VERBS.confirm),
      attest: { x: 1 },
    });
    expect(textOf(result)).toMatch(/not understood|nicht verstanden/);
    expect(removeCalls(h)).toBe(0);
  });

  it('Partner Center unavailable during the PATCH: clear message, audited as failed, customer still there', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    h.pc.failNext(
      'removeResellerRelationship',
      new PartnerCenterError('unavailable', 'HTTP 500', {
        status: 500,
        requestId: 'req-0000-1111-2222',
        attempts: 5,
      }),
    );
    const result = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expect(JSON.stringify(cardOf(result))).toMatch(L.unavailable);
    expect(await h.customerIds('Qremove Alpha')).toEqual([ALPHA_ID]);
    const entries = h.audit.of('relationship.remove');
    expect(entries).toMatchObject([
      {
        outcome: 'failed',
        requestId: 'req-0000-1111-2222',
        details: { reason: 'partnerCenter', errorKind: 'unavailable' },
      },
    ]);
    expect(entries.some((e) => e.outcome === 'succeeded')).toBe(false);
  });

  it.each([
    ['relationship_not_found', 'alreadyRemoved'],
    ['precondition', 'precondition'],
  ] as const)(
    'Partner Center answers %s: a clear failure card, audited as failed (%s)',
    async (kind, reason) => {
      const h = setUp(L.locale);
      const card = await warning(h);
      h.pc.failNext(
        'removeResellerRelationship',
        new PartnerCenterError(kind, 'refused', {
          status: 400,
          description: 'Azure reservations exist',
          requestId: 'r-1',
        }),
      );
      const result = await h.click(REMOVE_VERBS.confirm, {
        ...actionData(card, REMOVE_VERBS.confirm),
        attest: 'true',
      });
      const text = JSON.stringify(cardOf(result));
      expect(text).toMatch(reason === 'alreadyRemoved' ? L.alreadyRemoved : L.precondition);
      if (reason === 'precondition') expect(text).toContain('Azure reservations exist');
      expect(h.audit.of('relationship.remove')).toMatchObject([
        { outcome: 'failed', requestId: 'r-1', details: { reason } },
      ]);
    },
  );

  it('still tells the truth when the audit entry cannot be written after a removal', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    h.audit.failNext();
    const result = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    const text = JSON.stringify(cardOf(result));
    expect(text).toMatch(L.removed);
    expect(text).toMatch(L.auditMissing);
  });

  it('active subscriptions: explained first, suspended only after their own confirmation, then the warning', async () => {
    const h = setUp(L.locale);
    const first = await h.say(`${L.remove} qremove beta`);
    const pre = cardOf(first)!;
    expectValidCard(pre);
    expect(pre.body[0].text).toMatch(L.preTitle);
    const text = JSON.stringify(pre);
    expect(text).toContain('Basic for sales');
    expect(text).toContain('Mailboxes');
    expect(text).not.toContain('Old Visio');
    expect(pre.actions.map((a: { title: string }) => a.title)).toContain(L.suspendButton);

    // Check again: still active, same card.
    const again = await h.click(REMOVE_VERBS.recheck, actionData(pre, REMOVE_VERBS.recheck));
    expect(cardOf(again)!.body[0].text).toMatch(L.preTitle);
    // Remove is not possible from the preconditions stage, even with forged verbs.
    const early = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(pre, REMOVE_VERBS.recheck),
      attest: 'true',
    });
    expect(textOf(early)).toMatch(L.expired);

    const ask = await h.click(REMOVE_VERBS.suspend, actionData(pre, REMOVE_VERBS.suspend));
    const confirmCard = cardOf(ask)!;
    expectValidCard(confirmCard);
    expect(confirmCard.body[0].text).toMatch(L.suspendTitle);
    expect(h.pc.callsOf('suspendSubscription')).toHaveLength(0);

    // Back: nothing suspended.
    const back = await h.click(REMOVE_VERBS.back, actionData(confirmCard, REMOVE_VERBS.back));
    expect(cardOf(back)!.body[0].text).toMatch(L.preTitle);
    expect(h.pc.callsOf('suspendSubscription')).toHaveLength(0);

    const ask2 = await h.click(REMOVE_VERBS.suspend, actionData(cardOf(back), REMOVE_VERBS.suspend));
    const done = await h.click(
      REMOVE_VERBS.suspendConfirm,
      actionData(cardOf(ask2), REMOVE_VERBS.suspendConfirm),
    );
    expect(h.pc.callsOf('suspendSubscription')).toHaveLength(2);
    const warn = cardOf(done)!;
    expect(warn.body[0].text).toBe(L.warningTitle);
    expect(JSON.stringify(warn)).toMatch(L.suspended);
    expect(factValue(warn, dapLabel(L))).toMatch(L.dapNone);
    expect(h.audit.of('subscriptions.suspend')).toMatchObject([
      {
        outcome: 'succeeded',
        customer: { id: BETA_ID },
        details: { suspended: [{ name: 'Basic for sales' }, { name: 'Mailboxes' }] },
      },
    ]);

    const removed = await h.click(REMOVE_VERBS.confirm, {
      ...actionData(warn, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expect(JSON.stringify(cardOf(removed))).toMatch(L.removed);
    expect(await h.customerIds('Qremove Beta')).toEqual([]);
  });

  it('a forged customer id on "Suspend subscriptions" suspends nothing', async () => {
    const h = setUp(L.locale);
    const pre = cardOf(await h.say(`${L.remove} qremove beta`))!;
    const ask = cardOf(await h.click(REMOVE_VERBS.suspend, actionData(pre, REMOVE_VERBS.suspend)))!;
    const result = await h.click(REMOVE_VERBS.suspendConfirm, {
      ...actionData(ask, REMOVE_VERBS.suspendConfirm),
      customerId: GAMMA_ID,
    });
    expect(textOf(result)).toMatch(L.forged);
    expect(h.pc.callsOf('suspendSubscription')).toHaveLength(0);
  });

  it('several matches: a choice card; an unlisted choice is refused; a listed one leads to the warning', async () => {
    const h = setUp(L.locale);
    const first = await h.say(`${L.remove} qremove`);
    const choose = cardOf(first)!;
    expectValidCard(choose);
    expect(choose.body[0].text).toMatch(L.chooseTitle);
    const choices = choose.body.find((e: { type: string }) => e.type === 'Input.ChoiceSet').choices;
    expect(choices.map((c: { value: string }) => c.value).sort()).toEqual([ALPHA_ID, BETA_ID].sort());
    const bad = await h.click(REMOVE_VERBS.choose, {
      ...actionData(choose, REMOVE_VERBS.choose),
      customerId: GAMMA_ID,
    });
    expect(JSON.stringify(cardOf(bad))).toMatch(L.chooseRequired);
    const good = await h.click(REMOVE_VERBS.choose, {
      ...actionData(cardOf(bad), REMOVE_VERBS.choose),
      customerId: ALPHA_ID,
    });
    expect(cardOf(good)!.body[0].text).toBe(L.warningTitle);
  });

  it('finds a customer by domain and by id; says so when nothing matches', async () => {
    const h = setUp(L.locale);
    expect(cardOf(await h.say(`${L.remove} qremove-alpha.onmicrosoft`))!.body[0].text).toBe(L.warningTitle);
    await h.say(L.cancel);
    expect(cardOf(await h.say(`${L.remove} ${ALPHA_ID}`))!.body[0].text).toBe(L.warningTitle);
    await h.say(L.cancel);
    expect(textOf(await h.say(`${L.remove} nothing-like-this`))).toMatch(L.notFound);
  });

  it('asks for the customer when the command has no search text', async () => {
    const h = setUp(L.locale);
    expect(textOf(await h.say(L.remove))).toMatch(L.ask);
    expect(cardOf(await h.say('qremove alpha'))!.body[0].text).toBe(L.warningTitle);
  });

  it('starts from a customer record button: the warning comes as a new card; bad button data is refused', async () => {
    const h = setUp(L.locale);
    const started = await h.startFromCard({ customerId: ALPHA_ID, flowId: 'ignored' });
    expect(textOf(started)).toMatch(L.startedBelow);
    const card = cardOf({ replies: started.replies })!;
    expect(card.body[0].text).toBe(L.warningTitle);
    expect(actionData(card, REMOVE_VERBS.confirm)['customerId']).toBe(ALPHA_ID);

    for (const data of [{}, { customerId: '../../v1/customers' }, { customerId: 42 }]) {
      const bad = await h.startFromCard(data);
      expect(textOf(bad)).toMatch(L.invalidCardData);
      expect(bad.replies).toHaveLength(0);
    }
    const gone = await h.startFromCard({ customerId: 'd0d0d0d0-0000-4000-8000-00000000d0d0' });
    expect(textOf(gone)).toMatch(/not \(or no longer\)|nicht \(mehr\)/);
    expect(removeCalls(h)).toBe(0);
  });

  it('audit/protokoll shows the latest entries to admins and refuses a Sales agent', async () => {
    const h = setUp(L.locale);
    const card = await warning(h);
    await h.click(REMOVE_VERBS.confirm, { ...actionData(card, REMOVE_VERBS.confirm), attest: 'true' });
    const shown = cardOf(await h.say(L.audit, 'globalAdmin'))!;
    expectValidCard(shown);
    expect(shown.body[0].text).toBe(L.auditTitle);
    const text = JSON.stringify(shown);
    expect(text).toContain('Qremove Alpha GmbH');
    expect(text).toContain(builtinStatement(L.lang).sha256.slice(0, 12));
    expect(textOf(await h.say(L.audit, 'salesAgent'))).toMatch(L.refused);
  });
});

describe('remove dialog with a partner-supplied statement', () => {
  it('shows the replacement text and records its version and hash', async () => {
    const notices = LegalNoticeCatalog.load(
      { de: 'de.txt' },
      {
        readFile: () =>
          Buffer.from('Version: partner-2025\n\nUnsere Erklärung, Absatz eins.\n\nAbsatz zwei.'),
      },
    );
    const h = setUp('de-DE', { notices });
    const card = cardOf(await h.say('entfernen qremove alpha'))!;
    const text = JSON.stringify(card);
    expect(text).toContain('Unsere Erklärung, Absatz eins.');
    expect(text).toContain('partner-2025');
    await h.click(REMOVE_VERBS.confirm, { ...actionData(card, REMOVE_VERBS.confirm), attest: 'true' });
    const statement = notices.statementFor('de');
    expect(h.audit.of('relationship.remove')[0]).toMatchObject({
      outcome: 'succeeded',
      details: {
        attestation: { version: 'partner-2025', sha256: statement.sha256, language: 'de', source: 'file' },
      },
    });
  });
});
