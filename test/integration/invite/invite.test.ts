import { CapturingConnector } from '../../support/connector';
import { TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { HttpTurns } from '../../support/httpTurns';
import {
  SIMULATOR_PARTNER_TENANT_ID,
  SIMULATOR_PROVIDERS,
  SIMULATOR_USERS,
} from '../../../src/simulator/seed';
import type { Invitation } from '../../../src/domain/invitations';
import { action, actionsOf, input, textOf } from '../../unit/dialogs/invite/harness';

/**
 * The invite flow over the real stack, as the Teams channel drives it: message → card →
 * invoke adaptiveCard/action → updated card, against the simulator (HTTP Partner Center client)
 * and embedded Cosmos; the invitation is then read back from the Cosmos container.
 */
describe('invite over HTTP as the Teams channel (simulator + embedded Cosmos)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  const P1 = SIMULATOR_PROVIDERS[0]!;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    // No retries: a simulated Partner Center fault reaches the dialog at once.
    bot = await startTestApp({ PARTNER_CENTER_MAX_RETRIES: '0', SIMULATOR_CUSTOMERS: '5' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const turns = new HttpTurns(() => ({ connector, bot }));
  const chat = (locale = 'en-US', user: string = SIMULATOR_USERS.globalAdmin.aadObjectId) =>
    new TeamsChat({ serviceUrl: connector.url, locale, userAadObjectId: user, userName: 'Greta Hoffmann' });

  async function storedInvitation(id: string): Promise<Invitation[]> {
    const { resources } = await bot.app.cosmos.containers.invitations.items
      .query<Invitation>({
        query: 'SELECT * FROM c WHERE c.id = @id',
        parameters: [{ name: '@id', value: id }],
      })
      .fetchAll();
    return resources;
  }

  async function toDraft(c: TeamsChat, locale = 'en-US') {
    const choice = (await turns.say(c, locale.startsWith('de') ? 'einladen' : 'invite')).attachments[0]
      .content;
    expectValidCard(choice);
    const flow = action(choice, 'invite.cancel').data!;
    const details = await turns.clickForCard(c, 'invite.choose', {
      ...flow,
      kind: 'indirectReseller',
      providerId: P1.id,
    });
    expect(input(details, 'contactEmail')).toBeDefined();
    const draft = await turns.clickForCard(c, 'invite.details', {
      ...flow,
      companyName: 'Contoso GmbH',
      contactEmail: 'anna@contoso.de',
      channel: 'ownMarketing',
    });
    return {
      flow,
      draft,
      subject: input(draft, 'subject')!['value'] as string,
      body: input(draft, 'body')!['value'] as string,
    };
  }

  it('runs the whole flow and stores the invitation in Cosmos', async () => {
    const c = chat();
    const { flow, draft, subject, body } = await toDraft(c);
    // The link comes from the simulator (its customer-facing accept page), personalized to both.
    const link = /https?:\/\/\S+\/accept\?\S+/.exec(textOf(draft))![0];
    expect(link).toContain(`partnerId=${SIMULATOR_PARTNER_TENANT_ID}`);
    expect(link).toContain(`indirectCSPId=${P1.id}`);
    expect(body).toContain(link);
    expect(action(draft, 'Action.OpenUrl').url).toMatch(/^mailto:anna@contoso\.de\?subject=.+&body=.+/);
    expect(bot.app.simulator!.requestCount('GET /v1/customers/relationshiprequests')).toBeGreaterThan(0);

    // Copy text: the finished text arrives as a plain message; the card stays (updated in place).
    const before = connector.messages(c.conversationId).length;
    const copied = await turns.clickForCard(c, 'invite.copy', { ...flow, subject, body });
    expect(input(copied, 'body')!['value']).toBe(body);
    await connector.waitFor(() => connector.messages(c.conversationId).length > before);
    const plain = connector.messages(c.conversationId)[before]!;
    expect(plain.textFormat).toBe('plain');
    expect(plain.text).toContain(link);

    // Done without the link: the same card, edits kept, the error.
    const broken = await turns.clickForCard(c, 'invite.done', { ...flow, subject, body: 'Please accept.' });
    expect(textOf(broken)).toMatch(/personalized link is missing/);
    expect(input(broken, 'body')!['value']).toBe('Please accept.');
    expect(await storedInvitation(flow['flowId'] as string)).toHaveLength(0);

    const done = await turns.clickForCard(c, 'invite.done', { ...flow, subject, body });
    expect(textOf(done)).toContain('Invitation recorded');
    expect(actionsOf(done).some((a) => a.verb === 'invite.done')).toBe(false);

    const [stored, ...more] = await storedInvitation(flow['flowId'] as string);
    expect(more).toHaveLength(0);
    expect(stored).toMatchObject({
      id: flow['flowId'],
      partnerTenantId: SIMULATOR_PARTNER_TENANT_ID,
      kind: 'indirectReseller',
      provider: { id: P1.id, name: P1.name },
      customer: { companyName: 'Contoso GmbH', contactEmail: 'anna@contoso.de' },
      channel: 'ownMarketing',
      link,
      status: 'pending',
      createdBy: { aadObjectId: SIMULATOR_USERS.globalAdmin.aadObjectId, name: 'Greta Hoffmann' },
      conversationId: c.conversationId,
      locale: 'en-US',
    });
    expect(stored!.conversationReference).toMatchObject({
      serviceUrl: connector.url,
      conversation: { id: c.conversationId },
    });
    const audit = await bot.app.cosmos.containers.audit.items
      .query({
        query: 'SELECT * FROM c WHERE c.action = @a AND c.details.invitationId = @id',
        parameters: [
          { name: '@a', value: 'invitation.created' },
          { name: '@id', value: flow['flowId'] as string },
        ],
      })
      .fetchAll();
    expect(audit.resources).toHaveLength(1);

    // A click on the finished card: expired, nothing changes.
    const stale = await turns.click(c, 'invite.done', { ...flow, subject, body });
    expect(stale.type).toBe('application/vnd.microsoft.activity.message');
    expect(stale.value).toMatch(/expired/);
    expect(await storedInvitation(flow['flowId'] as string)).toHaveLength(1);
  });

  it('a double click on Done (two invokes at once) stores one invitation', async () => {
    const c = chat('de-DE');
    const { flow, subject, body } = await toDraft(c, 'de-DE');
    const answers = await Promise.all([
      turns.click(c, 'invite.done', { ...flow, subject, body }),
      turns.click(c, 'invite.done', { ...flow, subject, body }),
    ]);
    // Whichever order they ran in: one confirmation, the other a confirmation too or a clear message.
    expect(answers.some((a) => a.type === 'application/vnd.microsoft.card.adaptive')).toBe(true);
    for (const a of answers) {
      if (a.type === 'application/vnd.microsoft.card.adaptive')
        expect(textOf(a.value)).toContain('Einladung erfasst');
      else expect(typeof a.value).toBe('string');
    }
    expect(await storedInvitation(flow['flowId'] as string)).toHaveLength(1);
  });

  it('refuses forged card data over HTTP: 100 KB body, unknown verb, missing fields, another link', async () => {
    const c = chat();
    const { flow, subject, body } = await toDraft(c);
    const hundredKb = await turns.click(c, 'invite.done', {
      ...flow,
      subject,
      body: `${body}${'x'.repeat(100_000)}`,
    });
    expect(hundredKb.type).toBe('application/vnd.microsoft.activity.message');
    expect(hundredKb.value).toMatch(/not understood/);
    const tooLong = await turns.click(c, 'invite.done', {
      ...flow,
      subject,
      body: `${body}${'x'.repeat(6000)}`,
    });
    expect(tooLong.value).toMatch(/too long \(\d+ characters; at most 5000\)/);
    const unknown = await turns.click(c, 'invite.delete', { ...flow });
    expect(unknown.value).toMatch(/not supported/);
    const missing = await turns.click(c, 'invite.done', { ...flow, subject });
    expect(missing.value).toMatch(/not understood/);
    const otherLink = await turns.clickForCard(c, 'invite.done', {
      ...flow,
      subject,
      body: body.replace(/https?:\/\/\S+\/accept\?\S+/, 'https://evil.example/accept'),
      link: 'https://evil.example/accept',
    });
    expect(textOf(otherLink)).toMatch(/personalized link is missing/);
    expect(await storedInvitation(flow['flowId'] as string)).toHaveLength(0);
    // The flow is still there.
    await turns.clickForCard(c, 'invite.done', { ...flow, subject, body });
    expect(await storedInvitation(flow['flowId'] as string)).toHaveLength(1);
  });

  it('a Partner Center failure leaves the flow where it was, with "Try again"', async () => {
    const sim = bot.app.simulator!;
    const c = chat();
    sim.setFaults([{ route: 'GET /v1/relationships', type: 'error', status: 503, count: 1 }]);
    let choice: Record<string, any>;
    try {
      choice = (await turns.say(c, 'invite')).attachments[0].content;
    } finally {
      sim.clearFaults();
    }
    expect(textOf(choice)).toMatch(/not reachable/);
    const flow = action(choice, 'invite.retry').data!;
    const reloaded = await turns.clickForCard(c, 'invite.retry', flow);
    expect(input(reloaded, 'providerId')!['choices']).toHaveLength(SIMULATOR_PROVIDERS.length);
    await turns.clickForCard(c, 'invite.choose', { ...flow, kind: 'reseller' });
    sim.setFaults([
      { route: 'GET /v1/customers/relationshiprequests', type: 'throttle', retryAfterSeconds: 3600 },
    ]);
    let failed: Record<string, any>;
    try {
      failed = await turns.clickForCard(c, 'invite.skip', flow);
    } finally {
      sim.clearFaults();
    }
    expect(textOf(failed)).toMatch(/busy right now/);
    expect(action(failed, 'invite.details').title).toBe('Try again');
    const draft = await turns.clickForCard(c, 'invite.details', flow);
    expect(input(draft, 'body')!['value']).toMatch(/accept\?/);
  });

  it('refuses a Sales agent', async () => {
    const c = chat('de-DE', SIMULATOR_USERS.salesAgent.aadObjectId);
    const reply = await turns.say(c, 'einladen');
    expect(reply.text).toMatch(/Globaler Administrator oder Administrator-Agent/);
  });

  it('lists invitations newest first and pages through Cosmos with the stateless button', async () => {
    const container = bot.app.cosmos.containers.invitations;
    const base = Date.UTC(2030, 0, 1);
    for (let i = 0; i < 12; i++) {
      const at = new Date(base - i * 3_600_000).toISOString();
      await container.items.create({
        id: `seeded-${i}`,
        partnerTenantId: SIMULATOR_PARTNER_TENANT_ID,
        kind: 'reseller',
        customer: { companyName: `Seeded ${String(i).padStart(2, '0')}` },
        link: 'https://example.invalid/x',
        createdBy: { aadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId, name: 'Adrian Keller' },
        conversationId: 'c',
        conversationReference: {},
        status: i % 2 ? 'accepted' : 'pending',
        createdAt: at,
        updatedAt: at,
      } satisfies Invitation);
    }
    const c = chat();
    const first = (await turns.say(c, 'invitations')).attachments[0].content;
    expectValidCard(first);
    const names = (card: unknown) => [...textOf(card).matchAll(/\*\*(Seeded \d+)\*\*/g)].map((m) => m[1]);
    expect(names(first)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Seeded ${String(i).padStart(2, '0')}`),
    );
    const next = actionsOf(first).find((a) => a.title === 'Next page')!;
    const second = await turns.clickForCard(c, 'invitations.page', next.data!);
    expect(names(second)).toEqual(['Seeded 10', 'Seeded 11']);
    expect(textOf(second)).toContain('page 2');
    // "mine" for the Global admin: only what she sent in the tests above, not the seeded ones.
    const mine = (await turns.say(c, 'invitations mine')).attachments[0].content;
    expect(names(mine)).toEqual([]);
    expect(textOf(mine)).toContain('Contoso GmbH');
  });
});
