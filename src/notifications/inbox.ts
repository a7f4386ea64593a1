import { createHash } from 'node:crypto';
import type { Logger } from '../logging/logger';
import { backoffDelayMs } from '../resilience';
import type { DedupeRepository, Stored } from '../storage/dedupeRepository';
import type { WebhookOutcome } from './acceptanceProcessor';
import type { Clock } from './clock';
import { parseWebhookEvent } from './events';
import { EVENT_TTL_SECONDS, inboxId, type InboxRecord } from './records';
import { currentTraceparent, setGauge, traceInboxProcessing } from '../telemetry';

export type InboxStoreResult = 'stored' | 'duplicate' | 'invalid';
export type InboxProcessResult = WebhookOutcome | 'in_progress' | 'failed' | 'missing';

export interface WebhookInboxDeps {
  dedupe: DedupeRepository;
  /** Processes one verified body (the acceptance processor); throws to be retried later. */
  handle: (raw: Buffer) => Promise<WebhookOutcome>;
  instanceId: string;
  clock: Clock;
  logger: Logger;
  /** A claim not finished for this long belongs to a stopped instance and is taken over. */
  staleAfterMs: number;
  /** Backoff between processing attempts of one entry (default 30 s, growing to 30 min). */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * Nothing accepted is lost: a verified webhook body is stored (create-if-absent, keyed by the
 * hash of the body, in the `dedupe` container whose partition key `/id` makes every entry a point
 * write/read) before Partner Center gets its 202, then processed on arrival and, should that
 * instance stop or fail, by the periodic drain under the notification lease.
 */
export class WebhookInbox {
  constructor(private readonly deps: WebhookInboxDeps) {}

  private iso(offsetMs = 0): string {
    return new Date(this.deps.clock.now() + offsetMs).toISOString();
  }

  /** Stores a verified body. Throws (storage unavailable) when it could not be stored. */
  async store(raw: Buffer): Promise<{ result: InboxStoreResult; id?: string }> {
    const event = parseWebhookEvent(raw);
    if (!event) {
      this.deps.logger.warn('webhook: body is not a Partner Center event');
      return { result: 'invalid' };
    }
    const id = inboxId(createHash('sha256').update(raw).digest('hex'));
    const now = this.iso();
    const created = await this.deps.dedupe.tryCreate<InboxRecord>({
      id,
      type: 'inbox',
      ttl: -1,
      state: 'received',
      eventName: event.eventName.slice(0, 200),
      body: raw.toString('utf8'),
      receivedAt: now,
      nextAttemptAt: now,
      attempts: 0,
      traceparent: currentTraceparent(),
    });
    if (!created) {
      this.deps.logger.info(
        { eventName: event.eventName.slice(0, 80) },
        'webhook: duplicate delivery ignored',
      );
      return { result: 'duplicate', id };
    }
    return { result: 'stored', id };
  }

  /** Processes one entry unless it is done or another instance works on it (ETag claim). */
  async process(id: string): Promise<InboxProcessResult> {
    const entry = await this.deps.dedupe.read<InboxRecord>(id);
    if (!entry) return 'missing';
    if (entry.state === 'processed') return 'duplicate';
    const claimedFor = entry.claimedAt ? this.deps.clock.now() - Date.parse(entry.claimedAt) : Infinity;
    if (entry.owner && claimedFor < this.deps.staleAfterMs) return 'in_progress';
    const claimed = await this.deps.dedupe.replaceIfMatch<InboxRecord>(
      { ...entry, owner: this.deps.instanceId, claimedAt: this.iso(), attempts: entry.attempts + 1 },
      entry.etag,
    );
    if (!claimed) return 'in_progress';
    let outcome: WebhookOutcome;
    try {
      outcome = await traceInboxProcessing(claimed, () =>
        this.deps.handle(Buffer.from(claimed.body ?? '', 'utf8')),
      );
    } catch (err) {
      await this.release(claimed, err);
      return 'failed';
    }
    const { body: _body, owner: _owner, claimedAt: _claimedAt, ...rest } = claimed;
    await this.deps.dedupe
      .replaceIfMatch<InboxRecord>(
        { ...rest, state: 'processed', processedAt: this.iso(), ttl: EVENT_TTL_SECONDS },
        claimed.etag,
      )
      .catch((err: unknown) =>
        // Processing is idempotent: a later drain finds it done (acceptance record) and closes it.
        this.deps.logger.warn({ err: (err as Error).message }, 'webhook inbox: entry not closed'),
      );
    return outcome;
  }

  /** Processes due `received` entries (oldest first in practice); returns how many were processed. */
  async drain(limit = 50): Promise<number> {
    const due = await this.deps.dedupe.findOlderThan<InboxRecord>(
      'inbox',
      { field: 'nextAttemptAt', before: this.iso(1), where: { state: 'received' } },
      limit,
    );
    setGauge('inboxDue', due.length);
    let processed = 0;
    for (const entry of due) {
      const result = await this.process(entry.id);
      if (result !== 'failed' && result !== 'in_progress' && result !== 'missing') processed++;
    }
    if (due.length > 0) this.deps.logger.info({ due: due.length, processed }, 'webhook inbox drained');
    return processed;
  }

  /** A failed attempt: free the claim and schedule the next one with backoff. */
  private async release(entry: Stored<InboxRecord>, err: unknown): Promise<void> {
    const delay = Math.max(
      1000,
      backoffDelayMs(entry.attempts, {
        baseDelayMs: this.deps.retryBaseMs ?? 30_000,
        maxDelayMs: this.deps.retryMaxMs ?? 30 * 60_000,
      }),
    );
    const { owner: _owner, claimedAt: _claimedAt, ...rest } = entry;
    const name = err instanceof Error ? err.name : 'error';
    this.deps.logger.warn(
      { attempts: entry.attempts, retryInMs: delay, err: name },
      'webhook inbox: processing failed, will retry',
    );
    await this.deps.dedupe
      .replaceIfMatch<InboxRecord>({ ...rest, nextAttemptAt: this.iso(delay), lastError: name }, entry.etag)
      .catch(() => undefined); // the claim then goes stale and the drain takes it over
  }
}
