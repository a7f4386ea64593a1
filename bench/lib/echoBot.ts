import restify, { type Request, type Response, type Server } from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { CosmosHandle } from '../../src/storage/cosmos';
import { CosmosBotStorage } from '../../src/storage/cosmosBotStorage';

/**
 * The baseline: the smallest botbuilder bot on the same stack as the app — restify, CloudAdapter
 * without authentication (as the app in embedded mode), conversation state in the same Cosmos
 * container through the same CosmosBotStorage. Every message: read the state, count, echo, save.
 */
class EchoBot extends ActivityHandler {
  constructor(private readonly state: ConversationState) {
    super();
    const count = state.createProperty<number>('count');
    this.onMessage(async (context, next) => {
      const n = (await count.get(context, 0)) + 1;
      await count.set(context, n);
      await context.sendActivity(`echo ${n}: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }
}

export interface EchoServer {
  port: number;
  stop(): Promise<void>;
}

export async function startEchoBot(cosmos: CosmosHandle): Promise<EchoServer> {
  const state = new ConversationState(new CosmosBotStorage(cosmos.containers.botState));
  const bot = new EchoBot(state);
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({} as ConfigurationBotFrameworkAuthenticationOptions),
  );
  adapter.onTurnError = async (context) => {
    await context.sendActivity('echo bot error');
  };
  const server: Server = restify.createServer({ name: 'echo-baseline' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: server.address().port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
