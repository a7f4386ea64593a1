import type { Logger } from '../logging/logger';
import { backoffDelayMs } from '../resilience';
import type { DedupeRecord, DedupeRepository, Stored } from '../storage/dedupeRepository';
import type { Clock } from './clock';
import type { AcceptanceRecord, AdminAccessRecord, DeliveryRecord } from './records';
import { currentTraceparent, setGauge, traceOutboxRetry } from '../telemetry';

/** Outbox rounds after the first failed series; then the delivery stays `failed` for the operator. */
export const OUTBOX_MAX_ROUNDS = 8;
const ROUND_BASE_MS = 60_000;
const ROUND_MAX_MS = 6 * 3600_000;

/** Failures a later attempt can fix (not: no conversation reference, a middleware refusal). */
export function retryableDelivery(d: DeliveryRecord): boolean {
  return d.status === 'failed' && d.reason !== 'no_reference' && d.reason !== 'blocked_by_middleware';
}

/** Fields of a record that can wait in the outbox (acceptance, expiry and admin-access notifications). */
interface OutboxFields {
  retryAt?: string;
  retryRound?: number;
  /** W3C traceparent of the span that put it in the outbox: a retry continues that trace. */
  traceparent?: string;
}

/**
 * The outbox decision on a finished record with these deliveries: a retryable failed delivery and
 * rounds left → the record waits in the outbox (`retryAt`, backoff growing per round, the current
 * trace remembered); otherwise it leaves it.
 */
