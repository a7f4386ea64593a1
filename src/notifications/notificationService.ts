import { createHash, randomUUID } from 'node:crypto';
import type { AuditLog } from '../domain/audit';
import type { ConversationRepository } from '../domain/conversations';
import type { RoleTemplateSet } from '../domain/gdap';
import type { InvitationRepository } from '../domain/invitations';
import type { RemovalRequestRepository } from '../domain/removalRequests';
import type { GdapClient } from '../graph/gdapClient';
import type { Logger } from '../logging/logger';
import type { PartnerCenterClient } from '../partnerCenter/client';
import type { DedupeRepository } from '../storage/dedupeRepository';
import type { KnownCustomersRepository } from '../storage/knownCustomersRepository';
import type { LeaseRepository } from '../storage/leaseRepository';
import { AcceptanceProcessor, type WebhookOutcome } from './acceptanceProcessor';
import { systemClock, type Clock } from './clock';
import { NotificationDelivery } from './delivery';
import { GDAP_RELATIONSHIP_EVENTS, parseWebhookEvent } from './events';
import { GdapApprovalProcessor } from './gdapApprovalProcessor';
import { GdapExpiryWatch, type ExpiryRunResult } from './expiryWatch';
import { WebhookInbox } from './inbox';
import { NotificationOutbox } from './outbox';
import { ProactiveSender, type ProactiveSenderOptions, type ProactiveTransport } from './proactiveSender';
import { Reconciler, type ReconcileResult } from './reconciler';
import { inboxId } from './records';
import { ReminderJob } from './reminderJob';
import { RemovalRequestWatcher } from './removalRequestWatcher';
import { OperationsStatusRecorder } from './statusRecorder';
import { SPANS, traceJob } from '../telemetry';
import { errorSummary } from './errorSummary';

export interface NotificationServiceOptions {
  partnerTenantId: string;
  logger: Logger;
  partnerCenter: PartnerCenterClient;
  invitations: InvitationRepository;
  audit: AuditLog;
  conversations: ConversationRepository;
  dedupe: DedupeRepository;
  leases: LeaseRepository;
  knownCustomers: KnownCustomersRepository;
  transport: ProactiveTransport;
  /** Admin access (GDAP): approvals create the template's access assignments and tell the inviter. */
  gdap?: GdapClient;
  gdapTemplates?: RoleTemplateSet;
  /** Removal requests asked of the indirect provider: the requester is told once the customer is gone. */
  removalRequests?: RemovalRequestRepository;
  gdapWarnDays?: readonly number[]; // GDAP_WARN_DAYS (the expiry watch)
  /** Between scheduled runs (reconciler + reminders); 0 = no timer (runs only via `runScheduled`). */
  reconcileIntervalMs: number;
  /** Remind the inviter of invitations pending this many days; 0 = no reminders. */
  reminderAfterDays: number;
  instanceId?: string;
  clock?: Clock;
  /** Tuning of the proactive sender (tests: fewer attempts, shorter waits). */
  sender?: Partial<
    Omit<ProactiveSenderOptions, 'transport' | 'conversations' | 'partnerTenantId' | 'logger'>
  >;
  /** A notification left half-sent this long by a stopped instance is finished by another (default 10 min). */
  staleAfterMs?: number;
  /** Between inbox drains and outbox retries (under the lease), also with the reconciler off; 0 = off. */
  drainIntervalMs?: number;
  /** Longest wait for in-flight work when stopping (default 10 s). */
  stopWaitMs?: number;
  /** Runs after each reconciler run under the lease (the GDAP expiry gauge); failures are logged. */
  afterReconcile?: () => Promise<void>;
}

export interface ScheduledRunResult {
  reconciled?: ReconcileResult;
  /** Admin-access outcomes the safety net found (their webhook never came). */
  adminAccess?: number;
  /** Requesters told now that their indirect provider removed the relationship. */
  removalRequests?: number;
  expiry?: ExpiryRunResult; // the GDAP expiry watch: warnings and end announcements
  resumed: number;
  reminders: number;
  /** Inbox entries processed by the drain. */
  drained: number;
  /** Failed notifications the outbox delivered now. */
  redelivered: number;
}

