import type { OperationsSnapshot } from '../domain/operationsStatus';
import type { Logger } from '../logging/logger';
import type { DedupeRecord, DedupeRepository } from '../storage/dedupeRepository';
import type { Clock } from './clock';

export const STATUS_RECORD_TYPE = 'ops-status';
type Part = 'webhook' | 'reconciler' | 'outbox';

/** Id of one status document (dedupe container, partition `/id`: a point read/write). */
export function statusRecordId(part: Part, partnerTenantId: string): string {
  return `ops-status:${part}:${partnerTenantId}`;
}

interface StatusRecord extends DedupeRecord {
  type: typeof STATUS_RECORD_TYPE;
  at: string;
}
interface WebhookStatus extends StatusRecord {
  name: string;
}
interface ReconcilerStatus extends StatusRecord {
  ok: boolean;
  found?: number;
}
interface OutboxStatus extends StatusRecord {
  waiting: number;
  failed: number;
}

/**
 * Small status documents by id for the operator's `status` card: the last webhook received (the
 * inbox), the last reconciler run, the outbox size and failed deliveries (the drain). Writes are
 * best effort (one read, one conditional write; a lost race or an outage only leaves the older
 * value) and never fail the work they describe.
 */
export class OperationsStatusRecorder {
  constructor(
    private readonly dedupe: DedupeRepository,
    private readonly partnerTenantId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  recordWebhook(eventName: string): Promise<void> {
    return this.write<WebhookStatus>('webhook', { name: eventName.slice(0, 200) });
  }

  recordReconcile(ok: boolean, found?: number): Promise<void> {
    return this.write<ReconcilerStatus>('reconciler', found === undefined ? { ok } : { ok, found });
  }

  recordOutbox(counts: { waiting: number; failed: number }): Promise<void> {
    return this.write<OutboxStatus>('outbox', { waiting: counts.waiting, failed: counts.failed });
  }

  /** Three point reads; throws when storage is unavailable. */
  async read(): Promise<OperationsSnapshot> {
    const [webhook, reconciler, outbox] = await Promise.all([
      this.dedupe.read<WebhookStatus>(statusRecordId('webhook', this.partnerTenantId)),
      this.dedupe.read<ReconcilerStatus>(statusRecordId('reconciler', this.partnerTenantId)),
      this.dedupe.read<OutboxStatus>(statusRecordId('outbox', this.partnerTenantId)),
    ]);
    const snapshot: OperationsSnapshot = {};
    if (webhook) snapshot.lastEvent = { at: webhook.at, name: webhook.name };
    if (reconciler) {
      snapshot.reconciler = { at: reconciler.at, ok: reconciler.ok };
      if (reconciler.found !== undefined) snapshot.reconciler.found = reconciler.found;
    }
    if (outbox) snapshot.outbox = { at: outbox.at, waiting: outbox.waiting, failed: outbox.failed };
    return snapshot;
  }

  private async write<T extends StatusRecord>(
    part: Part,
    fields: Omit<T, keyof StatusRecord>,
  ): Promise<void> {
    const id = statusRecordId(part, this.partnerTenantId);
    const record = {
      ...fields,
      id,
      type: STATUS_RECORD_TYPE,
      ttl: -1,
      at: new Date(this.clock.now()).toISOString(),
    } as T;
    try {
      const existing = await this.dedupe.read<T>(id);
      if (existing) await this.dedupe.replaceIfMatch<T>(record, existing.etag);
      else await this.dedupe.tryCreate<T>(record);
    } catch (err) {
      this.logger.debug(
        { part, err: err instanceof Error ? err.name : 'error' },
        'status record not written',
      );
    }
  }
}