export function scheduleOutbox<T extends OutboxFields>(
  record: T,
  deliveries: readonly DeliveryRecord[],
  now: number,
): T {
  const { retryAt: _retryAt, ...rest } = record;
  const round = record.retryRound ?? 0;
  if (!deliveries.some(retryableDelivery) || round >= OUTBOX_MAX_ROUNDS) return rest as T;
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

/** A notification record with recipients the outbox can retry (AcceptanceRecord, ExpiryRecord). */
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

/** The outbox decision on a finished record with recipients (all its deliveries). */
export function withOutboxSchedule<T extends OutboxEntry>(record: T, now: number): T {
  return scheduleOutbox(record, record.deliveries ?? [], now);
}

/** The outbox decision on a finished admin-access record (its one delivery). */
export function withAdminAccessOutboxSchedule<T extends AdminAccessRecord>(record: T, now: number): T {
  return scheduleOutbox(record, record.delivery ? [record.delivery] : [], now);
}

export interface OutboxDeps<R extends OutboxEntry = AcceptanceRecord> {
  /** The record type this outbox retries (default `acceptance`). */
  type?: string;
  partnerTenantId: string;
  instanceId: string;
  dedupe: DedupeRepository;
  clock: Clock;
  logger: Logger;
  complete: (record: Stored<R>) => Promise<unknown>;
  /** Completes a taken-over admin-access record (absent: not this outbox's job, or no GDAP). */
  completeAdminAccess?: (record: Stored<AdminAccessRecord>) => Promise<unknown>;
}

/**
 * Retries notifications whose delivery failed after all of ProactiveSender's attempts. The
 * notification record itself is the outbox entry (`retryAt` set), so the exactly-once machinery
 * stays one: the job takes the record over by ETag, turns its retryable failed deliveries back to
 * `pending`, and completes it like any unfinished record (in the trace that put it there). Runs
 * under the notification lease.
 */
export class NotificationOutbox<R extends OutboxEntry = AcceptanceRecord> {
  constructor(private readonly deps: OutboxDeps<R>) {}

  /** Retries the due entries; returns how many were delivered now. */
  async run(limit = 20): Promise<number> {
    const due = await this.due<R>(this.deps.type ?? 'acceptance', limit);
    const dueAdmin = this.deps.completeAdminAccess
      ? await this.due<AdminAccessRecord>('admin-access', limit)
      : [];
    setGauge('outboxDue', due.length + dueAdmin.length);
    let delivered = 0;
    for (const record of dueAdmin) {
      if (await this.retryAdminAccess(record)) delivered++;
    }
    for (const record of due) {
      const taken = await this.takeOver(record, {
        deliveries: (record.deliveries ?? []).map((d) =>
          retryableDelivery(d) ? { ...d, status: 'pending' as const } : d,
        ),
      } as Partial<R>);
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

  /**
   * One admin-access notification from the outbox: taken over by ETag (its failed delivery back to
   * `pending`) and completed like an unfinished record. If completing throws (Graph or storage
   * down), the record goes back to the outbox for the next round. True when it was delivered now.
   */
  private async retryAdminAccess(record: Stored<AdminAccessRecord>): Promise<boolean> {
    const complete = this.deps.completeAdminAccess;
    if (!complete || !record.delivery) return false;
    const delivery = record.delivery;
    const taken = await this.takeOver(record, {
      delivery: retryableDelivery(delivery) ? { ...delivery, status: 'pending' } : delivery,
    });
    if (!taken) return false;
    this.deps.logger.info(
      { relationshipId: record.relationshipId, round: taken.retryRound },
      'outbox: retrying a failed admin access notification',
    );
    const traceparent = (record as OutboxFields).traceparent;
    try {
      await traceOutboxRetry({ traceparent, round: taken.retryRound ?? 1 }, () => complete(taken));
    } catch (err) {
      this.deps.logger.warn(
        { relationshipId: record.relationshipId, err: err instanceof Error ? err.name : 'error' },
        'outbox: admin access notification not completed, back to the outbox',
      );
      const current = await this.deps.dedupe.read<AdminAccessRecord>(record.id);
      if (current?.state === 'sending' && current.owner === this.deps.instanceId) {
        const failed = {
          ...current,
          state: 'done' as const,
          delivery: { ...delivery, status: 'failed' as const },
        };
        await this.deps.dedupe.replaceIfMatch(
          withAdminAccessOutboxSchedule(failed, this.deps.clock.now()),
          current.etag,
        );
      }
      return false;
    }
    const after = await this.deps.dedupe.read<AdminAccessRecord>(record.id);
    return after?.delivery?.status === 'sent';
  }

  /** Finished records of one type whose outbox time has come. */
  private due<T extends DedupeRecord>(type: string, limit: number): Promise<Stored<T>[]> {
    return this.deps.dedupe.findOlderThan<T>(
      type,
      {
        field: 'retryAt',
        before: new Date(this.deps.clock.now() + 1).toISOString(),
        where: { state: 'done', partnerTenantId: this.deps.partnerTenantId },
      },
      limit,
    );
  }

  /** Takes a due record over by ETag for one more round (its failed deliveries changed by `change`). */
  private takeOver<T extends DedupeRecord & OutboxFields>(
    record: Stored<T>,
    change: Partial<T>,
  ): Promise<Stored<T> | undefined> {
    const iso = new Date(this.deps.clock.now()).toISOString();
    // `retryAt: undefined` takes the record out of the retry query (JSON drops the field); the
    // repository strips `etag` from the body it writes.
    const next: T = {
      ...record,
      state: 'sending',
      owner: this.deps.instanceId,
      claimedAt: iso,
      updatedAt: iso,
      retryRound: (record.retryRound ?? 0) + 1,
      ...change,
      retryAt: undefined,
    };
    return this.deps.dedupe.replaceIfMatch<T>(next, record.etag);
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
    if (this.deps.completeAdminAccess) {
      const admin = await this.deps.dedupe.findOlderThan<AdminAccessRecord>(
        'admin-access',
        { field: 'updatedAt', before: '9999', where: { partnerTenantId: this.deps.partnerTenantId } },
        limit,
      );
      for (const r of admin) {
        if (r.retryAt) waiting++;
        else if (r.delivery?.status === 'failed') failed++;
      }
    }
    return { waiting, failed };
  }
}
