import { readFileSync } from 'node:fs';
import type { CloudAdapter } from 'botbuilder';
import { ConfigError, type AppConfig } from '../config/config';
import type { Logger } from '../logging/logger';
import type { CosmosHandle } from '../storage/cosmos';
import { CosmosDedupeRepository } from '../storage/dedupeRepository';
import { CosmosKnownCustomersRepository } from '../storage/knownCustomersRepository';
import { CosmosLeaseRepository } from '../storage/leaseRepository';
import { NotificationService, type NotificationServiceOptions } from './notificationService';
import { BotFrameworkTransport } from './proactiveSender';
import { WebhookVerifier, type WebhookRequestVerifier } from './webhookVerifier';

/** Test hooks: replace parts of the service's options (clock, sender tuning, instance id…). */
export type NotificationOverrides = Partial<NotificationServiceOptions>;

/** The app's services the notification service shares. */
export type NotificationsSharedServices = Pick<
  NotificationServiceOptions,
  | 'partnerTenantId'
  | 'partnerCenter'
  | 'invitations'
  | 'audit'
  | 'conversations'
  | 'gdap'
  | 'gdapTemplates'
  | 'removalRequests'
>;

/**
 * Embedded mode: webhooks come from the in-process simulator, signed with a certificate that
 * chains to its development root, from the bot's own host, over http.
 */
export interface EmbeddedWebhookTrust {
  trustedRootPem: string;
  certSubject: string;
}

export interface NotificationsSetupInput {
  config: AppConfig;
  logger: Logger;
  cosmos: CosmosHandle;
  services: NotificationsSharedServices;
  adapter: CloudAdapter;
  embedded?: EmbeddedWebhookTrust;
  overrides?: NotificationOverrides;
}

/** The acceptance-notification feature wired into one app: the webhook verifier, the service, its timers. */
export interface NotificationsSetup {
  readonly service: NotificationService;
  /** Checks the signature of `POST /api/partner-center/events` (refuses all when not configured). */
  readonly verifier: WebhookRequestVerifier;
  /** Called once the server listens, with its real origin (port 0 is known only then). */
  listening(origin: string): void;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Builds the webhook verifier (embedded mode: the simulator's development root, its subject, and
 * the bot's own host; production: the configured roots file, subject and hosts) and the
 * notification service. The composition root mounts the webhook route and points the simulator at it.
 */
export function setupNotifications(input: NotificationsSetupInput): NotificationsSetup {
  const { config, cosmos, services, embedded } = input;
  const logger = input.logger.child({ module: 'notifications' });
  const settings = config.notifications;

  const roots = [embedded?.trustedRootPem ?? '', readRoots(settings.trustedRootsFile)].join('\n').trim();
  const subject = settings.expectedCertSubject ?? embedded?.certSubject;
  const ownHost = (origin: string): string[] => (embedded ? [new URL(origin).host.toLowerCase()] : []);
  let verifier: WebhookVerifier | undefined;
  if (roots && subject) {
    verifier = new WebhookVerifier({
      allowedHosts: [...settings.allowedCertHosts, ...ownHost(config.server.publicBaseUrl)],
      trustedRootsPem: roots,
      expectedSubject: subject,
      allowHttp: !!embedded,
      logger,
    });
  }
  const refuseAll: WebhookRequestVerifier = {
    verify() {
      logger.warn({ reason: 'not_configured' }, 'webhook refused');
      return Promise.resolve({ ok: false, reason: 'not_configured' });
    },
  };

  const service = new NotificationService({
    partnerTenantId: services.partnerTenantId,
    logger,
    partnerCenter: services.partnerCenter,
    invitations: services.invitations,
    audit: services.audit,
    conversations: services.conversations,
    gdap: services.gdap,
    gdapTemplates: services.gdapTemplates,
    removalRequests: services.removalRequests,
    dedupe: new CosmosDedupeRepository(cosmos.containers.dedupe),
    leases: new CosmosLeaseRepository(cosmos.containers.leases),
    knownCustomers: new CosmosKnownCustomersRepository(cosmos.containers.leases),
    transport: new BotFrameworkTransport(input.adapter, config.bot.appId ?? ''),
    reconcileIntervalMs: settings.reconcileIntervalSeconds * 1000,
    reminderAfterDays: settings.reminderAfterDays,
    gdapWarnDays: settings.gdapWarnDays,
    drainIntervalMs: settings.drainIntervalSeconds * 1000,
    ...input.overrides,
  });

  return {
    service,
    verifier: verifier ?? refuseAll,
    listening(origin) {
      if (!embedded) return;
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
