import { ConversationState, TurnContext, TestAdapter } from 'botbuilder';
import { CosmosBotStorage } from '../../../src/storage/cosmosBotStorage';
import {
  createCosmosClient,
  ensureSchema,
  startEmbeddedCosmosServer,
  type EmbeddedCosmosServer,
} from '../../../src/storage/cosmos';
import { toCosmosId } from '../../../src/storage/keys';
import type { CosmosClient } from '@azure/cosmos';

describe('CosmosBotStorage against the embedded Cosmos server (real SDK)', () => {
  let server: EmbeddedCosmosServer;
  let client: CosmosClient;
  let storage: CosmosBotStorage;

  beforeAll(async () => {
    server = await startEmbeddedCosmosServer();
    client = createCosmosClient({ endpoint: server.endpoint, key: 'test', trustSelfSigned: true });
    const { containers } = await ensureSchema(client, 'storage-test');
    // idempotent: a second run changes nothing and does not fail
    await ensureSchema(client, 'storage-test');
    storage = new CosmosBotStorage(containers.botState);
  });
  afterAll(async () => {
    client.dispose();
    await server.close();
  });

  it('reads what it wrote, with an eTag, and nothing for unknown keys', async () => {
    await storage.write({ 'a/b?c#d': { count: 1 } });
    const items = await storage.read(['a/b?c#d', 'missing']);
    expect(items['a/b?c#d']).toMatchObject({ count: 1 });
    expect(typeof items['a/b?c#d']?.eTag).toBe('string');
    expect(items.missing).toBeUndefined();
  });

  it('refuses a stale eTag and accepts the current one', async () => {
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k!;
    await storage.write({ k: { v: 2, eTag: first.eTag } });
    await expect(storage.write({ k: { v: 3, eTag: first.eTag } })).rejects.toMatchObject({
      code: 'etag_conflict',
      message: expect.stringContaining('pre-condition is not met'),
    });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 2 });
    await storage.write({ k: { v: 4, eTag: '*' } });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 4 });
  });

  it('a first write with an eTag creates; the same eTag again conflicts (SSO dedupe semantics)', async () => {
    await storage.write({ sso: { eTag: 'exchange-1' } });
    await expect(storage.write({ sso: { eTag: 'exchange-1' } })).rejects.toThrow(/eTag conflict/);
  });

  it('deletes, and deleting twice is fine', async () => {
    await storage.write({ gone: { v: 1 } });
    await storage.delete(['gone']);
    await storage.delete(['gone']);
    expect(await storage.read(['gone'])).toEqual({});
  });

  it('keeps conversation state across turns', async () => {
    const state = new ConversationState(storage);
    const counter = state.createProperty<number>('counter');
    const adapter = new TestAdapter(async (context: TurnContext) => {
      const n = (await counter.get(context, 0)) + 1;
      await counter.set(context, n);
      await state.saveChanges(context);
      await context.sendActivity(`turn ${n}`);
    });
    await adapter
      .send('one')
      .assertReply('turn 1')
      .send('two')
      .assertReply('turn 2')
      .send('three')
      .assertReply('turn 3');
  });

  it('maps keys to valid, distinct Cosmos ids', () => {
    expect(toCosmosId('a/b')).not.toContain('/');
    expect(toCosmosId('a/b')).not.toBe(toCosmosId('a*2fb'));
    const long = toCosmosId('x'.repeat(400));
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long).not.toBe(toCosmosId('x'.repeat(401)));
  });
});
