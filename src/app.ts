import { randomUUID } from 'node:crypto';
import {
  TeamsSSOTokenExchangeMiddleware,
  type CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import type { AppConfig } from './config/config';
import type { Logger } from './logging/logger';
import { createAdapter } from './bot/adapter';
import { CardActionRouter } from './bot/cardActions';
import { ConversationTracker } from './bot/conversationTracker';
import { CustomerConnectBot } from './bot/customerConnectBot';
import {
  DuplicateActivityMiddleware,
  SerializeConversationMiddleware,
  TenantFilterMiddleware,
} from './bot/middleware';
import { OptimisticConversationState } from './bot/optimisticConversationState';
import {
  cachedUserToken,
  createFeatures,
  createMessageExtension,
  registerFeatures,
  type DialogServices,
} from './dialogs';
import { CustomerPageCache } from './domain/customerCache';
import { PartnerCenterRoleService } from './identity/partnerCenterRoles';
import { CachingRoleService, type RoleService } from './domain/roles';
import { GRAPH_SCOPE, GraphRoleService } from './identity/graphRoleService';
import type { NotificationService } from './notifications/notificationService';
import { setupNotifications, type NotificationOverrides } from './notifications/setup';
import { createStatusService } from './notifications/statusSetup';
import { refreshGdapExpiryGauge } from './notifications/gdapExpiry';
import { traceWebhook } from './telemetry';
import type { PartnerCenterClient } from './partnerCenter/client';
import {
  DelegatedTokenProvider,
  HttpPartnerCenterClient,
  MsalAppOnlyTokenProvider,
  PARTNER_CENTER_BASE_URL,
  StaticTokenProvider,
} from './partnerCenter';
import { createServer, listen, closeServer } from './server/server';
import { registerWebhookRoute, WEBHOOK_PATH } from './server/webhook';
import { warmCards } from './cards/warm';
import {
  createPartnerCenterSimulator,
  registerSimulatorRoutes,
  SIMULATOR_API_BASE_PATH,
  SIMULATOR_PARTNER_TENANT_ID,
  SIMULATOR_WEBHOOK_CERT_SUBJECT,
  type PartnerCenterSimulator,
} from './simulator';
import {
  GDAP_SIMULATOR_API_PATH,
  gdapResourceName,
  GdapSimulatorModel,
  gdapSimulatorApprovalLink,
  registerGdapSimulatorRoutes,
  seedGdapRelationships,
} from './simulator/gdap';
import { HttpGdapClient, MsalGraphTokenProvider, StaticGraphTokenProvider, type GdapClient } from './graph';
import { loadRoleTemplates } from './domain/gdap';
import { CosmosAuditLog } from './storage/auditRepository';
import { createCosmos, type CosmosHandle } from './storage/cosmos';
import { CosmosBotStorage } from './storage/cosmosBotStorage';
import { CosmosConversationRepository } from './storage/conversationRepository';
import { CosmosInvitationRepository } from './storage/invitationRepository';
import { CosmosRemovalRequestRepository } from './storage/removalRequestRepository';
import { CosmosProcessedActivityStore } from './storage/processedActivities';

export interface AppOverrides {
  /** Use this Cosmos handle instead of creating one (tests share one embedded server). */
  cosmos?: CosmosHandle;
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** Replace the Partner Center client (tests). */
  partnerCenter?: PartnerCenterClient;
  /** Replace the Graph GDAP client (tests). */
  gdap?: GdapClient;
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
  /** The in-process Graph GDAP simulator (embedded mode only). */
  readonly gdapSimulator?: GdapSimulatorModel;
  /** The bearer token the embedded client sends to the simulator (tests check it never reaches logs). */
  readonly simulatorToken?: string;
  /** Acceptance notifications: webhook processing, reconciler, reminders. */
  readonly notifications: NotificationService;
  /** Listens on the configured port (0 = any) and returns the bound port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

const ROLE_CACHE_MS = 5 * 60_000;

/** The Agents Playground's default tenant id (13 digits in the last group, as it ships): embedded mode only. */
export const PLAYGROUND_DEFAULT_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

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
        resellerRemoval: config.simulator.resellerRemoval,
        logger: logger.child({ module: 'simulator' }),
      })
    : undefined;

  // A random bearer token for the simulator, so a test can prove no token reaches the logs.
  const simulatorToken = `sim-${randomUUID()}`;
  // In embedded mode the client talks to the simulator on this very server, over HTTP; its port is
  // known only once the server listens (port 0 in tests), so the client asks for the base URL per call.
  let simulatorOrigin = config.server.publicBaseUrl;
  const partnerCenter: PartnerCenterClient =
    overrides.partnerCenter ??
    new HttpPartnerCenterClient({
      baseUrl: simulator
        ? () => `${simulatorOrigin}${SIMULATOR_API_BASE_PATH}`
        : (config.partnerCenter.baseUrl ?? PARTNER_CENTER_BASE_URL),
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

  // Admin access (GDAP): role templates are checked at start (a bad file stops start-up, naming
  // GDAP_TEMPLATES_FILE); embedded mode uses the Graph simulator on this server, seeded so that
  // existing demo customers show a realistic spread of admin access.
  const gdapTemplates = loadRoleTemplates(config.graph.templatesFile, undefined, {
    production: config.mode === 'production',
  });
  const gdapSimulator = simulator
    ? new GdapSimulatorModel({
        emitEvent: (eventName, resourceUri) =>
          void simulator.webhooks.sendEvent(eventName, resourceUri, {
            ResourceName: gdapResourceName(resourceUri),
          }),
        findCustomerByDomain: (domain) => {
          const customer = simulator.findCustomerByDomain(domain);
          return customer
            ? { tenantId: customer.id, companyName: customer.companyName, domain: customer.domain }
            : undefined;
        },
      })
    : undefined;
  if (simulator && gdapSimulator) {
    seedGdapRelationships(
      gdapSimulator,
      simulator
        .listCustomers()
        .map((c) => ({ tenantId: c.id, companyName: c.companyName, domain: c.domain })),
    );
  }
  const gdap: GdapClient =
    overrides.gdap ??
    new HttpGdapClient({
      baseUrl: simulator ? () => `${simulatorOrigin}${GDAP_SIMULATOR_API_PATH}` : config.graph.baseUrl,
      tokenProvider: simulator
        ? new StaticGraphTokenProvider(simulatorToken)
        : new MsalGraphTokenProvider({
            clientId: config.graph.appId ?? '',
            clientSecret: config.graph.appSecret ?? '',
            tenantId: partnerTenantId,
          }),
      approvalLink: simulator ? (id) => gdapSimulatorApprovalLink(simulatorOrigin, id) : undefined,
      logger: logger.child({ module: 'graph' }),
      timeoutMs: config.graph.timeoutMs,
      maxRetries: config.graph.maxRetries,
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
    gdap,
    gdapTemplates,
    roles,
    audit: new CosmosAuditLog(cosmos.containers.audit),
    invitations: new CosmosInvitationRepository(cosmos.containers.invitations),
    conversations: conversationRepository,
    removalRequests: new CosmosRemovalRequestRepository(cosmos.containers.removalRequests),
    customerCache: new CustomerPageCache<unknown>(config.partnerCenter.customerCacheTtlSeconds * 1000),
    userToken: signInConnection ? (context) => cachedUserToken(context, signInConnection) : undefined,
    status: createStatusService({
      cosmos,
      partnerTenantId,
      logger,
      partnerCenterBaseUrl: simulator
        ? () => `${simulatorOrigin}${SIMULATOR_API_BASE_PATH}`
        : (config.partnerCenter.baseUrl ?? PARTNER_CENTER_BASE_URL),
      tokenProvider: simulator
        ? new StaticTokenProvider(simulatorToken)
        : new MsalAppOnlyTokenProvider({
            clientId: config.partnerCenter.appId ?? '',
            tenantId: partnerTenantId,
            clientSecret: config.partnerCenter.appSecret ?? '',
          }),
      timeoutMs: config.partnerCenter.timeoutMs,
      expectedWebhookUrl: () => `${simulator ? simulatorOrigin : config.server.publicBaseUrl}${WEBHOOK_PATH}`,
    }),
  };

  const storage = new CosmosBotStorage(cosmos.containers.botState);
  const conversationState = new OptimisticConversationState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const conversations = new ConversationTracker(conversationRepository, partnerTenantId);
  const cardActions = new CardActionRouter(logger.child({ module: 'cardActions' }));
  const mainDialog = registerFeatures(createFeatures(services), {
    cardActions,
    dialogState,
    signInConnection,
  });

  const bot = new CustomerConnectBot({
    conversationState,
    dialogState,
    mainDialog,
    cardActions,
    conversations,
    maxMessageLength: config.bot.maxMessageLength,
    messageExtension: createMessageExtension(services),
  });
  // Embedded mode: the simulator's partner tenant (our Playground config uses it) and the Agents
  // Playground's built-in default tenant (Agents Toolkit "Debug in Playground", or the CLI without
  // our config) are allowed; every other tenant is still refused. Production: ALLOWED_TENANT_IDS only.
  const allowedTenants = simulator
    ? [...config.allowedTenantIds, SIMULATOR_PARTNER_TENANT_ID, PLAYGROUND_DEFAULT_TENANT_ID]
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
    embedded: simulator
      ? { trustedRootPem: simulator.trustedRootPem, certSubject: SIMULATOR_WEBHOOK_CERT_SUBJECT }
      : undefined,
    overrides: { afterReconcile: () => refreshGdapExpiryGauge(gdap, logger), ...overrides.notifications },
  });
  simulator?.setWebhookUrl(`${config.server.publicBaseUrl}${WEBHOOK_PATH}`);
  const server = createServer({
    adapter,
    bot,
    logger,
    maxRequestBodyBytes: config.server.maxRequestBodyBytes,
    maxTurnsInFlight: config.server.maxTurnsInFlight,
    maxQueuedTurns: config.server.maxQueuedTurns,
    isReady: () => cosmos.ping(),
    extraRoutes: [
      ...(simulator
        ? [(s: Server) => registerSimulatorRoutes(s, simulator, { basePath: SIMULATOR_API_BASE_PATH })]
        : []),
      ...(gdapSimulator && simulator
        ? [
            (s: Server) =>
              registerGdapSimulatorRoutes(s, gdapSimulator, {
                logger: logger.child({ module: 'gdapSimulator' }),
                partnerName: simulator.partner.name,
                faults: simulator.faults,
              }),
          ]
        : []),
      (s: Server) =>
        registerWebhookRoute(s, {
          verifier: notifications.verifier,
          accept: (raw) => traceWebhook(() => notifications.service.acceptWebhook(raw)),
          logger: logger.child({ module: 'notifications' }),
          maxBodyBytes: config.server.maxRequestBodyBytes,
        }),
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
    gdapSimulator,
    simulatorToken: simulator ? simulatorToken : undefined,
    notifications: notifications.service,
    async start(port = config.server.port) {
      const bound = await listen(server, port, config.server.host);
      listening = true;
      if (simulator && bound !== config.server.port) {
        // Port 0: links and the client must use the port actually bound.
        const origin = `http://127.0.0.1:${bound}`;
        simulator.setPublicBaseUrl(origin);
        simulator.setWebhookUrl(`${origin}${WEBHOOK_PATH}`);
        simulatorOrigin = origin;
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
