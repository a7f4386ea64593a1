import { ConversationState, type CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { AppConfig } from './config/config';
import type { Logger } from './logging/logger';
import { createAdapter } from './bot/adapter';
import { CardActionRouter } from './bot/cardActions';
import { ConversationTracker } from './bot/conversationTracker';
import { CustomerConnectBot } from './bot/customerConnectBot';
import { MainDialog } from './dialogs/mainDialog';
import { createServer, listen, closeServer } from './server/server';
import { createCosmos, type CosmosHandle } from './storage/cosmos';
import { CosmosBotStorage } from './storage/cosmosBotStorage';
import { CosmosConversationRepository } from './storage/conversationRepository';

export interface AppOverrides {
  /** Use this Cosmos handle instead of creating one (tests share one embedded server). */
  cosmos?: CosmosHandle;
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

export interface App {
  readonly config: AppConfig;
  readonly server: Server;
  readonly adapter: CloudAdapter;
  readonly cosmos: CosmosHandle;
  /** Listens on the configured port (0 = any) and returns the bound port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

/** Builds every service and the server. Nothing listens until `start`. */
export async function createApp(
  config: AppConfig,
  logger: Logger,
  overrides: AppOverrides = {},
): Promise<App> {
  const cosmos = overrides.cosmos ?? (await createCosmos(config, logger.child({ module: 'cosmos' })));
  const ownsCosmos = !overrides.cosmos;
  try {
    return buildApp(config, logger, overrides, cosmos, ownsCosmos);
  } catch (err) {
    if (ownsCosmos) await cosmos.dispose();
    throw err;
  }
}

function buildApp(
  config: AppConfig,
  logger: Logger,
  overrides: AppOverrides,
  cosmos: CosmosHandle,
  ownsCosmos: boolean,
): App {
  const partnerTenantId = config.partnerCenter.partnerTenantId ?? 'embedded-partner';

  const storage = new CosmosBotStorage(cosmos.containers.botState);
  const conversationState = new ConversationState(storage);
  const conversations = new ConversationTracker(
    new CosmosConversationRepository(cosmos.containers.conversations),
    partnerTenantId,
  );
  const cardActions = new CardActionRouter(logger.child({ module: 'cardActions' }));
  const mainDialog = new MainDialog({});
  const bot = new CustomerConnectBot({
    conversationState,
    mainDialog,
    cardActions,
    conversations,
    maxMessageLength: config.bot.maxMessageLength,
  });
  const adapter = createAdapter({
    config,
    logger,
    conversationState,
    authOverrides: overrides.authOverrides,
  });
  const server = createServer({
    adapter,
    bot,
    logger,
    maxRequestBodyBytes: config.server.maxRequestBodyBytes,
    isReady: () => cosmos.ping(),
  });

  let listening = false;
  return {
    config,
    server,
    adapter,
    cosmos,
    async start(port = config.server.port) {
      const bound = await listen(server, port, config.server.host);
      listening = true;
      return bound;
    },
    async stop() {
      if (listening) await closeServer(server);
      listening = false;
      if (ownsCosmos) await cosmos.dispose();
    },
  };
}
