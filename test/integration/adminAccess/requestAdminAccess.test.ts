import { CapturingConnector } from '../../support/connector';
import { TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { HttpTurns } from '../../support/httpTurns';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import type { Invitation } from '../../../src/domain/invitations';
import { containsLink } from '../../../src/domain/inviteDraft';
import { action, input } from '../../unit/dialogs/invite/harness';
import { actionByVerb, choiceIds } from '../../unit/dialogs/customers/helpers';

/**
 * "Request admin access" on an expanded customer over the real stack (Partner Center and Graph
 * simulators, embedded Cosmos): the role template card comes below the list (a button may
 * preselect a template), Continue creates the request for the customer's tenant with the chosen
 * template, Done locks it and records an "adminAccess" invitation.
 */
describe('request admin access for an existing customer over HTTP', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ SIMULATOR_CUSTOMERS: '10', RECONCILE_INTERVAL_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const turns = new HttpTurns(() => ({ connector, bot }));
  const chat = (locale: string) =>
    new TeamsChat({
      serviceUrl: connector.url,
      locale,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
      userName: 'Max Weber',
    });

  /** A customer on the first page without any GDAP relationship yet, expanded; its button. */
  async function customerWithoutAdminAccess(c: TeamsChat): Promise<{ id: string; button: any }> {
    const list = (await turns.say(c, c.options.locale === 'de-DE' ? 'kunden' : 'customers')).attachments[0]
      .content;
    const id = choiceIds(list).find((candidate) => {
      const customer = bot.app.simulator!.listCustomers().find((x) => x.id === candidate)!;
      const tenant = (customer.tenantId || customer.id).toLowerCase();
      return bot.app.gdapSimulator!.listRelationships((r) => r.customer?.tenantId === tenant).length === 0;
    })!;
    const expanded = await turns.click(c, 'customers.expand', {
      ...actionByVerb(list, 'customers.expand').data,
      customerId: id,
    });
    return { id, button: actionByVerb(expanded.value, 'customers.requestAdminAccess') };
  }

  it.each([
    ['en-US', 'Request admin access', 'See the message below.', /we ask for limited administrator access/],
    [
      'de-DE',
      'Administratorzugriff anfordern',
      'Siehe die Nachricht unten.',
      /bitten wir um eingeschränkten Administratorzugriff/,
    ],
  ])(
    'expanded customer → role template → draft → Done: approvalPending, recorded (%s)',
    async (locale, title, below, sentence) => {
      const c = chat(locale);
      const { id, button } = await customerWithoutAdminAccess(c);
      expect(button.title).toBe(title);
      const before = connector.messages(c.conversationId).length;
      const started = await turns.click(c, 'customers.requestAdminAccess', button.data);
      // The customer list stays; the role template card comes as a new message.
      expect(started).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: below });
      await connector.waitFor(() => connector.messages(c.conversationId).length > before);
      const templateCard = connector.messages(c.conversationId)[before]!.attachments[0].content;
      expectValidCard(templateCard);
      expect(templateCard.body[0].text).toBe(title);
      expect(input(templateCard, 'templateId')!['value']).toBe('least-privilege');
      const flow = action(templateCard, 'invite.adminTemplate').data!;

      const draft = await turns.click(c, 'invite.adminTemplate', { ...flow, templateId: 'least-privilege' });
      expect(draft.type).toBe('application/vnd.microsoft.card.adaptive');
      expectValidCard(draft.value);
      const body = input(draft.value, 'body')!['value'] as string;
      expect(body).toMatch(sentence);
      const customer = bot.app.simulator!.listCustomers().find((x) => x.id === id)!;
      const [request] = bot.app.gdapSimulator!.listRelationships(
        (r) =>
          r.status === 'created' && r.customer?.tenantId === (customer.tenantId || customer.id).toLowerCase(),
      );
      expect(request).toBeDefined();
      const approval = /\S+\/simulator\/graph\/approve\/\S+/.exec(body)![0];
      expect(approval).toContain(request!.id);
      expect(containsLink(body, approval)).toBe(true);

      const done = await turns.click(c, 'invite.done', { ...flow, subject: 'Admin access', body });
      expect(done.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(bot.app.gdapSimulator!.getRelationship(request!.id).status).toBe('approvalPending');
      const { resources } = await bot.app.cosmos.containers.invitations.items
        .query<Invitation>({
          query: 'SELECT * FROM c WHERE c.id = @id',
          parameters: [{ name: '@id', value: flow['flowId'] as string }],
        })
        .fetchAll();
      expect(resources[0]).toMatchObject({
        kind: 'adminAccess',
        relationshipId: request!.id,
        templateId: 'least-privilege',
      });
    },
  );

  it('start data with a templateId (e.g. "Request new admin access" on a warning) preselects it; one no longer configured gets a localized notice', async () => {
    const c = chat('de-DE');
    // Any customer: such a button also appears for customers whose admin access ends soon.
    const customerId = bot.app.simulator!.listCustomers()[0]!.id;
    for (const [templateId, notice] of [
      ['least-privilege', false],
      ['retired-template', true],
    ] as const) {
      const before = connector.messages(c.conversationId).length;
      await turns.click(c, 'customers.requestAdminAccess', { customerId, adminAccessOnly: true, templateId });
      await connector.waitFor(() => connector.messages(c.conversationId).length > before);
      const card = connector.messages(c.conversationId)[before]!.attachments[0].content;
      expectValidCard(card);
      expect(input(card, 'templateId')!['value']).toBe('least-privilege');
      expect(JSON.stringify(card).includes('nicht mehr eingerichtet')).toBe(notice);
    }
  });
});
