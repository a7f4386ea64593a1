import {
  BOT_WEBHOOK_EVENTS,
  checkRegistration,
  type RegistrationCheck,
  type WebhookRegistration,
} from '../partnerCenter/webhookRegistration';

/** What the notification machinery records cheaply (documents read by id) for the status card. */
export interface OperationsSnapshot {
  /** The last verified webhook stored in the inbox. */
  lastEvent?: { at: string; name: string };
  /** The last reconciler run (under the lease, on whichever instance). */
  reconciler?: { at: string; ok: boolean; found?: number };
  /** Outbox size and failed deliveries, counted by the drain (a cross-partition query kept off the turn path). */
  outbox?: { at: string; waiting: number; failed: number };
}

export interface StatusSources {
  /** Reads the recorded snapshot (point reads); throws when storage is unavailable. */
  readSnapshot(): Promise<OperationsSnapshot>;
  /** Cosmos DB reachable (never throws). */
  pingStorage(): Promise<boolean>;
  /** The Partner Center webhook registration (undefined: none); throws when Partner Center is unreachable. */
  readRegistration(): Promise<WebhookRegistration | undefined>;
  /** PUBLIC_BASE_URL + the webhook path (asked per report: embedded mode learns its port late). */
  expectedWebhookUrl(): string;
  /** The events the bot needs (default: all it handles). */
  neededEvents?: readonly string[];
}

export interface StatusReport {
  storageReachable: boolean;
  partnerCenterReachable: boolean;
  expectedWebhookUrl: string;
  /** Undefined when Partner Center could not be asked. */
  webhook?: RegistrationCheck & { url?: string; events: string[] };
  /** Undefined when storage could not be read. */
  snapshot?: OperationsSnapshot;
}

/**
 * The operator's view for the `status` command: webhook registration vs. what the bot needs, the
 * recorded last event / reconciler run / outbox counts, and whether Cosmos DB and Partner Center
 * answer. A few point operations and one Partner Center read, run in parallel; nothing throws.
 */
export class StatusService {
  constructor(private readonly sources: StatusSources) {}

  async report(): Promise<StatusReport> {
    const s = this.sources;
    const [storage, snapshot, registration] = await Promise.all([
      s.pingStorage().catch(() => false),
      s.readSnapshot().then(
        (v) => ({ ok: true as const, v }),
        () => ({ ok: false as const }),
      ),
      s.readRegistration().then(
        (v) => ({ ok: true as const, v }),
        () => ({ ok: false as const }),
      ),
    ]);
    const expected = s.expectedWebhookUrl();
    const report: StatusReport = {
      storageReachable: storage,
      partnerCenterReachable: registration.ok,
      expectedWebhookUrl: expected,
    };
    if (snapshot.ok) report.snapshot = snapshot.v;
    if (registration.ok) {
      report.webhook = {
        ...checkRegistration(registration.v, expected, s.neededEvents ?? BOT_WEBHOOK_EVENTS),
        url: registration.v?.webhookUrl,
        events: registration.v?.webhookEvents ?? [],
      };
    }
    return report;
  }
}
