import type { Logger } from '../logging/logger';
import { backoffDelayMs } from '../resilience';
import type { DedupeRecord, DedupeRepository, Stored } from '../storage/dedupeRepository';
import type { Clock } from './clock';
import type { AcceptanceOutcome, AcceptanceRecord, DeliveryRecord } from './records';
import { currentTraceparent, setGauge, traceOutboxRetry } from '../telemetry';

/** Outbox rounds after the first failed series; then the delivery stays `failed` for the operator. */
export const OUTBOX_MAX_ROUNDS = 8;
const ROUND_BASE_MS = 60_000;
const ROUND_MAX_MS = 6 * 3600_000;

/** Failures a later attempt can fix (not: no conversation reference, a middleware refusal). */
export function retryableDelivery(d: DeliveryRecord): boolean {
  return d.status === 'failed' && d.reason !== 'no_reference' && d.reason !== 'blocked_by_middleware';
}

/**
 * The outbox decision on a finished record: a retryable failed delivery and rounds left → the
 * record waits in the outbox (`retryAt`, backoff growing per round); otherwise it leaves it.
 */
export function withOutboxSchedule<T extends OutboxEntry>(record: T, now: number): T {
  const { retryAt: _retryAt, ...rest } = record;
  const round = record.retryRound ?? 0;
  if (!(record.deliveries ?? []).some(retryableDelivery) || round >= OUTBOX_MAX_ROUNDS) return rest as T;
  const delay = Math.max(
    ROUND_BASE_MS / 2,
    backoffDelayMs(round + 1, { baseDelayMs: ROUND_BASE_MS, maxDelayMs: ROUND_MAX_MS }),
  );
  const traceparent = record.traceparent ?? currentTraceparent();
  return {
    ...rest,
    retryAt: new Date(now + delay).toISOString(),
    ...(traceparent ? { traceparent } : {}),
  } as T;
}

/** A notification record the outbox can retry (AcceptanceRecord, ExpiryRecord): recipients and their deliveries. */
export type OutboxEntry = DedupeRecord &
  Pick<
    AcceptanceRecord,
    | 'partnerTenantId'
    | 'state'
    | 'owner'
    | 'claimedAt'
    | 'updatedAt'
    | 'deliveries'
    | 'retryAt'
    | 'retryRound'
    | 'traceparent'
  >;

export interface OutboxDeps<R extends OutboxEntry = AcceptanceRecord> {
  /** The record type this outbox retries (default `acceptance`). */
  type?: string;
  partnerTenantId: string;
  instanceId: string;
  dedupe: DedupeRepository;
  clock: Clock;
  logger: Logger;
  complete: (record: Stored<R>) => Promise<unknown>;
}

/**
 * Retries notifications whose delivery failed after all of ProactiveSender's attempts. The
 * acceptance record itself is the outbox entry (`retryAt` set), so the exactly-once machinery
 * stays one: the job takes the record over by ETag, turns its retryable failed deliveries back to
 * `pending`, and completes it like any unfinished record. Runs under the notification lease.
 */
export class NotificationOutbox<R extends OutboxEntry = AcceptanceRecord> {
  constructor(private readonly deps: OutboxDeps<R>) {}

  /** Retries the due entries; returns how many were delivered now. */
  async run(limit = 20): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.dedupe.findOlderThan<R>(
      this.deps.type ?? 'acceptance',
      {
        field: 'retryAt',
        before: new Date(now + 1).toISOString(),
        where: { state: 'done', partnerTenantId: this.deps.partnerTenantId },
      },
      limit,
    );
    setGauge('outboxDue', due.length);
    let delivered = 0;
    for (const record of due) {
      const iso = new Date(this.deps.clock.now()).toISOString();
      const { retryAt: _retryAt, ...rest } = record;
      const taken = await this.deps.dedupe.replaceIfMatch<R>(
        {
          ...rest,
          state: 'sending',
          owner: this.deps.instanceId,
          claimedAt: iso,
          updatedAt: iso,
          retryRound: (record.retryRound ?? 0) + 1,
          deliveries: (record.deliveries ?? []).map((d) =>
            retryableDelivery(d) ? { ...d, status: 'pending' as const } : d,
          ),
        } as unknown as R,
        record.etag,
      );
      if (!taken) continue;
      this.deps.logger.info(
        { type: record.type, round: taken.retryRound },
        'outbox: retrying a failed notification',
      );
      await traceOutboxRetry({ traceparent: record.traceparent, round: taken.retryRound ?? 1 }, () =>
        this.deps.complete(taken),
      );
      const after = await this.deps.dedupe.read<R>(record.id);
      const before = (record.deliveries ?? []).filter(retryableDelivery).length;
      const still = (after?.deliveries ?? []).filter(retryableDelivery).length;
      delivered += Math.max(0, before - still);
    }
    return delivered;
  }

  /** Operator view: entries waiting in the outbox, and deliveries that failed for good. */
  async summary(limit = 1000): Promise<{ waiting: number; failed: number }> {
    const failedOrWaiting = await this.deps.dedupe.findOlderThan<R>(
      this.deps.type ?? 'acceptance',
      { field: 'updatedAt', before: '9999', where: { partnerTenantId: this.deps.partnerTenantId } },
      limit,
    );
    let waiting = 0;
    let failed = 0;
    for (const r of failedOrWaiting) {
      if (r.retryAt) waiting++;
      else failed += (r.deliveries ?? []).filter((d) => d.status === 'failed').length;
    }
    return { waiting, failed };
  }
}
