import type { Invitation } from '../../../src/domain/invitations';
import { translatorFor } from '../../../src/i18n/i18n';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { toCosmosId } from '../../../src/storage/keys';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { actionData, cardOf, executeActions, inputValue, startSwitchableCosmos } from './support';

const t = translatorFor('en-US');
/** "The service is temporarily unavailable. Nothing was changed. … (reference xxxxxxxx)." */
const UNAVAILABLE = new RegExp(
  `^${t
    .t('error.unavailable', { ref: 'REF' })
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace('REF', '[\\w-]{1,8}')}$`,
);

/**
 * Cosmos DB stops answering in the middle of an invite flow: the user gets the clear
 * "temporarily unavailable" message (for a typed message and for a card button), no invitation or
 * audit entry is half-written, the waiting flow survives, and once Cosmos is back it is finished.
 */
describe('Cosmos DB outage in the middle of a flow', () => {
  let connector: CapturingConnector;
  let cosmos: Awaited<ReturnType<typeof startSwitchableCosmos>>;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    // The app's Cosmos client goes through a proxy we can stop; request timeout 1.5 s (production: 10 s).
    cosmos = await startSwitchableCosmos(1500);
    bot = await startTestApp(
      { SIMULATOR_CUSTOMERS: '5', RECONCILE_INTERVAL_SECONDS: '0' },
      { cosmos: cosmos.handle },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await cosmos?.dispose();
    await connector?.stop();
  });

  const chat = () =>
    new TeamsChat({ serviceUrl: connector.url, userAadObjectId: SIMULATOR_USERS.globalAdmin.aadObjectId });

  async function lastReply(c: TeamsChat, text: string): Promise<Record<string, any>> {
    const before = connector.messages(c.conversationId).length;
    expect((await post(bot.baseUrl, c.message(text))).status).toBe(200);
    await connector.waitFor(() => connector.messages(c.conversationId).length > before);
    return connector.messages(c.conversationId).at(-1)!;
  }

  async function toDraft(c: TeamsChat, company: string) {
    const flow = actionData(cardOf(await lastReply(c, 'invite')), 'invite.cancel');
    await post(bot.baseUrl, c.cardAction('invite.choose', { ...flow, kind: 'reseller' }));
    const draft = await post(bot.baseUrl, c.cardAction('invite.details', { ...flow, companyName: company }));
    expect(draft.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const subject = inputValue(draft.body.value, 'subject')!;
    const body = inputValue(draft.body.value, 'body')!;
    return { flowId: flow['flowId'] as string, done: { ...flow, subject, body } };
  }

  /** What is stored for an invitation, read straight from the server (not through the proxy). */
  async function stored(flowId: string) {
    const partitionKey = bot.app.services.partnerTenantId;
    const { resources: invitations } = await cosmos.direct.containers.invitations.items
      .query<Invitation>(
        { query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: flowId }] },
        { partitionKey },
      )
      .fetchAll();
    const { resources: audit } = await cosmos.direct.containers.audit.items
      .query(
        {
          query: 'SELECT c.id FROM c WHERE c.details.invitationId = @id',
          parameters: [{ name: '@id', value: flowId }],
        },
        { partitionKey },
      )
      .fetchAll();
    return { invitations: invitations.length, audit: audit.length };
  }

  async function dialogStack(c: TeamsChat): Promise<unknown[] | undefined> {
    const id = toCosmosId(`msteams/conversations/${c.conversationId}/`);
    const { resource } = await cosmos.direct.containers.botState.item(id, id).read();
    return resource?.document?.dialogState?.dialogStack;
  }

  const doneCard = (body: any) => {
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(executeActions(body.value).some((a) => a.verb === 'invite.done')).toBe(false);
  };

  it('the server stops: clear message for button and message, nothing written, the flow finishes afterwards', async () => {
    const c = chat();
    const { flowId, done } = await toDraft(c, 'Outage GmbH');
    const waiting = await dialogStack(c);
    expect(waiting).not.toEqual([]);

    await cosmos.proxy.down();
    try {
      const click = await post(bot.baseUrl, c.cardAction('invite.done', done));
      expect(click.status).toBe(200);
      expect(click.body.type).toBe('application/vnd.microsoft.activity.message');
      expect(click.body.value).toMatch(UNAVAILABLE);
      expect((await lastReply(c, 'help')).text).toMatch(UNAVAILABLE);
      expect((await fetch(`${bot.baseUrl}/readyz`)).status).toBe(503);
      expect(await stored(flowId)).toEqual({ invitations: 0, audit: 0 });
      expect(await dialogStack(c)).toEqual(waiting);
    } finally {
      await cosmos.proxy.up();
    }

    // Back: the same card's Done finishes the flow, once.
    doneCard((await post(bot.baseUrl, c.cardAction('invite.done', done))).body);
    expect(await stored(flowId)).toEqual({ invitations: 1, audit: 1 });
    expect(await dialogStack(c)).toEqual([]);
    expect((await fetch(`${bot.baseUrl}/readyz`)).status).toBe(200);
  });

  it('the server stops answering (connections hang): the same message after the request timeout', async () => {
    const c = chat();
    const { flowId, done } = await toDraft(c, 'Hang GmbH');
    await cosmos.proxy.down();
    cosmos.proxy.blackhole = true;
    await cosmos.proxy.up();
    try {
      const click = await post(bot.baseUrl, c.cardAction('invite.done', done));
      expect(click.body.value).toMatch(UNAVAILABLE);
    } finally {
      await cosmos.proxy.down();
      cosmos.proxy.blackhole = false;
      await cosmos.proxy.up();
    }
    expect(await stored(flowId)).toEqual({ invitations: 0, audit: 0 });
    doneCard((await post(bot.baseUrl, c.cardAction('invite.done', done))).body);
    expect(await stored(flowId)).toEqual({ invitations: 1, audit: 1 });
  });

  it('Cosmos fails between the invitation and its audit entry: the retry completes both, once', async () => {
    const c = chat();
    const { flowId, done } = await toDraft(c, 'Halfway GmbH');
    let invitationWritten = false;
    // Every request after the invitation's create fails (audit entry, state save).
    cosmos.agent.failWhen = (method, path) => {
      if (invitationWritten) return true;
      if (method === 'POST' && path.includes('/colls/invitations/docs')) invitationWritten = true;
      return false;
    };
    let click;
    try {
      click = await post(bot.baseUrl, c.cardAction('invite.done', done));
    } finally {
      cosmos.agent.failWhen = undefined;
    }
    expect(invitationWritten).toBe(true);
    expect(click.body.value).toMatch(UNAVAILABLE);
    // The invitation exists, its audit entry does not yet: the flow still waits on the draft.
    expect(await stored(flowId)).toEqual({ invitations: 1, audit: 0 });
    expect(await dialogStack(c)).not.toEqual([]);

    doneCard((await post(bot.baseUrl, c.cardAction('invite.done', done))).body);
    expect(await stored(flowId)).toEqual({ invitations: 1, audit: 1 });
    expect(await dialogStack(c)).toEqual([]);
  });
});
