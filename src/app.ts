import { randomUUID } from 'node:crypto';
import {
  TeamsSSOTokenExchangeMiddleware,
  type CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { cachedUserToken } from './bot/signIn';
import { OptimisticConversationState } from './bot/optimisticConversationState';
import {
  DuplicateActivityMiddleware,
  SerializeConversationMiddleware,
  TenantFilterMiddleware,
} from './bot/middleware';
import { CosmosProcessedActivityStore } from './storage/processedActivities';
import type { DialogState } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import type { AppConfig } from './config/config';
import type { Logger } from './logging/logger';
import { createAdapter } from './bot/adapter';
import { CardActionRouter } from './bot/cardActions';
import { ConversationTracker } from './bot/conversationTracker';
import { CustomerConnectBot } from './bot/customerConnectBot';
import { CachingRoleService, type RoleService } from './domain/roles';
import { PartnerCenterRoleService } from './domain/partnerRoleService';
import { GRAPH_SCOPE, GraphRoleService } from './identity/graphRoleService';
import { respondExpired, takeCardResponse } from './dialogs/cardFlow';
import type { Feature } from './dialogs/feature';
import { MainDialog } from './dialogs/mainDialog';
import type { DialogServices } from './dialogs/services';
import { messageResponse } from './bot/cardActions';
import type { PartnerCenterClient } from './partnerCenter/client';
import {
  DelegatedTokenProvider,
  HttpPartnerCenterClient,
  MsalAppOnlyTokenProvider,
  PARTNER_CENTER_BASE_URL,
  StaticTokenProvider,
} from './partnerCenter';
import { createServer, listen, closeServer } from './server/server';
import { warmCards } from './cards/warm';
import {
  createPartnerCenterSimulator,
  registerSimulatorRoutes,
  SIMULATOR_API_BASE_PATH,
  SIMULATOR_PARTNER_TENANT_ID,
  type PartnerCenterSimulator,
} from './simulator';
import { CosmosAuditLog } from './storage/auditRepository';
import { createCosmos, type CosmosHandle } from './storage/cosmos';
import { CosmosBotStorage } from './storage/cosmosBotStorage';
import { CosmosConversationRepository } from './storage/conversationRepository';
import { CosmosInvitationRepository } from './storage/invitationRepository';
import { CustomerPageCache } from './domain/customerCache';
import { createCustomersFeature } from './dialogs/customers/feature';
import { createInviteFeature } from './dialogs/invite/feature';
import { createRemoveFeature } from './dialogs/remove/feature';
import { createNotificationsFeature } from './dialogs/notifications/feature';
import { createProvidersFeature } from './dialogs/providers/feature';
import type { NotificationService } from './notifications/notificationService';
import { setupNotifications, type NotificationOverrides } from './notifications/setup';

export interface AppOverrides {
  /** Use this Cosmos handle instead of creating one (tests share one embedded server). */
  cosmos?: CosmosHandle;
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** Replace the Partner Center client (tests). */
  partnerCenter?: PartnerCenterClient;
  roles?: RoleService;
  /** Acceptance notifications: clock, sender tuning, instance id (tests). */
  notifications?: NotificationOverrides;
}

export interface App {
  readonly config: AppConfig;
  readonly server: Server;
  readonly adapter: CloudAdapter;
  readonly cosmos: CosmosHandle;
  readonly services: DialogServices;
  /** The in-process Partner Center simulator (embedded mode only). */
  readonly simulator?: PartnerCenterSimulator;
  /** The bearer token the embedded client sends to the simulator (tests check it never reaches logs). */
  readonly simulatorToken?: string;
  /** Acceptance notifications: webhook processing, reconciler, reminders. */
  readonly notifications: NotificationService;
  /** Listens on the configured port (0 = any) and returns the bound port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

const ROLE_CACHE_MS = 5 * 60_000;

/** Builds every service and the server. Nothing listens until `start`. */
export async function createApp(
  config: AppConfig,
  logger: Logger,
  overrides: AppOverrides = {},
): Promise<App> {
  const cosmos = overrides.cosmos ?? (await createCosmos(config, logger.child({ module: 'cosmos' })));
  const ownsCosmos = !overrides.cosmos;
  // Card templates parsed, help and welcome rendered now: the first user does not pay for them.
  logger.debug({ ms: Math.round(warmCards()) }, 'card templates ready');
  try {
    return buildApp(config, logger, overrides, cosmos, ownsCosmos);
  } catch (err) {
    if (ownsCosmos) await cosmos.dispose();
    throw err;
  }
}

/** The feature modules; each adds commands, dialog verbs and card actions. */
function features(services: DialogServices): Feature[] {
  return [
    createCustomersFeature(services),
    createInviteFeature(services),
    createRemoveFeature(services),
    createNotificationsFeature(services),
    createProvidersFeature(services),
  ];
}

function buildApp(
  config: AppConfig,
  logger: Logger,
  overrides: AppOverrides,
  cosmos: CosmosHandle,
  ownsCosmos: boolean,
): App {
  const partnerTenantId =
    config.partnerCenter.partnerTenantId ??
    (config.simulator.enabled ? SIMULATOR_PARTNER_TENANT_ID : 'unknown');

  const simulator = config.simulator.enabled
    ? createPartnerCenterSimulator({
        publicBaseUrl: config.server.publicBaseUrl,
        customers: config.simulator.customers,
        defaultRole: config.simulator.defaultRole,
        logger: logger.child({ module: 'simulator' }),
      })
    : undefined;

  // A random bearer token for the simulator, so a test can prove no token reaches the logs.
  const simulatorToken = `sim-${randomUUID()}`;
  // In embedded mode the client talks to the simulator on this very server, over HTTP.
  let partnerCenterBaseUrl = simulator
    ? `${config.server.publicBaseUrl}${SIMULATOR_API_BASE_PATH}`
    : (config.partnerCenter.baseUrl ?? PARTNER_CENTER_BASE_URL);
  const makeClient = () =>
    new HttpPartnerCenterClient({
      baseUrl: partnerCenterBaseUrl,
      tokenProvider: simulator
        ? new StaticTokenProvider(simulatorToken)
        : new DelegatedTokenProvider({
            appTokenProvider: new MsalAppOnlyTokenProvider({
              clientId: config.partnerCenter.appId ?? '',
              tenantId: partnerTenantId,
              clientSecret: config.partnerCenter.appSecret ?? '',
            }),
          }),
      logger: logger.child({ module: 'partnerCenter' }),
      timeoutMs: config.partnerCenter.timeoutMs,
      maxRetries: config.partnerCenter.maxRetries,
    });
  let httpClient = makeClient();
  const partnerCenter: PartnerCenterClient =
    overrides.partnerCenter ??
    // Late-bound: the simulator's port is only known once the server listens (port 0 in tests).
    new Proxy({} as PartnerCenterClient, {
      get: (_target, prop: keyof PartnerCenterClient) => {
        const value = httpClient[prop];
        return typeof value === 'function' ? value.bind(httpClient) : value;
      },
    });

  const createGraphRoleService = () => {
    const graphToken = new MsalAppOnlyTokenProvider({
      clientId: config.partnerCenter.appId ?? '',
      tenantId: partnerTenantId,
      clientSecret: config.partnerCenter.appSecret ?? '',
      scope: GRAPH_SCOPE,
    });
    return new GraphRoleService({
      getToken: () => graphToken.getToken('app', { auth: 'app' }),
      logger: logger.child({ module: 'roles' }),
    });
  };
  const roles =
    overrides.roles ??
    new CachingRoleService(
      simulator
        ? // Embedded: the simulator's roster through Partner Center's roles API; unknown users get the default role.
          new PartnerCenterRoleService(partnerCenter, { defaultRole: config.simulator.defaultRole })
        : // Production: Microsoft Graph transitiveMemberOf with an App-only token of the Partner Center app.
          createGraphRoleService(),
      ROLE_CACHE_MS,
    );

  // Production: Partner Center App+User calls use the signed-in user's token (Bot Service OAuth / Teams SSO).
  const signInConnection = config.bot.authEnabled ? config.bot.oauthConnectionName : undefined;
  const conversationRepository = new CosmosConversationRepository(cosmos.containers.conversations);
  const services: DialogServices = {
    config,
    logger,
    partnerTenantId,
    partnerCenter,
    roles,
    audit: new CosmosAuditLog(cosmos.containers.audit),
    invitations: new CosmosInvitationRepository(cosmos.containers.invitations),
    conversations: conversationRepository,
    customerCache: new CustomerPageCache<unknown>(config.partnerCenter.customerCacheTtlSeconds * 1000),
    userToken: signInConnection ? (context) => cachedUserToken(context, signInConnection) : undefined,
  };

  const storage = new CosmosBotStorage(cosmos.containers.botState);
  const conversationState = new OptimisticConversationState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const conversations = new ConversationTracker(conversationRepository, partnerTenantId);
  const cardActions = new CardActionRouter(logger.child({ module: 'cardActions' }));
  const all = features(services);
  const mainDialog = new MainDialog(Object.assign({}, ...all.map((f) => f.commands ?? {})), {
    signInConnection: signInConnection,
  });

  for (const feature of all) {
    for (const verb of feature.dialogVerbs ?? []) {
      cardActions.register(verb, async ({ context }) => {
        await mainDialog.run(context, dialogState);
        const response = takeCardResponse(context);
        if (response) return response;
        respondExpired(context);
        return takeCardResponse(context) ?? messageResponse('');
      });
    }
    for (const [verb, command] of Object.entries(feature.startVerbs ?? {})) {
      cardActions.register(verb, async ({ context, data }) => {
        await mainDialog.runCommand(context, dialogState, command, data);
        const response = takeCardResponse(context);
        if (response) return response;
        respondExpired(context);
        return takeCardResponse(context) ?? messageResponse('');
      });
    }
    for (const [verb, handler] of Object.entries(feature.cardActions ?? {}))
      cardActions.register(verb, handler);
  }

  const bot = new CustomerConnectBot({
    conversationState,
    dialogState,
    mainDialog,
    cardActions,
    conversations,
    maxMessageLength: config.bot.maxMessageLength,
  });
  // Embedded mode: the simulator's partner tenant (the Playground is configured with it) is allowed.
  const allowedTenants = simulator
    ? [...config.allowedTenantIds, SIMULATOR_PARTNER_TENANT_ID]
    : config.allowedTenantIds;
  const adapter = createAdapter({
    config,
    logger,
    conversationState,
    authOverrides: overrides.authOverrides,
    middleware: [
      new TenantFilterMiddleware(allowedTenants, logger.child({ module: 'tenantFilter' }), !!simulator),
      new DuplicateActivityMiddleware(
        new CosmosProcessedActivityStore(cosmos.containers.dedupe),
        logger.child({ module: 'dedupe' }),
      ),
      new SerializeConversationMiddleware(),
      // Teams SSO: one token exchange per request id across instances (ETag conflicts in Cosmos).
      ...(signInConnection ? [new TeamsSSOTokenExchangeMiddleware(storage, signInConnection)] : []),
    ],
  });
  const notifications = setupNotifications({
    config,
    logger,
    cosmos,
    services,
    adapter,
    simulator,
    overrides: overrides.notifications,
  });
  const server = createServer({
    adapter,
    bot,
    logger,
    maxRequestBodyBytes: config.server.maxRequestBodyBytes,
    isReady: () => cosmos.ping(),
    extraRoutes: [
      ...(simulator
        ? [(s: Server) => registerSimulatorRoutes(s, simulator, { basePath: SIMULATOR_API_BASE_PATH })]
        : []),
      (s: Server) => notifications.registerRoutes(s),
    ],
  });

  let listening = false;
  return {
    config,
    server,
    adapter,
    cosmos,
    services,
    simulator,
    simulatorToken: simulator ? simulatorToken : undefined,
    notifications: notifications.service,
    async start(port = config.server.port) {
      const bound = await listen(server, port, config.server.host);
      listening = true;
      if (simulator && bound !== config.server.port) {
        // Port 0: links and the client must use the port actually bound.
        const origin = `http://127.0.0.1:${bound}`;
        simulator.setPublicBaseUrl(origin);
        partnerCenterBaseUrl = `${origin}${SIMULATOR_API_BASE_PATH}`;
        httpClient = makeClient();
        notifications.listening(origin);
      }
      notifications.start();
      return bound;
    },
    async stop() {
      // First: webhook processing in flight still talks to the simulator on this server.
      await notifications.stop();
      if (listening) await closeServer(server);
      listening = false;
      await simulator?.close();
      if (ownsCosmos) await cosmos.dispose();
    },
  };
}
