import { ActivityTypes, TeamsSSOTokenExchangeMiddleware, TestAdapter, type Activity } from 'botbuilder';
import { CosmosBotStorage } from '../../../src/storage/cosmosBotStorage';
import {
  createCosmosClient,
  ensureSchema,
  startEmbeddedCosmosServer,
  type EmbeddedCosmosServer,
} from '../../../src/storage/cosmos';
import type { CosmosClient } from '@azure/cosmos';

/**
 * Teams sends the same signin/tokenExchange to every instance/endpoint; botbuilder's middleware
 * lets exactly one through by writing a store item whose ETag is the exchange id. This proves the
 * "already handled" detection works on our Cosmos storage (412 → eTag conflict message).
 */
describe('TeamsSSOTokenExchangeMiddleware on Cosmos storage', () => {
  let server: EmbeddedCosmosServer;
  let client: CosmosClient;
  let storage: CosmosBotStorage;

  beforeAll(async () => {
    server = await startEmbeddedCosmosServer();
    client = createCosmosClient({ endpoint: server.endpoint, key: 'k', trustSelfSigned: true });
    storage = new CosmosBotStorage((await ensureSchema(client, 'sso-test')).containers.botState);
  });
  afterAll(async () => {
    client.dispose();
    await server.close();
  });

  it('processes one token exchange per id, the duplicate gets a 200 invoke response', async () => {
    let handled = 0;
    const adapter = new TestAdapter(async () => {
      handled++;
    });
    adapter.use(new TeamsSSOTokenExchangeMiddleware(storage, 'PartnerCenter'));
    adapter.addExchangeableToken('PartnerCenter', 'msteams', 'user1', 'sso-token', 'exchanged-token');
    const exchange = (id: string): Partial<Activity> => ({
      type: ActivityTypes.Invoke,
      name: 'signin/tokenExchange',
      channelId: 'msteams',
      from: { id: 'user1', name: 'u' },
      conversation: { id: 'conv-sso' } as Activity['conversation'],
      value: { id, connectionName: 'PartnerCenter', token: 'sso-token' },
    });
    await adapter.processActivity(exchange('exchange-1'));
    const duplicateReplies = adapter.activeQueue.length;
    await adapter.processActivity(exchange('exchange-1'));
    expect(handled).toBe(1);
    const reply = adapter.activeQueue[duplicateReplies];
    expect(reply?.type).toBe('invokeResponse');
    expect((reply?.value as { status: number }).status).toBe(200);
    await adapter.processActivity(exchange('exchange-2'));
    expect(handled).toBe(2);
  });
});
