import { CapturingConnector } from '../../support/connector';
import { TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { HttpTurns, dataOf } from '../../support/httpTurns';
import { builtinStatement } from '../../../src/domain/legalNotice';
import type { AuditEntry } from '../../../src/domain/audit';
import { REMOVE_VERBS } from '../../../src/dialogs/remove/removeDialog';
import { SIMULATOR_PARTNER_TENANT_ID, SIMULATOR_USERS } from '../../../src/simulator/seed';

const PATCH_ROUTE = 'PATCH /v1/customers/:id';

/**
 * Removal over the real stack: Teams activities over HTTP → bot → HTTP Partner Center client →
 * the simulator; dialog state and the audit log in embedded Cosmos.
 */
describe('remove customer relationship over HTTP (simulator, embedded Cosmos)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  let n = 0;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    // One retry keeps the 5xx test fast; the retry itself is covered by the client's tests.
    bot = await startTestApp({ PARTNER_CENTER_MAX_RETRIES: '1', SIMULATOR_CUSTOMERS: '30' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });
  afterEach(() => bot.app.simulator!.clearFaults());

  const sim = () => bot.app.simulator!;
  const turns = new HttpTurns(() => ({ connector, bot }));
  const chat = (locale = 'en-US', user: string = SIMULATOR_USERS.adminAgent.aadObjectId) =>
    new TeamsChat({ serviceUrl: connector.url, locale, userAadObjectId: user, userName: 'Adrian Keller' });

  /** A fresh customer of the simulator (unique name per test). */
  function customer(opts: { active?: number; dap?: boolean } = {}) {
    n++;
    const tag = `Qhttp${n}x`;
    return sim().addCustomer({
      companyName: `${tag} Removal GmbH`,
      domain: `${tag.toLowerCase()}-removal.onmicrosoft.com`,
      allowDelegatedAccess: opts.dap ?? true,
      subscriptions: Array.from({ length: opts.active ?? 0 }, (_, i) => ({
        offerName: 'Microsoft 365 Business Standard',
        friendlyName: `${tag} seats ${i + 1}`,
        status: 'active' as const,
      })),
    });
  }

  async function warningCard(c: TeamsChat, search: string, command = 'remove'): Promise<any> {
    return turns.firstCard(c, `${command} ${search}`);
  }

  async function stillListed(id: string): Promise<boolean> {
    const page = await bot.app.services.partnerCenter.searchCustomers(
      { field: 'CompanyName', prefix: 'Qhttp' },
      { auth: 'app' },
    );
    return page.items.some((c) => c.id === id);
  }

  it('en: toggle missing → card back with the error; toggle on → removed, gone from Customers, audited with hash', async () => {
    const target = customer();
    const c = chat();
    // The customer list (cached by the customers feature) shows the customer before…
    const listBefore = await turns.say(c, `customers ${target.companyName.slice(0, 8)}`);
    expect(JSON.stringify(listBefore)).toContain(target.companyName);

    const card = await warningCard(c, target.companyName);
    expect(card.body[0].text).toBe('Remove customer relationship');
    expect(JSON.stringify(card)).toContain('Granted (Partner Center still reports DAP)');

    const noToggle = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(card, REMOVE_VERBS.confirm),
      attest: 'false',
    });
    expect(noToggle.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(noToggle.value)).toContain(
      'Nothing was removed: please confirm the statements above first.',
    );
    expect(sim().requestCount(PATCH_ROUTE)).toBe(0);

    const done = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(noToggle.value, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expectValidCard(done.value);
    expect(JSON.stringify(done.value)).toContain('The customer no longer appears under Customers');
    expect(sim().findCustomer(target.id)?.relationshipToPartner).toBe('none');
    expect(await stillListed(target.id)).toBe(false);
    // …and not after (the removal cleared the cached pages).
    const listAfter = await turns.say(c, `customers ${target.companyName.slice(0, 8)}`);
    expect(JSON.stringify(listAfter)).not.toContain(target.companyName);

    const entries = await turns.auditOf(target.id);
    const statement = builtinStatement('en');
    expect(entries.map((e) => [e.outcome, e.details?.['reason'] ?? null])).toEqual([
      ['refused', 'notAttested'],
      ['succeeded', null],
    ]);
    expect(entries[1]).toMatchObject({
      action: 'relationship.remove',
      actor: {
        aadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
        name: 'Adrian Keller',
        roles: ['AdminAgent'],
      },
      customer: { id: target.id, companyName: target.companyName, domain: target.domain },
      details: { attestation: { sha256: statement.sha256, version: statement.version, language: 'en' } },
    });
    // The success entry names the MS-RequestId Partner Center received for the PATCH.
    expect(sim().seenRequestIds(PATCH_ROUTE)).toContain(entries[1]!.requestId);

    // The audit command shows it to an admin.
    const auditCard = (await turns.say(c, 'audit')).attachments?.[0]?.content;
    expectValidCard(auditCard);
    expect(JSON.stringify(auditCard)).toContain(target.companyName);
  });

  it('de: a Sales agent is refused in German, nothing is sent to Partner Center; the refusal is audited', async () => {
    const target = customer();
    const c = chat('de-DE', SIMULATOR_USERS.salesAgent.aadObjectId);
    const before = sim().requestCount(PATCH_ROUTE);
    const reply = await turns.say(c, `entfernen ${target.companyName}`);
    expect(reply.text).toMatch(/nur ein Globaler Administrator oder Administrator-Agent/);
    expect(sim().requestCount(PATCH_ROUTE) - before).toBe(0);
    expect(await stillListed(target.id)).toBe(true);
    const { resources } = await bot.app.cosmos.containers.audit.items
      .query<AuditEntry>(
        {
          query: 'SELECT * FROM c WHERE c.actor.aadObjectId = @user',
          parameters: [{ name: '@user', value: SIMULATOR_USERS.salesAgent.aadObjectId }],
        },
        { partitionKey: SIMULATOR_PARTNER_TENANT_ID },
      )
      .fetchAll();
    expect(resources).toMatchObject([
      {
        action: 'relationship.remove',
        outcome: 'refused',
        actor: { roles: ['SalesAgent'] },
        details: { reason: 'role', searchText: target.companyName },
      },
    ]);
    const audit = await turns.say(c, 'protokoll');
    expect(audit.text).toMatch(/nur ein Globaler Administrator/);
  });

  it('de: active subscriptions are listed first; suspending needs its own confirmation; then removal works', async () => {
    const target = customer({ active: 2, dap: false });
    const c = chat('de-DE', SIMULATOR_USERS.globalAdmin.aadObjectId);
    const pre = await warningCard(c, target.companyName, 'entfernen');
    expect(pre.body[0].text).toBe(`Bevor Sie die Beziehung zu ${target.companyName} entfernen können`);
    expect(JSON.stringify(pre)).toContain('seats 1');
    const ask = await turns.click(c, REMOVE_VERBS.suspend, dataOf(pre, REMOVE_VERBS.suspend));
    expect(ask.value.body[0].text).toMatch(/^2 aktive\(s\) Abonnement\(s\) von .* anhalten\?/);
    expect(
      sim()
        .listSubscriptions(target.id)
        .every((s) => s.status === 'active'),
    ).toBe(true);
    const warn = await turns.click(
      c,
      REMOVE_VERBS.suspendConfirm,
      dataOf(ask.value, REMOVE_VERBS.suspendConfirm),
    );
    expectValidCard(warn.value);
    expect(warn.value.body[0].text).toBe('Kundenbeziehung entfernen');
    expect(JSON.stringify(warn.value)).toContain('Keine erteilt.');
    expect(
      sim()
        .listSubscriptions(target.id)
        .every((s) => s.status === 'suspended'),
    ).toBe(true);
    const done = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(warn.value, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expect(JSON.stringify(done.value)).toContain('Der Kunde wird nicht mehr unter „Kunden“ angezeigt');
    expect(await stillListed(target.id)).toBe(false);
    const entries = await turns.auditOf(target.id);
    expect(entries.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'subscriptions.suspend:succeeded',
      'relationship.remove:succeeded',
    ]);
    expect(entries[1]!.details?.['attestation']).toMatchObject({
      language: 'de',
      sha256: builtinStatement('de').sha256,
    });
  });

  it("starts from the customer record's Remove button: the warning arrives as a new card", async () => {
    const target = customer();
    const c = chat();
    const before = connector.messages(c.conversationId).length;
    const res = await turns.click(c, 'customers.remove', { customerId: target.id });
    expect(res.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.value).toMatch(/Continue with the card below/);
    await connector.waitFor(() => connector.messages(c.conversationId).length > before);
    const card = connector.messages(c.conversationId)[before]!.attachments?.[0]?.content;
    expectValidCard(card);
    expect(card.body[0].text).toBe('Remove customer relationship');
    expect(dataOf(card, REMOVE_VERBS.confirm).customerId).toBe(target.id);
    const forged = await turns.click(c, 'customers.remove', { customerId: '../v1/customers' });
    expect(JSON.stringify(forged.value)).toMatch(/not understood|did not name a valid customer/);
  });

  it('cancel: audit entry, nothing removed', async () => {
    const target = customer();
    const c = chat();
    const card = await warningCard(c, target.domain);
    const res = await turns.click(c, REMOVE_VERBS.cancel, dataOf(card, REMOVE_VERBS.cancel));
    expect(JSON.stringify(res.value)).toContain('was not removed');
    expect(await stillListed(target.id)).toBe(true);
    expect((await turns.auditOf(target.id)).map((e) => e.outcome)).toEqual(['cancelled']);
  });

  it('double click (at once and one after the other): one PATCH, one success', async () => {
    const target = customer();
    const c = chat();
    const card = await warningCard(c, target.companyName);
    const data = { ...dataOf(card, REMOVE_VERBS.confirm), attest: 'true' };
    const before = sim().requestCount(PATCH_ROUTE);
    const both = await Promise.all([
      turns.click(c, REMOVE_VERBS.confirm, data),
      turns.click(c, REMOVE_VERBS.confirm, data),
    ]);
    const third = await turns.click(c, REMOVE_VERBS.confirm, data);
    expect(sim().requestCount(PATCH_ROUTE) - before).toBe(1);
    const texts = [...both, third].map((r) => JSON.stringify(r.value));
    expect(texts.filter((t) => t.includes('no longer appears under Customers'))).toHaveLength(1);
    expect(texts[2]).toMatch(/expired/);
    expect((await turns.auditOf(target.id)).filter((e) => e.outcome === 'succeeded')).toHaveLength(1);
  });

  it('a stale warning card (flow cancelled) cannot remove anything', async () => {
    const target = customer();
    const c = chat();
    const card = await warningCard(c, target.companyName);
    await turns.say(c, 'cancel');
    const res = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expect(res.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.value).toMatch(/This card has expired/);
    expect(await stillListed(target.id)).toBe(true);
    expect((await turns.auditOf(target.id)).map((e) => [e.outcome, e.details?.['reason']])).toEqual([
      ['cancelled', 'flowCancelled'],
    ]);
  });

  it('forged invoke data naming another customer is refused; neither customer is removed', async () => {
    const target = customer();
    const other = customer();
    const c = chat();
    const card = await warningCard(c, target.companyName);
    const before = sim().requestCount(PATCH_ROUTE);
    const res = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(card, REMOVE_VERBS.confirm),
      customerId: other.id,
      attest: 'true',
    });
    expect(res.value).toMatch(/does not match the customer of this removal/);
    expect(sim().requestCount(PATCH_ROUTE) - before).toBe(0);
    expect(await stillListed(target.id)).toBe(true);
    expect(await stillListed(other.id)).toBe(true);
    expect(await turns.auditOf(target.id)).toMatchObject([
      { outcome: 'refused', details: { reason: 'customerMismatch' } },
    ]);
  });

  it('Partner Center 500 on the PATCH, retries exhausted: clear message, audited as failed, customer still there', async () => {
    const target = customer();
    const c = chat();
    const card = await warningCard(c, target.companyName);
    sim().setFaults([{ route: PATCH_ROUTE, type: 'error', status: 500 }]);
    const before = sim().requestCount(PATCH_ROUTE);
    const res = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expectValidCard(res.value);
    const text = JSON.stringify(res.value);
    expect(text).toContain('Customer relationship not removed');
    expect(text).toContain('Partner Center is not reachable right now. Nothing was changed.');
    expect(sim().requestCount(PATCH_ROUTE) - before).toBe(2);
    expect(sim().findCustomer(target.id)?.relationshipToPartner).toBe('reseller');
    expect(await stillListed(target.id)).toBe(true);
    const entries = await turns.auditOf(target.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      outcome: 'failed',
      details: { reason: 'partnerCenter', errorKind: 'unavailable' },
    });
    expect(sim().seenRequestIds(PATCH_ROUTE)).toContain(entries[0]!.requestId);
  });

  it('issue 17: a 500 after the PATCH was processed: verified by reading back, reported and audited as removed', async () => {
    const target = customer();
    const c = chat();
    const card = await warningCard(c, target.companyName);
    sim().setFaults([{ route: PATCH_ROUTE, type: 'error', status: 500, phase: 'after' }]);
    const res = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expectValidCard(res.value);
    const text = JSON.stringify(res.value);
    expect(text).toContain('Customer relationship removed');
    expect(text).toContain('the relationship is gone');
    expect(text).not.toContain('Nothing was changed');
    expect(sim().findCustomer(target.id)?.relationshipToPartner).toBe('none');
    const entries = await turns.auditOf(target.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      outcome: 'succeeded',
      details: { verification: 'outcome unknown → verified removed', errorKind: 'unavailable' },
    });
    const auditCard = (await turns.say(c, 'audit')).attachments?.[0]?.content;
    expect(JSON.stringify(auditCard)).toContain('outcome unknown → verified removed');
  });

  it('issue 17: a 500 before the PATCH was processed: verified not removed (audit says so)', async () => {
    const target = customer();
    const c = chat('de-DE');
    const card = await warningCard(c, target.companyName, 'entfernen');
    sim().setFaults([{ route: PATCH_ROUTE, type: 'error', status: 500 }]);
    const res = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    const text = JSON.stringify(res.value);
    expect(text).toContain('Kundenbeziehung nicht entfernt');
    expect(text).toContain('besteht weiterhin');
    expect((await turns.auditOf(target.id))[0]).toMatchObject({
      outcome: 'failed',
      details: { verification: 'outcome unknown → verified not removed' },
    });
  });

  it('issue 17: the PATCH and the read-back both fail: the user is told it could not be confirmed and how to check', async () => {
    const target = customer();
    const c = chat();
    const card = await warningCard(c, target.companyName);
    sim().setFaults([
      { route: PATCH_ROUTE, type: 'error', status: 500, phase: 'after' },
      { route: 'GET /v1/customers/:id', type: 'error', status: 503 },
    ]);
    const res = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(card, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expectValidCard(res.value);
    const text = JSON.stringify(res.value);
    expect(text).toContain('Removal could not be confirmed');
    expect(text).toContain('customers ');
    expect(text).not.toContain('Nothing was changed');
    expect((await turns.auditOf(target.id))[0]).toMatchObject({
      outcome: 'unknown',
      details: { verification: 'outcome unknown → still unknown', readErrorKind: 'unavailable' },
    });
  });

  it('issue 17: a 500 after a suspend PATCH was processed: read back, reported and audited as suspended', async () => {
    const target = customer({ active: 1 });
    const c = chat();
    const pre = (await turns.say(c, `remove ${target.companyName}`)).attachments?.[0]?.content;
    const ask = await turns.click(c, REMOVE_VERBS.suspend, dataOf(pre, REMOVE_VERBS.suspend));
    sim().setFaults([
      { route: 'PATCH /v1/customers/:id/subscriptions/:sid', type: 'error', status: 500, phase: 'after' },
    ]);
    const res = await turns.click(
      c,
      REMOVE_VERBS.suspendConfirm,
      dataOf(ask.value, REMOVE_VERBS.suspendConfirm),
    );
    const text = JSON.stringify(res.value);
    expect(text).toContain('1 subscription(s) suspended.');
    expect(text).not.toContain('could not be suspended');
    const [entry] = (await turns.auditOf(target.id)).filter((e) => e.action === 'subscriptions.suspend');
    expect(entry).toMatchObject({ outcome: 'succeeded', details: { suspended: [{ verified: true }] } });
  });
});