/** Longest wait for in-flight work when stopping. */
const STOP_WAIT_MS = 10_000;

/**
 * The acceptance-notification machinery of one bot instance: processes verified webhooks in the
 * background and, on a timer, runs the reconciler and the reminder job under a Cosmos lease so
 * only one instance does that at a time.
 */
export class NotificationService {
  readonly instanceId: string;
  readonly sender: ProactiveSender;
  readonly processor: AcceptanceProcessor;
  readonly gdapProcessor?: GdapApprovalProcessor;
  readonly removalWatcher?: RemovalRequestWatcher;
  readonly expiryWatch?: GdapExpiryWatch;
  readonly reconciler: Reconciler;
  readonly reminders: ReminderJob;
  readonly inbox: WebhookInbox;
  readonly outbox: NotificationOutbox;
  /** Status documents for the operator's `status` card (last event, reconciler run, outbox counts). */
  readonly status: OperationsStatusRecorder;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly leaseName: string;
  private readonly tasks = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private drainTimer: NodeJS.Timeout | undefined;
  private running: Promise<ScheduledRunResult | undefined> | undefined;
  private stopped = false;

  constructor(private readonly options: NotificationServiceOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.clock = options.clock ?? systemClock;
    this.log = options.logger;
    this.leaseName = `notifications:${options.partnerTenantId}`;
    this.sender = new ProactiveSender({
      ...options.sender,
      transport: options.transport,
      conversations: options.conversations,
      partnerTenantId: options.partnerTenantId,
      logger: this.log,
      clock: options.sender?.clock ?? this.clock,
    });
    const delivery = new NotificationDelivery(this.sender, options.conversations, options.partnerTenantId);
    this.processor = new AcceptanceProcessor({
      partnerTenantId: options.partnerTenantId,
      instanceId: this.instanceId,
      partnerCenter: options.partnerCenter,
      invitations: options.invitations,
      audit: options.audit,
      conversations: options.conversations,
      dedupe: options.dedupe,
      delivery,
      clock: this.clock,
      logger: this.log,
      staleAfterMs: options.staleAfterMs,
    });
    if (options.gdap && options.gdapTemplates) {
      this.gdapProcessor = new GdapApprovalProcessor({
        partnerTenantId: options.partnerTenantId,
        instanceId: this.instanceId,
        gdap: options.gdap,
        templates: options.gdapTemplates,
        invitations: options.invitations,
        audit: options.audit,
        dedupe: options.dedupe,
        delivery,
        clock: this.clock,
        logger: this.log,
        staleAfterMs: options.staleAfterMs,
      });
      const shared = { delivery, clock: this.clock, instanceId: this.instanceId, gdap: options.gdap };
      this.expiryWatch = new GdapExpiryWatch({ ...options, ...shared, gdapTemplates: options.gdapTemplates });
    }
    const requests = options.removalRequests;
    this.removalWatcher =
      requests && new RemovalRequestWatcher({ ...options, requests, delivery, clock: this.clock });
    this.inbox = new WebhookInbox({
      dedupe: options.dedupe,
      handle: (raw) => this.handleWebhook(raw),
      instanceId: this.instanceId,
      clock: this.clock,
      logger: this.log,
      staleAfterMs: options.staleAfterMs ?? 10 * 60_000,
    });
    this.status = new OperationsStatusRecorder(options.dedupe, options.partnerTenantId, this.clock, this.log);
    this.outbox = new NotificationOutbox({
      partnerTenantId: options.partnerTenantId,
      instanceId: this.instanceId,
      dedupe: options.dedupe,
      clock: this.clock,
      logger: this.log,
      complete: (record) => this.processor.completeTaken(record),
      ...(this.gdapProcessor
        ? { completeAdminAccess: this.gdapProcessor.completeTaken.bind(this.gdapProcessor) }
        : {}),
    });
    this.reconciler = new Reconciler({
      partnerTenantId: options.partnerTenantId,
      partnerCenter: options.partnerCenter,
      knownCustomers: options.knownCustomers,
      processor: this.processor,
      logger: this.log,
    });
    this.reminders = new ReminderJob({
      partnerTenantId: options.partnerTenantId,
      invitations: options.invitations,
      dedupe: options.dedupe,
      delivery,
      clock: this.clock,
      logger: this.log,
      afterDays: options.reminderAfterDays,
    });
  }

