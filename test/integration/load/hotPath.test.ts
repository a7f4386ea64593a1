import { countingCosmos, diffCounts, type CountingAgent } from '../../../bench/lib/countingCosmos';
import { loadConfig } from '../../../src/config/config';
import { startEmbeddedCosmosServer, type EmbeddedCosmosServer } from '../../../src/storage/cosmos';
import type { CosmosHandle } from '../../../src/storage/cosmos';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { actionData, cardOf, choiceIds } from './support';

/**
 * The design's hot-path rule, measured: a turn makes point reads and writes only (no queries, so
 * no cross-partition queries), and a returning user's turn costs at most three Cosmos requests.
 */
describe('Cosmos requests on the turn path', () => {
  let connector: CapturingConnector;
  let server: EmbeddedCosmosServer;
  let cosmos: { handle: CosmosHandle; agent: CountingAgent };
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    server = await startEmbeddedCosmosServer();
    cosmos = await countingCosmos(server.endpoint, loadConfig({}).cosmos.database);
    bot = await startTestApp(
      { SIMULATOR_CUSTOMERS: '100', RECONCILE_INTERVAL_SECONDS: '0' },
      { cosmos: cosmos.handle },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await cosmos?.handle.dispose();
    await server?.close();
    await connector?.stop();
  });

  it('uses point operations only, at most 3 per turn once the conversation is known', async () => {
    const chat = new TeamsChat({
      serviceUrl: connector.url,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
    });
    const perTurn: { turn: string; total: number; kinds: string[] }[] = [];
    const measure = async (turn: string, activity: Record<string, unknown>) => {
      const before = cosmos.agent.snapshot();
      const res = await post(bot.baseUrl, activity);
      expect(res.status).toBe(200);
      const d = diffCounts(cosmos.agent.snapshot(), before);
      perTurn.push({ turn, total: d.total, kinds: Object.keys(d.byKind) });
      return res;
    };
    const lastCard = () => cardOf(connector.messages(chat.conversationId).at(-1));

    await measure('first message', chat.message('help'));
    await measure('help', chat.message('help'));
    await measure('customers', chat.message('customers'));
    const next = await measure(
      'next',
      chat.cardAction('customers.page', actionData(lastCard(), 'customers.page', 'Next')),
    );
    await measure(
      'expand',
      chat.cardAction('customers.expand', {
        ...actionData(next.body.value, 'customers.expand'),
        customerId: choiceIds(next.body.value)[0],
      }),
    );
    await measure('search', chat.message('customers co'));
    await measure('invite', chat.message('invite'));
    const flow = actionData(lastCard(), 'invite.cancel');
    await measure('choose', chat.cardAction('invite.choose', { ...flow, kind: 'reseller' }));
    await measure('details', chat.cardAction('invite.details', { ...flow, companyName: 'Hot Path GmbH' }));

    for (const t of perTurn) {
      expect({ turn: t.turn, queries: t.kinds.filter((k) => /query|feed|pkranges/.test(k)) }).toEqual({
        turn: t.turn,
        queries: [],
      });
    }
    expect(perTurn.slice(1).filter((t) => t.total > 3)).toEqual([]);
    // A typed command of a known conversation: the activity's dedupe record and the state read.
    expect(perTurn.find((t) => t.turn === 'help')!.kinds.sort()).toEqual(['create dedupe', 'read bot-state']);
  });
});
