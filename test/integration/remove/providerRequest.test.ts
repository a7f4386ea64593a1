import { CapturingConnector } from '../../support/connector';
import { TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { HttpTurns, dataOf } from '../../support/httpTurns';
import { REMOVE_VERBS } from '../../../src/dialogs/remove/removeDialog';
import { PROVIDER_REQUEST_VERBS } from '../../../src/dialogs/remove/providerRequest';
import { SIMULATOR_PAGES_PATH } from '../../../src/simulator';
import {
  SIMULATOR_PARTNER_TENANT_ID,
  SIMULATOR_PROVIDERS,
  SIMULATOR_USERS,
} from '../../../src/simulator/seed';

const PATCH_ROUTE = 'PATCH /v1/customers/:id';
const PROVIDER = SIMULATOR_PROVIDERS[0]!;

/**
 * The provider path over the real stack (Teams activities over HTTP → bot → HTTP Partner Center
 * client → simulator; dialog state, requests and audit in embedded Cosmos), with the simulator in
 * `SIMULATOR_RESELLER_REMOVAL=provider-only` (and switched back to `allowed` for the seed's case).
 */
describe('removal refused for an indirect reseller: ask the indirect provider (HTTP, embedded Cosmos)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  let n = 0;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ SIMULATOR_RESELLER_REMOVAL: 'provider-only', SIMULATOR_CUSTOMERS: '10' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });
  afterEach(() => {
    sim().resellerRemoval = 'provider-only';
  });

  const sim = () => bot.app.simulator!;
  const turns = new HttpTurns(() => ({ connector, bot }));
  const chat = (locale: string) =>
    new TeamsChat({
      serviceUrl: connector.url,
      locale,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
      userName: 'Adrian Keller',
    });

  function customer() {
    n++;
    const tag = `Qprov${n}x`;
    return sim().addCustomer({
      companyName: `${tag} Handels GmbH`,
      domain: `${tag.toLowerCase()}-handel.onmicrosoft.com`,
      providerIds: [PROVIDER.id],
    });
  }

  /** Warning card → confirm with the attestation on: the answer to the removal. */
  async function confirmRemoval(c: TeamsChat, name: string, command: string) {
    const warning = (await turns.say(c, `${command} ${name}`)).attachments?.[0]?.content;
    expectValidCard(warning);
    return turns.click(c, REMOVE_VERBS.confirm, { ...dataOf(warning, REMOVE_VERBS.confirm), attest: 'true' });
  }

  /** The customer list searched for the customer, with its record expanded. */
  async function expanded(c: TeamsChat, name: string, id: string): Promise<string> {
    const list = (await turns.say(c, `customers ${name}`)).attachments?.[0]?.content;
    const toggle = findAction(list, 'customers.expand', id);
    const res = await turns.click(c, 'customers.expand', toggle.data);
    expectValidCard(res.value);
    return JSON.stringify(res.value);
  }

  function notifications(c: TeamsChat, title: string): unknown[] {
    return connector.messages(c.conversationId).filter((m) => JSON.stringify(m).includes(title));
  }

  it('allowed (the seed): the removal goes through, no provider path', async () => {
    sim().resellerRemoval = 'allowed';
    const target = customer();
    const c = chat('en-US');
    const done = await confirmRemoval(c, target.companyName, 'remove');
    expect(JSON.stringify(done.value)).toContain('The customer no longer appears under Customers');
    expect(JSON.stringify(done.value)).not.toContain(PROVIDER_REQUEST_VERBS.ask);
    expect(sim().findCustomer(target.id)?.relationshipToPartner).toBe('none');
  });

  it("the simulator answers the partner's own removal 403 / 1002 in provider-only mode; the provider may remove it", async () => {
    const target = customer();
    const api = `${bot.baseUrl}/simulator/partner-center/v1/customers/${target.id}`;
    const res = await fetch(api, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${bot.app.simulatorToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ relationshipToPartner: 'none', attributes: { objectType: 'Customer' } }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 1002,
      description: expect.stringContaining('indirect provider'),
    });
    const byProvider = await fetch(
      `${bot.baseUrl}${SIMULATOR_PAGES_PATH}/admin/customers/${target.id}/provider-removal`,
      {
        method: 'POST',
      },
    );
    expect(byProvider.status).toBe(200);
    expect(sim().findCustomer(target.id)?.relationshipToPartner).toBe('none');
  });

  it.each([
    {
      locale: 'en-US',
      remove: 'remove',
      refused: 'Only your indirect provider can remove this relationship',
      plainly: 'indirect resellers cannot remove a relationship themselves',
      draftTitle: `Ask ${PROVIDER.name} to remove the relationship`,
      attestation: 'made in good faith',
      done: 'Removal request recorded',
      line: `Removal requested from ${PROVIDER.name} on`,
      audit: 'audit',
      auditAction: 'Removal requested from indirect provider',
      notified: 'Reseller relationship removed',
    },
    {
      locale: 'de-DE',
      remove: 'entfernen',
      refused: 'Nur Ihr indirekter Anbieter kann diese Beziehung entfernen',
      plainly: 'indirekte Wiederverkäufer können eine Beziehung nicht selbst entfernen',
      draftTitle: `${PROVIDER.name} bitten, die Beziehung zu entfernen`,
      attestation: 'in gutem Glauben',
      done: 'Bitte um Entfernung festgehalten',
      line: `Entfernung bei ${PROVIDER.name} am`,
      audit: 'protokoll',
      auditAction: 'Entfernung beim indirekten Anbieter angefragt',
      notified: 'Vertriebspartnerschaft entfernt',
    },
  ])(
    'provider-only ($locale): refusal → Ask your provider → draft → Done once → shown → removed → notified once',
    async (x) => {
      const target = customer();
      const c = chat(x.locale);

      // Refused: said plainly, nothing changed, the way on offered.
      const refused = await confirmRemoval(c, target.companyName, x.remove);
      expectValidCard(refused.value);
      const refusedText = JSON.stringify(refused.value);
      expect(refusedText).toContain(x.refused);
      expect(refusedText).toContain(x.plainly);
      expect(refusedText).toContain(PROVIDER.name);
      expect(sim().findCustomer(target.id)?.relationshipToPartner).toBe('reseller');
      expect(sim().requestCount(PATCH_ROUTE)).toBeGreaterThan(0);

      // The draft email to the provider.
      const draft = await turns.click(
        c,
        PROVIDER_REQUEST_VERBS.ask,
        dataOf(refused.value, PROVIDER_REQUEST_VERBS.ask),
      );
      expectValidCard(draft.value);
      expect(draft.value.body[0].text).toBe(x.draftTitle);
      const inputs = Object.fromEntries(
        (draft.value.body as { id?: string; value?: string }[])
          .filter((b) => b.id)
          .map((b) => [b.id, b.value]),
      );
      expect(inputs['to']).toBe('');
      for (const part of [target.companyName, target.domain, target.id, PROVIDER.name, x.attestation]) {
        expect(inputs['body']).toContain(part);
      }
      expect(inputs['subject']).toContain(target.companyName);
      const open = draft.value.actions.find((a: { type: string }) => a.type === 'Action.OpenUrl');
      expect(open.url).toMatch(/^mailto:\?subject=/);

      // A bad recipient changes nothing; the recipient is editable.
      const doneData = {
        ...dataOf(draft.value, PROVIDER_REQUEST_VERBS.done),
        subject: inputs['subject'],
        body: inputs['body'],
      };
      const bad = await turns.click(c, PROVIDER_REQUEST_VERBS.done, { ...doneData, to: 'not an address' });
      expect(bad.type).toBe('application/vnd.microsoft.activity.message');
      expect(
        await bot.app.services.removalRequests!.get(SIMULATOR_PARTNER_TENANT_ID, target.id),
      ).toBeUndefined();

      // Done records the request; Done again records nothing more.
      const done = await turns.click(c, PROVIDER_REQUEST_VERBS.done, {
        ...doneData,
        to: 'partner-support@adatum.example',
      });
      expectValidCard(done.value);
      expect(JSON.stringify(done.value)).toContain(x.done);
      const again = await turns.click(c, PROVIDER_REQUEST_VERBS.done, {
        ...doneData,
        to: 'partner-support@adatum.example',
      });
      expect(again.type).toBe('application/vnd.microsoft.activity.message');
      const stored = await bot.app.services.removalRequests!.get(SIMULATOR_PARTNER_TENANT_ID, target.id);
      expect(stored).toMatchObject({ status: 'open', provider: { id: PROVIDER.id, name: PROVIDER.name } });
      const entries = await turns.auditOf(target.id);
      expect(entries.map((e) => [e.action, e.outcome, e.details?.['reason'] ?? null])).toEqual([
        ['relationship.remove', 'failed', 'indirectReseller'],
        ['removalRequest.created', 'succeeded', 'indirectReseller'],
      ]);
      expect(entries[1]!.details?.['attestation']).toMatchObject({ version: expect.any(String) });

      // `audit` lists it; the customer's record shows it.
      const auditCard = JSON.stringify(await turns.say(c, x.audit));
      expect(auditCard).toContain(x.auditAction);
      expect(await expanded(c, target.companyName, target.id)).toContain(x.line);

      // The provider removes it; the job tells the requester exactly once.
      sim().removeRelationshipAsProvider(target.id);
      await bot.app.notifications.runScheduled();
      await bot.app.notifications.runScheduled();
      await connector.waitFor(() => notifications(c, x.notified).length > 0);
      expect(notifications(c, x.notified)).toHaveLength(1);
      const after = await bot.app.services.removalRequests!.get(SIMULATOR_PARTNER_TENANT_ID, target.id);
      expect(after).toMatchObject({ status: 'notified', delivery: { status: 'sent' } });
      expect((await turns.auditOf(target.id)).map((e) => e.action)).toContain('removalRequest.completed');
    },
  );

  it('Cancel on the refusal records no request', async () => {
    const target = customer();
    const c = chat('en-US');
    const refused = await confirmRemoval(c, target.companyName, 'remove');
    const cancelled = await turns.click(
      c,
      PROVIDER_REQUEST_VERBS.cancel,
      dataOf(refused.value, PROVIDER_REQUEST_VERBS.cancel),
    );
    expect(JSON.stringify(cancelled.value)).toContain('No request recorded');
    expect(
      await bot.app.services.removalRequests!.get(SIMULATOR_PARTNER_TENANT_ID, target.id),
    ).toBeUndefined();
  });
});

/** The Action.Execute (or selectAction) with this verb for this customer, anywhere in the card. */
function findAction(node: unknown, verb: string, customerId: string): { data: Record<string, unknown> } {
  const found: { data: Record<string, unknown> }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const data = o['data'] as Record<string, unknown> | undefined;
      if (o['verb'] === verb && data?.['customerId'] === customerId) found.push({ data });
      Object.values(o).forEach(walk);
    }
  };
  walk(node);
  if (!found[0]) throw new Error(`no ${verb} action for ${customerId}`);
  return found[0];
}