  /** One verified body: GDAP relationship events to the admin-access processing, the rest to acceptances. */
  private async handleWebhook(raw: Buffer): Promise<WebhookOutcome> {
    const event = parseWebhookEvent(raw);
    if (event && GDAP_RELATIONSHIP_EVENTS.has(event.eventName)) {
      if (!this.gdapProcessor) {
        this.log.info({ eventName: event.eventName }, 'webhook: admin access not configured, event ignored');
        return 'ignored';
      }
      if ((await this.expiryWatch?.handleEvent(event)) === 'handled') return 'processed';
      return this.gdapProcessor.handleEvent(event);
    }
    return this.processor.handleWebhook(raw);
  }

  /**
   * Stores a verified webhook body in the inbox (resolves once it is stored: only then may the
   * webhook answer 202; rejects when storage is unavailable), then processes it in the background.
   */
  async acceptWebhook(raw: Buffer): Promise<void> {
    const { result } = await this.inbox.store(raw);
    if (result === 'stored') {
      void this.enqueueWebhook(raw);
      const name = parseWebhookEvent(raw)?.eventName;
      if (name) this.track(this.status.recordWebhook(name));
    }
  }

  /** Processes the stored inbox entry of this body in the background; a failure is retried by the drain. */
  enqueueWebhook(raw: Buffer): Promise<WebhookOutcome | undefined> {
    const id = inboxId(createHash('sha256').update(raw).digest('hex'));
    const task = this.inbox
      .process(id)
      .then((result) =>
        result === 'failed' || result === 'in_progress' || result === 'missing' ? undefined : result,
      )
      .catch((err: unknown) => {
        this.log.error(
          { err: errorSummary(err) },
          'webhook: processing failed; the inbox drain will retry it',
        );
        return undefined;
      });
    this.track(task);
    return task;
  }

  /**
   * One scheduled run: if this instance holds (or gets) the lease, reconcile, finish stale
   * notifications and send due reminders. Undefined when another instance holds the lease.
   */
  runScheduled(): Promise<ScheduledRunResult | undefined> {
    this.running ??= this.runUnderLease().finally(() => (this.running = undefined));
    return this.running;
  }

  private leaseDurationMs(): number {
    return Math.max(60_000, 2 * this.options.reconcileIntervalMs);
  }

  private async runUnderLease(): Promise<ScheduledRunResult | undefined> {
    const leases = this.options.leases;
    if (!(await leases.tryAcquire(this.leaseName, this.instanceId, this.leaseDurationMs()))) {
      this.log.debug('scheduled run: another instance holds the lease');
      return undefined;
    }
    const result: ScheduledRunResult = { resumed: 0, reminders: 0, drained: 0, redelivered: 0 };
    try {
      result.reconciled = await traceJob(SPANS.reconcilerRun, () => this.reconciler.run());
      await this.status.recordReconcile(result.reconciled.failed === 0, result.reconciled.found);
      await this.options.afterReconcile?.();
    } catch (err) {
      this.log.warn({ err: errorSummary(err) }, 'reconciler failed; next run will try again');
      await this.status.recordReconcile(false);
    }
    if (this.gdapProcessor) {
      try {
        result.adminAccess = await this.gdapProcessor.reconcile();
      } catch (err) {
        this.log.warn({ err: errorSummary(err) }, 'admin access safety net failed; next run will try again');
      }
      result.expiry = await this.expiryWatch?.run().catch((err: unknown) => {
        this.log.warn({ err: errorSummary(err) }, 'gdap expiry watch failed; next run will try again');
        return undefined;
      });
    }
    result.removalRequests = await this.removalWatcher?.run().catch((err: unknown) => {
      this.log.warn({ err: errorSummary(err) }, 'removal request check failed; next run will try again');
      return undefined;
    });
    if (this.stopped || !(await leases.tryAcquire(this.leaseName, this.instanceId, this.leaseDurationMs())))
      return result;
    try {
      result.resumed = await this.processor.resumeStale();
      if (this.gdapProcessor) result.resumed += await this.gdapProcessor.resumeStale();
    } catch (err) {
      this.log.warn({ err: errorSummary(err) }, 'resuming unfinished notifications failed');
    }
    try {
      result.reminders = await this.reminders.run();
    } catch (err) {
      this.log.warn({ err: errorSummary(err) }, 'reminder job failed; next run will try again');
    }
    Object.assign(result, await this.drainAndRetry());
    return result;
  }

