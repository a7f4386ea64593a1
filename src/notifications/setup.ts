import { readFileSync } from 'node:fs';
import type { CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import { ConfigError, type AppConfig } from '../config/config';
import type { DialogServices } from '../dialogs/services';
import type { Logger } from '../logging/logger';
import { registerWebhookRoute, WEBHOOK_PATH } from '../server/webhook';
import { SIMULATOR_WEBHOOK_CERT_SUBJECT } from '../simulator/certificates';
import type { PartnerCenterSimulator } from '../simulator/simulator';
import type { CosmosHandle } from '../storage/cosmos';
import { CosmosDedupeRepository } from '../storage/dedupeRepository';
import { CosmosKnownCustomersRepository } from '../storage/knownCustomersRepository';
import { CosmosLeaseRepository } from '../storage/leaseRepository';
import { NotificationService, type NotificationServiceOptions } from './notificationService';
import { BotFrameworkTransport } from './proactiveSender';
import { WebhookVerifier, type WebhookRequestVerifier } from './webhookVerifier';

/** Test hooks: replace parts of the service's options (clock, sender tuning, instance id…). */
export type NotificationOverrides = Partial<NotificationServiceOptions>;

export interface NotificationsSetupInput {
  config: AppConfig;
  logger: Logger;
  cosmos: CosmosHandle;
  services: DialogServices;
  adapter: CloudAdapter;
  simulator?: PartnerCenterSimulator;
  overrides?: NotificationOverrides;
}

/** The acceptance-notification feature wired into one app: the webhook route, the service, its timers. */
export interface NotificationsSetup {
  readonly service: NotificationService;
  /** Adds `POST /api/partner-center/events` to the server. */
  registerRoutes(server: Server): void;
  /** Called once the server listens, with its real origin (port 0 is known only then). */
  listening(origin: string): void;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Builds the webhook verifier (embedded mode: the simulator's development root, its subject, and
 * the bot's own host; production: the configured roots file, subject and hosts) and the
 * notification service, and points the simulator's webhooks at this server.
 */
export function setupNotifications(input: NotificationsSetupInput): NotificationsSetup {
  const { config, cosmos, services, simulator } = input;
  const logger = input.logger.child({ module: 'notifications' });
  const settings = config.notifications;

  const roots = [simulator?.trustedRootPem ?? '', readRoots(settings.trustedRootsFile)].join('\n').trim();
  const subject = settings.expectedCertSubject ?? (simulator ? SIMULATOR_WEBHOOK_CERT_SUBJECT : undefined);
  const ownHost = (origin: string): string[] => (simulator ? [new URL(origin).host.toLowerCase()] : []);
  let verifier: WebhookVerifier | undefined;
  if (roots && subject) {
    verifier = new WebhookVerifier({
      allowedHosts: [...settings.allowedCertHosts, ...ownHost(config.server.publicBaseUrl)],
      trustedRootsPem: roots,
      expectedSubject: subject,
      allowHttp: !!simulator,
      logger,
    });
  }
  const refuseAll: WebhookRequestVerifier = {
    async verify() {
      logger.warn({ reason: 'not_configured' }, 'webhook refused');
      return { ok: false, reason: 'not_configured' };
    },
  };
  simulator?.setWebhookUrl(`${config.server.publicBaseUrl}${WEBHOOK_PATH}`);

  const service = new NotificationService({
    partnerTenantId: services.partnerTenantId,
    logger,
    partnerCenter: services.partnerCenter,
    invitations: services.invitations,
    audit: services.audit,
    conversations: services.conversations,
    dedupe: new CosmosDedupeRepository(cosmos.containers.dedupe),
    leases: new CosmosLeaseRepository(cosmos.containers.leases),
    knownCustomers: new CosmosKnownCustomersRepository(cosmos.containers.leases),
    transport: new BotFrameworkTransport(input.adapter, config.bot.appId ?? ''),
    reconcileIntervalMs: settings.reconcileIntervalSeconds * 1000,
    reminderAfterDays: settings.reminderAfterDays,
    drainIntervalMs: settings.drainIntervalSeconds * 1000,
    ...input.overrides,
  });

  return {
    service,
    registerRoutes(server) {
      registerWebhookRoute(server, {
        verifier: verifier ?? refuseAll,
        accept: (raw) => service.acceptWebhook(raw),
        logger,
        maxBodyBytes: config.server.maxRequestBodyBytes,
      });
    },
    listening(origin) {
      if (!simulator) return;
      simulator.setWebhookUrl(`${origin}${WEBHOOK_PATH}`);
      verifier?.setAllowedHosts([...settings.allowedCertHosts, ...ownHost(origin)]);
    },
    start: () => service.start(),
    stop: () => service.stop(),
  };
}

function readRoots(file: string | undefined): string {
  if (!file) return '';
  try {
    const pem = readFileSync(file, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in the file');
    return pem;
  } catch (err) {
    throw new ConfigError('WEBHOOK_TRUSTED_ROOTS_FILE', `cannot be read: ${(err as Error).message}`);
  }
}
