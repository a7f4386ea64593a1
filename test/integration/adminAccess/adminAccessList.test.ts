import { CapturingConnector } from '../../support/connector';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { BUILT_IN_TEMPLATES } from '../../../src/domain/gdap';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { createInvitation } from '../notifications/helpers';
import { buttonsOf, listRows, subtitleOf } from '../../unit/dialogs/adminAccess/helpers';

const ROLES = BUILT_IN_TEMPLATES.templates[0]!.roles.map((r) => r.roleDefinitionId);

/**
 * `admin access` / `adminzugriff` over the real stack: Teams activities over HTTP → bot → the HTTP
 * Graph client → the embedded GDAP simulator (seeded relationships of 20 customers) and the Cosmos
 * invitation records (who asked for a waiting request).
 */
describe('admin access list over HTTP (Graph simulator, embedded Cosmos)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  let total: number;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ SIMULATOR_CUSTOMERS: '20', RECONCILE_INTERVAL_SECONDS: '0' });
    // One request waiting for approval, sent with an invitation by "Dana Inviter" (new customer).
    const gdap = bot.app.services.gdap;
    const r = await gdap.createRelationship({
      displayName: 'CC-Waitwell-20260310-abcd1234',
      duration: 'P730D',
      roleDefinitionIds: ROLES,
      autoExtendDuration: 'P180D',
    });
    await gdap.lockForApproval(r.id);
    await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Waitwell GmbH' },
      relationshipId: r.id,
      templateId: 'least-privilege',
    });
    total = (await gdap.listRelationships()).filter((x) => x.status !== 'created').length;
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const chat = (locale: string, user: string = SIMULATOR_USERS.salesAgent.aadObjectId) =>
    new TeamsChat({ serviceUrl: connector.url, locale, userAadObjectId: user });

  async function typed(c: TeamsChat, text: string): Promise<Record<string, any>> {
    const before = connector.messages(c.conversationId).length;
    expect((await post(bot.baseUrl, c.message(text))).status).toBe(200);
    await connector.waitFor(() => connector.messages(c.conversationId).length > before);
    return connector.messages(c.conversationId)[before]!;
  }

  async function listCard(c: TeamsChat, text: string): Promise<Record<string, any>> {
    const card = (await typed(c, text)).attachments?.[0]?.content;
    expectValidCard(card);
    return card;
  }

  async function press(c: TeamsChat, data: Record<string, unknown>) {
    const res = await post(bot.baseUrl, c.cardAction('adminAccess.page', data));
    expect(res.status).toBe(200);
    return res.body as { type: string; value: any };
  }

  it.each([
    [
      'en-US',
      'admin access',
      'Waiting for approval',
      'Active',
      'Ended',
      /^Requested \d+ seconds? ago by Dana Inviter$|^Requested now by Dana Inviter$/,
    ],
    [
      'de-DE',
      'Adminzugriff',
      'Wartet auf Genehmigung',
      'Aktiv',
      'Beendet',
      /^Angefragt (jetzt|vor \d+ Sekunden?) von Dana Inviter$/,
    ],
  ])(
    'a Sales agent reads every relationship, waiting → active by end → ended, paged (%s)',
    async (locale, command, pending, active, ended, requested) => {
      const c = chat(locale);
      const first = await listCard(c, command);
      const pages = Math.ceil(total / 10);
      expect(pages).toBeGreaterThan(1);
      expect(subtitleOf(first)).toContain(`${total}`);
      const page1 = listRows(first);
      expect(page1).toHaveLength(10);
      expect(page1[0]).toMatchObject({ section: pending, customer: 'Waitwell GmbH' });
      expect(page1[0]!.meta).toMatch(requested);
      expect(buttonsOf(first).map((b) => b.data)).toEqual([{ p: 2 }, { p: 1 }]);

      // Every page through Next: each relationship once, in group order, active ones by end date.
      const rows = [...page1];
      let card = first;
      for (let p = 2; p <= pages; p++) {
        const next = await press(c, buttonsOf(card).find((b) => b.data['p'] === p)!.data);
        expect(next.type).toBe('application/vnd.microsoft.card.adaptive');
        expectValidCard(next.value);
        card = next.value;
        rows.push(...listRows(card));
      }
      expect(rows).toHaveLength(total);
      const sections = rows.map((r) => r.section);
      expect([...new Set(sections)]).toEqual([pending, active, ended]);
      expect(sections).toEqual([...sections].sort((a, b) => order(a) - order(b)));
      const graph = await bot.app.services.gdap.listRelationships({ status: 'active' });
      const byEnd = [...graph].sort((a, b) => a.endDateTime!.localeCompare(b.endDateTime!));
      expect(rows.filter((r) => r.section === active && r.status === active).map((r) => r.customer)).toEqual(
        byEnd.map((r) => r.customer!.displayName),
      );
      // Previous from the last page shows the page before it again.
      const back = await press(c, buttonsOf(card).find((b) => b.data['p'] === pages - 1)!.data);
      expect(listRows(back.value)).toEqual(rows.slice((pages - 2) * 10, (pages - 1) * 10));

      function order(section: string): number {
        return [pending, active, ended].indexOf(section);
      }
    },
  );

  it.each([
    ['en-US', 'admin access everything', 'Type "admin access" alone, or with a page number'],
    ['de-DE', 'adminzugriff alles', 'Geben Sie „adminzugriff“ allein ein'],
  ])('answers bad arguments with a localized message (%s)', async (locale, text, message) => {
    const reply = await typed(chat(locale), text);
    expect(reply.text).toContain(message);
  });

  it.each([
    ['en-US', { p: 'x' }, 'This card action was not understood'],
    ['de-DE', { p: 0 }, 'Diese Kartenaktion wurde nicht verstanden'],
    ['de-DE', { p: 1e9 }, 'Diese Kartenaktion wurde nicht verstanden'],
  ])('refuses forged page data (%s %j)', async (locale, data, message) => {
    const res = await press(chat(locale), data);
    expect(res.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(res.value)).toContain(message);
  });

  it('a page beyond the last (the list got shorter) shows the last page', async () => {
    const res = await press(chat('en-US'), { p: 999 });
    const pages = Math.ceil(total / 10);
    expect(subtitleOf(res.value)).toBe(`${total} relationships · page ${pages} of ${pages}`);
  });

  it('"Show admin access" on a notification sends the list below and leaves the notification', async () => {
    const c = chat('de-DE', SIMULATOR_USERS.helpdeskAgent.aadObjectId);
    const before = connector.messages(c.conversationId).length;
    const res = await post(bot.baseUrl, c.cardAction('adminAccess.open', {}));
    expect(res.body).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'Siehe die Nachricht unten.',
    });
    await connector.waitFor(() => connector.messages(c.conversationId).length > before);
    const card = connector.messages(c.conversationId)[before]!.attachments[0].content;
    expect(card.body[0].text).toBe('Administratorzugriff');
  });

  it.each([
    ['en-US', 'help', '**admin access** '],
    ['de-DE', 'hilfe', '**adminzugriff** '],
  ])('the help card lists the command (%s)', async (locale, text, word) => {
    const card = (await typed(chat(locale), text)).attachments[0].content;
    expect(JSON.stringify(card)).toContain(JSON.stringify(word).slice(1, -1));
  });
});
