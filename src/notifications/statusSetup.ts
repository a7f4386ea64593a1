import { StatusService } from '../domain/operationsStatus';
import type { Logger } from '../logging/logger';
import type { TokenProvider } from '../partnerCenter/client';
import { WebhookRegistrationClient } from '../partnerCenter/webhookRegistration';
import type { CosmosHandle } from '../storage/cosmos';
import { CosmosDedupeRepository } from '../storage/dedupeRepository';
import { systemClock } from './clock';
import { OperationsStatusRecorder } from './statusRecorder';

export interface StatusServiceInput {
  cosmos: CosmosHandle;
  partnerTenantId: string;
  logger: Logger;
  /** Partner Center API root (a function in embedded mode: the port is known late). */
  partnerCenterBaseUrl: string | (() => string);
  /** An App-only token provider (production: MSAL client credentials; embedded: the simulator's). */
  tokenProvider: TokenProvider;
  timeoutMs: number;
  /** PUBLIC_BASE_URL + the webhook path. */
  expectedWebhookUrl: () => string;
}

/**
 * The `status` command's service: the status documents the notification jobs write (point reads),
 * a Cosmos ping and the Partner Center webhook registration (one short App-only read).
 */
export function createStatusService(input: StatusServiceInput): StatusService {
  const registrations = new WebhookRegistrationClient({
    baseUrl: input.partnerCenterBaseUrl,
    tokenProvider: input.tokenProvider,
    logger: input.logger.child({ module: 'partnerCenter' }),
    // A status card answers quickly: one retry, short attempts.
    timeoutMs: Math.min(input.timeoutMs, 5000),
    maxRetries: 1,
  });
  const recorded = new OperationsStatusRecorder(
    new CosmosDedupeRepository(input.cosmos.containers.dedupe),
    input.partnerTenantId,
    systemClock,
    input.logger.child({ module: 'status' }),
  );
  return new StatusService({
    readSnapshot: () => recorded.read(),
    pingStorage: () => input.cosmos.ping(),
    readRegistration: () => registrations.get(),
    expectedWebhookUrl: input.expectedWebhookUrl,
  });
}
