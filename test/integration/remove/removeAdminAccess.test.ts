import { randomUUID } from 'node:crypto';
import { CapturingConnector } from '../../support/connector';
import { TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { HttpTurns, dataOf } from '../../support/httpTurns';
import { builtinStatement } from '../../../src/domain/legalNotice';
import { REMOVE_VERBS } from '../../../src/dialogs/remove/removeDialog';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';

const DAY = 86_400_000;
const TERMINATE_ROUTE = 'POST /tenantRelationships/delegatedAdminRelationships/:id/requests';
const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const HELPDESK_ADMIN = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/**
 * Removal and admin access over the real stack: Teams activities over HTTP → bot → the HTTP
 * Partner Center and Graph (GDAP) clients → the simulators; dialog state and audit in embedded Cosmos.
 */
describe('removal: admin access (GDAP) and new commerce over HTTP', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  let n = 0;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ SIMULATOR_CUSTOMERS: '10', GRAPH_MAX_RETRIES: '1' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });
  afterEach(() => bot.app.simulator!.clearFaults());

  const sim = () => bot.app.simulator!;
  const turns = new HttpTurns(() => ({ connector, bot }));
  const gdap = () => bot.app.gdapSimulator!;
  const chat = (locale = 'en-US') =>
    new TeamsChat({
      serviceUrl: connector.url,
      locale,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
      userName: 'Adrian Keller',
    });

  type SubInput = NonNullable<Parameters<ReturnType<typeof sim>['addCustomer']>[0]['subscriptions']>;
  function customer(subscriptions: SubInput = []) {
    n++;
    const tag = `Qgdap${n}x`;
    return sim().addCustomer({
      companyName: `${tag} Zugriff GmbH`,
      domain: `${tag.toLowerCase()}-access.onmicrosoft.com`,
      allowDelegatedAccess: true,
      subscriptions,
    });
  }

  /**
   * An active GDAP relationship for the customer, ending in `days`. Graph lists the newest first:
   * `createdDaysAgo` orders them.
   */
  function relationship(
    tenantId: string,
    name: string,
    roles: string[],
    days: number,
    createdDaysAgo = 10,
  ): string {
    const now = gdap().now() - (createdDaysAgo - 10) * DAY;
    const id = `${randomUUID()}-${randomUUID()}`;
    gdap().insert({
      id,
      displayName: name,
      duration: 'P730D',
      autoExtendDuration: 'PT0S',
      status: 'active',
      customer: { tenantId, displayName: name },
      roles,
      createdAt: now - 10 * DAY,
      modifiedAt: now - 9 * DAY,
      lockedAt: now - 10 * DAY,
      activatedAt: now - 9 * DAY,
      endAt: gdap().now() + days * DAY,
    });
    return id;
  }
  const statusOf = (id: string) => gdap().getRelationship(id).status;

  /** remove → warning → confirm: the card after the removal. */
  async function removeVia(c: TeamsChat, companyName: string, command = 'remove') {
    const warning = await turns.firstCard(c, `${command} ${companyName}`);
    const done = await turns.click(c, REMOVE_VERBS.confirm, {
      ...dataOf(warning, REMOVE_VERBS.confirm),
      attest: 'true',
    });
    expectValidCard(done.value);
    return { warning, done: done.value };
  }

  it('en: the warning names each GDAP relationship with roles and end date; after the removal only the selected one is ended, once under a double click, audited with the attestation', async () => {
    const target = customer([
      { offerName: 'Microsoft 365 E3', friendlyName: 'E3 seats', status: 'suspended', newCommerce: true },
    ]);
    const keep = relationship(target.tenantId, 'Support Qgdap keep', [DIRECTORY_READERS], 200);
    const end = relationship(target.tenantId, 'Support Qgdap end', [DIRECTORY_READERS, HELPDESK_ADMIN], 40);
    const c = chat();
    const { warning, done } = await removeVia(c, target.companyName);

    const text = JSON.stringify(warning);
    expect(text).toContain('Admin access (GDAP)');
    expect(text).toMatch(/Support Qgdap end: Directory Readers, Helpdesk Administrator · ends on /);
    expect(text).toMatch(/Support Qgdap keep: Directory Readers · ends on /);
    expect(text).toContain('Granted (Partner Center still reports DAP)');
    // The suspended new-commerce subscription is flagged as still billed.
    expect(text).toMatch(/E3 seats: suspended, but still billed until /);

    // Removed; Partner Center removed DAP too; nothing ended yet.
    const doneText = JSON.stringify(done);
    expect(doneText).toContain('Partner Center removed the delegated admin privileges (DAP)');
    expect(doneText).toContain('End admin access too');
    expect([statusOf(keep), statusOf(end)]).toEqual(['active', 'active']);
    const choices = done.body
      .find((b: any) => b.type === 'Container')
      .items.find((i: any) => i.type === 'Input.ChoiceSet').choices;
    expect(choices.map((ch: { value: string }) => ch.value).sort()).toEqual([keep, end].sort());

    // A double click: two clicks on the same card at once.
    const data = { ...dataOf(done, REMOVE_VERBS.endAccess), relationships: end };
    const answers = await Promise.all([
      turns.click(c, REMOVE_VERBS.endAccess, data),
      turns.click(c, REMOVE_VERBS.endAccess, data),
    ]);
    const cards = answers.filter((a) => a.type === 'application/vnd.microsoft.card.adaptive');
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]!.value)).toContain('Ended: Support Qgdap end.');
    expect(statusOf(end)).toBe('terminated');
    expect(statusOf(keep)).toBe('active');

    const entries = await turns.auditOf(target.id, 'adminAccess.terminate');
    expect(entries).toHaveLength(1);
    const statement = builtinStatement('en');
    expect(entries[0]).toMatchObject({
      outcome: 'succeeded',
      details: {
        ended: [{ id: end, name: 'Support Qgdap end' }],
        notEnded: [],
        attestation: { sha256: statement.sha256, version: statement.version },
      },
    });
    // A later click on the old card ends nothing more.
    const late = await turns.click(c, REMOVE_VERBS.endAccess, { ...data, relationships: keep });
    expect(late.type).toBe('application/vnd.microsoft.activity.message');
    expect(statusOf(keep)).toBe('active');
  });

  it('en: a Graph failure while ending leaves an audit entry of what ended and what did not, and a retry for the rest', async () => {
    const target = customer();
    // A is the newer one: listed, offered and ended first (created in the same millisecond, the
    // order was left to chance).
    const a = relationship(target.tenantId, 'Qgdap A', [DIRECTORY_READERS], 100, 10);
    const b = relationship(target.tenantId, 'Qgdap B', [DIRECTORY_READERS], 100, 11);
    const c = chat();
    const { done } = await removeVia(c, target.companyName);
    // The first terminate fails with a 503 before Graph acts: its outcome is unknown, so the bot reads it back.
    sim().setFaults([{ route: TERMINATE_ROUTE, type: 'error', status: 503, count: 1 }]);
    const partial = await turns.click(c, REMOVE_VERBS.endAccess, {
      ...dataOf(done, REMOVE_VERBS.endAccess),
      relationships: `${a},${b}`,
    });
    expectValidCard(partial.value);
    const partialText = JSON.stringify(partial.value);
    expect(partialText).toContain('Admin access only partly ended');
    expect(partialText).toContain('Ended: Qgdap B.');
    expect(partialText).toContain('Not ended: Qgdap A.');
    expect(partialText).toContain('Try again for the rest');
    expect([statusOf(a), statusOf(b)]).toEqual(['active', 'terminated']);
    let entries = await turns.auditOf(target.id, 'adminAccess.terminate');
    expect(entries).toMatchObject([
      {
        outcome: 'failed',
        details: {
          ended: [{ id: b }],
          notEnded: [{ id: a, name: 'Qgdap A', errorKind: 'unavailable', verified: true }],
        },
      },
    ]);
    const retryChoices = partial.value.body
      .find((x: any) => x.type === 'Container')
      .items.find((i: any) => i.type === 'Input.ChoiceSet');
    expect(retryChoices.choices.map((ch: { value: string }) => ch.value)).toEqual([a]);
    expect(retryChoices.value).toBe(a);

    const retried = await turns.click(c, REMOVE_VERBS.endAccess, {
      ...dataOf(partial.value, REMOVE_VERBS.endAccess),
      relationships: a,
    });
    expect(JSON.stringify(retried.value)).toContain('Ended: Qgdap A.');
    expect(statusOf(a)).toBe('terminated');
    entries = await turns.auditOf(target.id, 'adminAccess.terminate');
    expect(entries.map((e) => e.outcome)).toEqual(['failed', 'succeeded']);
  });

  it('en: a dropped answer to a terminate that happened is verified by reading back: ended', async () => {
    const target = customer();
    const a = relationship(target.tenantId, 'Qgdap drop', [DIRECTORY_READERS], 100);
    const c = chat();
    const { done } = await removeVia(c, target.companyName);
    sim().setFaults([{ route: TERMINATE_ROUTE, type: 'drop', phase: 'after', count: 1 }]);
    const answer = await turns.click(c, REMOVE_VERBS.endAccess, {
      ...dataOf(done, REMOVE_VERBS.endAccess),
      relationships: a,
    });
    expect(JSON.stringify(answer.value)).toContain('Ended: Qgdap drop.');
    expect(statusOf(a)).toBe('terminated');
    const [entry] = await turns.auditOf(target.id, 'adminAccess.terminate');
    expect(entry).toMatchObject({ outcome: 'succeeded', details: { ended: [{ id: a }] } });
  });

  it('en: "Keep admin access" ends the flow and ends nothing', async () => {
    const target = customer();
    const a = relationship(target.tenantId, 'Qgdap kept', [DIRECTORY_READERS], 100);
    const c = chat();
    const { done } = await removeVia(c, target.companyName);
    const kept = await turns.click(c, REMOVE_VERBS.keepAccess, dataOf(done, REMOVE_VERBS.keepAccess));
    expect(String(kept.value)).toContain('Admin access was left as it is');
    expect(statusOf(a)).toBe('active');
    expect(await turns.auditOf(target.id, 'adminAccess.terminate')).toEqual([]);
  });

  it('en: an active new-commerce subscription inside its cancellation window is named with the date the window closes', async () => {
    const target = customer([
      {
        offerName: 'Microsoft 365 Business Premium',
        friendlyName: 'Premium fresh',
        status: 'active',
        newCommerce: true,
        purchasedDaysAgo: 2,
      },
      {
        offerName: 'Office 365 E1',
        friendlyName: 'E1 old',
        status: 'active',
        newCommerce: true,
        purchasedDaysAgo: 100,
      },
    ]);
    const c = chat();
    const pre = await turns.firstCard(c, `remove ${target.companyName}`);
    const text = JSON.stringify(pre);
    expect(text).toContain('New-commerce subscriptions');
    const closes = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(Math.floor(Date.now() / DAY) * DAY - 2 * DAY + 168 * 3_600_000),
    );
    expect(text).toContain(`Premium fresh: can still be cancelled with a prorated refund until ${closes}`);
    expect(text).not.toMatch(/E1 old: can still be cancelled/);
  });

  it('de: the warning and the end-access step speak German', async () => {
    const target = customer([
      { offerName: 'Microsoft 365 E3', friendlyName: 'E3 Plätze', status: 'suspended', newCommerce: true },
    ]);
    const a = relationship(target.tenantId, 'Qgdap de', [DIRECTORY_READERS, HELPDESK_ADMIN], 30);
    const c = chat('de-DE');
    const { warning, done } = await removeVia(c, target.companyName, 'entfernen');
    const text = JSON.stringify(warning);
    expect(text).toContain('Administratorzugriff (GDAP)');
    expect(text).toMatch(/Qgdap de: Verzeichnis lesen, Helpdeskadministrator · endet am /);
    expect(text).toMatch(/E3 Plätze: angehalten, wird aber bis .* weiter berechnet/);
    const doneText = JSON.stringify(done);
    expect(doneText).toContain('Administratorzugriff ebenfalls beenden');
    expect(doneText).toContain('Partner Center hat die delegierten Administratorrechte (DAP)');
    const ended = await turns.click(c, REMOVE_VERBS.endAccess, {
      ...dataOf(done, REMOVE_VERBS.endAccess),
      relationships: a,
    });
    expect(JSON.stringify(ended.value)).toContain('Beendet: Qgdap de.');
    expect(statusOf(a)).toBe('terminated');
  });
});
