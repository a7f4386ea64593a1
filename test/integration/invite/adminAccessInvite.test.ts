import { CapturingConnector } from '../../support/connector';
import { TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { HttpTurns } from '../../support/httpTurns';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { BUILT_IN_TEMPLATES } from '../../../src/domain/gdap';
import type { Invitation } from '../../../src/domain/invitations';
import { containsLink } from '../../../src/domain/inviteDraft';
import { action, input, textOf } from '../../unit/dialogs/invite/harness';

/**
 * Invite with admin access over the real stack: the draft carries the reseller link and the GDAP
 * approval link of a relationship the (embedded) Graph simulator holds as `created`; Done locks it
 * (`approvalPending`, the template's roles) and the Cosmos invitation record holds its id.
 */
describe('invite with admin access over HTTP (Graph + Partner Center simulators, embedded Cosmos)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ PARTNER_CENTER_MAX_RETRIES: '0', SIMULATOR_CUSTOMERS: '5' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const turns = new HttpTurns(() => ({ connector, bot }));

  it('invite with admin access → two links → Done → approvalPending with the template roles, id recorded', async () => {
    const c = new TeamsChat({
      serviceUrl: connector.url,
      locale: 'en-US',
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
      userName: 'Max Weber',
    });
    const choice = (await turns.say(c, 'invite')).attachments[0].content;
    const flow = action(choice, 'invite.cancel').data!;
    const details = await turns.clickForCard(c, 'invite.choose', { ...flow, kind: 'reseller' });
    expect(input(details, 'adminAccess')!['value']).toBe('true');
    const draft = await turns.clickForCard(c, 'invite.details', {
      ...flow,
      companyName: 'Contoso GmbH',
      contactEmail: '',
      channel: '',
      adminAccess: 'true',
      templateId: BUILT_IN_TEMPLATES.defaultTemplateId,
    });
    const body = input(draft, 'body')!['value'] as string;
    const simulator = bot.app.gdapSimulator!;
    const [created] = simulator
      .listRelationships(() => true)
      .filter((r) => r.displayName.startsWith('CC-Contoso'));
    expect(created!.status).toBe('created');
    const approval = /\S+\/simulator\/graph\/approve\/\S+/.exec(textOf(draft))![0];
    expect(approval).toContain(created!.id);
    expect(containsLink(body, approval)).toBe(true);
    const reseller = /https?:\/\/\S+\/accept\?\S+/.exec(body)![0];
    expect(containsLink(body, reseller)).toBe(true);

    const done = await turns.clickForCard(c, 'invite.done', { ...flow, subject: 'Admin access', body });
    expect(textOf(done)).toMatch(/waits for the approval/);
    const locked = simulator.getRelationship(created!.id);
    expect(locked.status).toBe('approvalPending');
    expect(locked.roles).toEqual(BUILT_IN_TEMPLATES.templates[0]!.roles.map((r) => r.roleDefinitionId));
    const { resources } = await bot.app.cosmos.containers.invitations.items
      .query<Invitation>({
        query: 'SELECT * FROM c WHERE c.id = @id',
        parameters: [{ name: '@id', value: flow['flowId'] as string }],
      })
      .fetchAll();
    expect(resources[0]).toMatchObject({
      relationshipId: created!.id,
      templateId: 'least-privilege',
    });
  });
});