  /** Inbox drain and outbox retries (the caller holds the lease). Failures wait for the next run. */
  private async drainAndRetry(): Promise<{ drained: number; redelivered: number }> {
    const out = { drained: 0, redelivered: 0 };
    if (this.stopped) return out;
    try {
      out.drained = await this.inbox.drain();
    } catch (err) {
      this.log.warn({ err: errorSummary(err) }, 'inbox drain failed; next run will try again');
    }
    try {
      out.redelivered = await this.outbox.run();
    } catch (err) {
      this.log.warn({ err: errorSummary(err) }, 'outbox run failed; next run will try again');
    }
    // The counts need a cross-partition query: done here, in the background, never in a turn.
    await this.outbox
      .summary()
      .then((counts) => this.status.recordOutbox(counts))
      .catch((err: unknown) => this.log.debug({ err: errorSummary(err) }, 'outbox summary not recorded'));
    return out;
  }

  /** Only the inbox drain and the outbox, under the lease (its own timer; runs with the reconciler off). */
  async runDrain(): Promise<{ drained: number; redelivered: number } | undefined> {
    if (!(await this.options.leases.tryAcquire(this.leaseName, this.instanceId, this.leaseDurationMs())))
      return undefined;
    return this.drainAndRetry();
  }

  /** Starts the timer (no-op when the interval is 0). The first run comes after one interval. */
  start(): void {
    this.stopped = false;
    if (this.options.reconcileIntervalMs > 0) this.schedule();
    if ((this.options.drainIntervalMs ?? 0) > 0) this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.stopped) return;
    const interval = this.options.drainIntervalMs ?? 0;
    this.drainTimer = setTimeout(
      () => {
        const run = this.runDrain()
          .catch((err: unknown) => this.log.warn({ err: errorSummary(err) }, 'drain run failed'))
          .finally(() => this.scheduleDrain());
        this.track(run);
      },
      Math.round(interval * (0.9 + Math.random() * 0.2)),
    );
    this.drainTimer.unref();
  }

  private schedule(): void {
    if (this.stopped) return;
    const interval = this.options.reconcileIntervalMs;
    const delay = Math.round(interval * (0.9 + Math.random() * 0.2));
    this.timer = setTimeout(() => {
      const run = this.runScheduled()
        .catch((err: unknown) => this.log.warn({ err: errorSummary(err) }, 'scheduled run failed'))
        .finally(() => this.schedule());
      this.track(run);
    }, delay);
    this.timer.unref();
  }

  /** Stops the timer, waits (bounded) for in-flight work and gives the lease up. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.timer = undefined;
    this.drainTimer = undefined;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      this.whenIdle(),
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, this.options.stopWaitMs ?? STOP_WAIT_MS);
        timeout.unref();
      }),
    ]);
    if (timeout) clearTimeout(timeout);
    await this.options.leases
      .release(this.leaseName, this.instanceId)
      .catch((err: unknown) => this.log.warn({ err: errorSummary(err) }, 'lease not released'));
  }

  /** Resolves when no webhook or scheduled run is in flight. */
  async whenIdle(): Promise<void> {
    while (this.tasks.size > 0 || this.running) {
      await Promise.allSettled([...this.tasks, ...(this.running ? [this.running] : [])]);
    }
  }

  private track(task: Promise<unknown>): void {
    this.tasks.add(task);
    const remove = () => void this.tasks.delete(task);
    task.then(remove, remove);
  }
}
