import { TurnContext, TestAdapter } from 'botbuilder';
import { CapturingConnector } from '../../support/connector';
import { FOREIGN_TENANT, TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { PLAYGROUND_DEFAULT_TENANT_ID } from '../../../src/app';
import { OptimisticConversationState } from '../../../src/bot/optimisticConversationState';
import { CosmosBotStorage } from '../../../src/storage/cosmosBotStorage';

describe('turn safety over HTTP (embedded Cosmos)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  async function countDocs(
    container: 'conversations' | 'botState' | 'dedupe',
    needle: string,
  ): Promise<number> {
    const { resources } = await bot.app.cosmos.containers[container].items.readAll().fetchAll();
    return resources.filter((r) => JSON.stringify(r).includes(needle)).length;
  }

  it('refuses a foreign tenant with a short message and writes nothing', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url, tenantId: FOREIGN_TENANT });
    const res = await post(bot.baseUrl, chat.message('customers'));
    expect(res.status).toBe(200);
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    expect(connector.messages(chat.conversationId)[0]!.text).toMatch(/only available to the staff/);
    const invoke = await post(bot.baseUrl, chat.cardAction('customers.page', { page: 2 }));
    expect(invoke.body?.statusCode).toBe(403);
    const id = chat.conversationId.replace(/[:]/g, '');
    for (const container of ['conversations', 'botState', 'dedupe'] as const) {
      expect(await countDocs(container, id)).toBe(0);
    }
    expect(bot.app.simulator!.requestCount('GET /v1/customers')).toBe(0);
  });

  it("accepts the Agents Playground's default tenant in embedded mode (Debug in Playground)", async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url, tenantId: PLAYGROUND_DEFAULT_TENANT_ID });
    await post(bot.baseUrl, chat.message('help'));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    const reply = connector.messages(chat.conversationId)[0]!;
    expect(reply.text ?? '').not.toMatch(/only available to the staff/);
    expect(JSON.stringify(reply.attachments)).toContain('AdaptiveCard');
    // Only that exact id: a near miss (12 digits in the last group) is still foreign.
    const nearMiss = new TeamsChat({
      serviceUrl: connector.url,
      tenantId: '00000000-0000-0000-0000-000000000001',
    });
    await post(bot.baseUrl, nearMiss.message('help'));
    await connector.waitFor(() => connector.messages(nearMiss.conversationId).length >= 1);
    expect(connector.messages(nearMiss.conversationId)[0]!.text).toMatch(/only available to the staff/);
  });

  it('refuses a foreign tenant in German too', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url, tenantId: FOREIGN_TENANT, locale: 'de-DE' });
    await post(bot.baseUrl, chat.message('hilfe'));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    expect(connector.messages(chat.conversationId)[0]!.text).toMatch(/nur den Mitarbeitenden/);
  });

  it('processes the same activity id once, even when re-sent concurrently', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url });
    const activity = chat.message('help');
    const results = await Promise.all([post(bot.baseUrl, activity), post(bot.baseUrl, activity)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await post(bot.baseUrl, activity);
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.messages(chat.conversationId)).toHaveLength(1);
  });

  it('answers two activities arriving at the same moment in one conversation, in order', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url });
    await Promise.all([
      post(bot.baseUrl, chat.message('help')),
      post(bot.baseUrl, chat.message('what?')),
      post(bot.baseUrl, chat.message('cancel')),
    ]);
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 3);
    expect(connector.messages(chat.conversationId)).toHaveLength(3);
  });
});

describe('OptimisticConversationState across instances', () => {
  let bot: TestApp;
  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('refuses the later of two concurrent writes instead of silently overwriting', async () => {
    const storage = new CosmosBotStorage(bot.app.cosmos.containers.botState);
    const instanceA = new OptimisticConversationState(storage);
    const instanceB = new OptimisticConversationState(storage);
    const counterA = instanceA.createProperty<number>('n');
    const counterB = instanceB.createProperty<number>('n');

    const adapter = new TestAdapter(async () => undefined);
    const activity = {
      type: 'message',
      channelId: 'msteams',
      conversation: { id: 'conv-optimistic' },
      from: { id: 'u' },
      recipient: { id: 'b' },
    };
    const ctxA = new TurnContext(adapter, activity as never);
    const ctxB = new TurnContext(adapter, activity as never);

    // first state: both start from "nothing stored"
    await counterA.set(ctxA, 1);
    await instanceA.saveChanges(ctxA);
    const a2 = new TurnContext(adapter, activity as never);
    const b2 = new TurnContext(adapter, activity as never);
    await counterA.get(a2, 0);
    await counterB.get(b2, 0);
    await counterA.set(a2, 2);
    await counterB.set(b2, 3);
    await instanceA.saveChanges(a2);
    await expect(instanceB.saveChanges(b2)).rejects.toMatchObject({ code: 'etag_conflict' });
    // a second save in the same turn builds on its own new ETag
    await counterA.set(a2, 4);
    await instanceA.saveChanges(a2);
    const check = new TurnContext(adapter, activity as never);
    expect(await counterB.get(check, 0)).toBe(4);
    void ctxB;
  });

  it('two instances creating the first state at once: one wins, one is told', async () => {
    const storage = new CosmosBotStorage(bot.app.cosmos.containers.botState);
    const a = new OptimisticConversationState(storage);
    const b = new OptimisticConversationState(storage);
    const adapter = new TestAdapter(async () => undefined);
    const activity = {
      type: 'message',
      channelId: 'msteams',
      conversation: { id: 'conv-first' },
      from: { id: 'u' },
      recipient: { id: 'b' },
    };
    const ca = new TurnContext(adapter, activity as never);
    const cb = new TurnContext(adapter, activity as never);
    await a.createProperty<number>('x').set(ca, 1);
    await b.createProperty<number>('x').set(cb, 2);
    const results = await Promise.allSettled([a.saveChanges(ca), b.saveChanges(cb)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });
});
