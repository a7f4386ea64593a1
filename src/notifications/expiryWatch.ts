import { renderGdapExpiryCard } from '../cards/gdapExpiryCard';
import type { AuditLog } from '../domain/audit';
import type { ConversationRepository } from '../domain/conversations';
import {
  DEFAULT_WARN_DAYS,
  daysLeft,
  dueWarning,
  endDay,
  isEnded,
  recentlyEnded,
  templateIdForRoles,
  type RoleTemplateSet,
} from '../domain/gdap';
import type { Invitation, InvitationRepository } from '../domain/invitations';
import { GraphError } from '../graph/errors';
import type { GdapClient } from '../graph/gdapClient';
import type { DelegatedAdminRelationship } from '../graph/types';
import type { Logger } from '../logging/logger';
import type { DedupeRepository, Stored } from '../storage/dedupeRepository';
import type { Clock } from './clock';
import { cardActivity, type NotificationDelivery } from './delivery';
import { inviterAndChannels, resolveRecipient, saveAsOwner } from './recipients';
import { GDAP_END_EVENTS, relationshipIdOf, type WebhookEvent } from './events';
import { NotificationOutbox, withOutboxSchedule } from './outbox';
import { DECISION_TTL_SECONDS, expiryRecordId, type DeliveryRecord, type ExpiryRecord } from './records';

export interface ExpiryWatchDeps {
  partnerTenantId: string;
  instanceId: string;
  gdap: GdapClient;
  gdapTemplates: RoleTemplateSet;
  invitations: InvitationRepository;
  conversations: ConversationRepository;
  audit: AuditLog;
  dedupe: DedupeRepository;
  delivery: NotificationDelivery;
  clock: Clock;
  logger: Logger;
  /** GDAP_WARN_DAYS, largest first (default 30, 7, 1). */
  gdapWarnDays?: readonly number[];
  /** A `sending` record not renewed for this long is taken over (default 10 min). */
  staleAfterMs?: number;
}

export type ExpiryOutcome = 'notified' | 'duplicate' | 'in_progress' | 'lost_ownership';

export interface ExpiryRunResult {
  warned: number;
  ended: number;
  resumed: number;
  redelivered: number;
}

/** Notices decided per run at most (the rest follow on the next run). */
const MAX_PER_RUN = 200;
export const EXPIRY_RECORD_TYPE = 'gdap-expiry';

/**
 * The expiry watch: active GDAP relationships without auto-extend get one warning per threshold
 * (GDAP_WARN_DAYS) before their end, and a relationship that was active and expired or was
 * terminated is announced once — to the inviter who requested it and to the channels subscribed
 * with `notifications on`. Once means once across instances and restarts: each notice is a
 * create-if-absent record in the dedupe container (taken over when its owner stops, retried by
 * the outbox when a delivery failed). `run` is the job (under the notification lease); the
 * `…-expired` / `…-terminated` webhooks reach `handleEvent` at once, so the job is the safety net.
 */
export class GdapExpiryWatch {
  readonly outbox: NotificationOutbox<ExpiryRecord>;
  private readonly log: Logger;
  private readonly staleAfterMs: number;

  constructor(private readonly deps: ExpiryWatchDeps) {
    this.log = deps.logger;
    this.staleAfterMs = deps.staleAfterMs ?? 10 * 60_000;
    this.outbox = new NotificationOutbox<ExpiryRecord>({
      type: EXPIRY_RECORD_TYPE,
      partnerTenantId: deps.partnerTenantId,
      instanceId: deps.instanceId,
      dedupe: deps.dedupe,
      clock: deps.clock,
      logger: deps.logger,
      complete: (record) => this.complete(record),
    });
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  /** One job run: warnings and end announcements due now, unfinished notices, outbox retries. */
  async run(): Promise<ExpiryRunResult> {
    const result: ExpiryRunResult = { warned: 0, ended: 0, resumed: 0, redelivered: 0 };
    const relationships = await this.deps.gdap.listRelationships();
    let decided = 0;
    for (const r of relationships) {
      if (decided >= MAX_PER_RUN) break;
      const now = this.deps.clock.now();
      const threshold = dueWarning(r, this.deps.gdapWarnDays ?? DEFAULT_WARN_DAYS, now);
      const notice = threshold ?? (recentlyEnded(r, now) ? 'ended' : undefined);
      if (notice === undefined) continue;
      const ended = notice === 'ended';
      decided++;
      try {
        const outcome = await this.notify(r, notice, 'job');
        if (outcome === 'notified') result[ended ? 'ended' : 'warned']++;
      } catch (err) {
        this.log.warn(
          { relationshipId: r.id, err: errorName(err) },
          'gdap expiry: notice failed, will retry',
        );
      }
    }
    result.resumed = await this.resumeStale();
    result.redelivered = await this.outbox.run();
    if (result.warned || result.ended) this.log.info(result, 'gdap expiry: notices sent');
    return result;
  }

  /**
   * A `granular-admin-relationship-expired|terminated` webhook. `not_mine` when the relationship
   * never became active (an approval request that lapsed: the approval processing tells the inviter).
   */
  async handleEvent(event: WebhookEvent): Promise<'handled' | 'not_mine' | 'invalid'> {
    if (!GDAP_END_EVENTS.has(event.eventName)) return 'not_mine';
    const relationshipId = relationshipIdOf(event);
    if (!relationshipId) return 'invalid';
    let r: DelegatedAdminRelationship;
    try {
      r = await this.deps.gdap.getRelationship(relationshipId);
    } catch (err) {
      if (err instanceof GraphError && err.kind === 'notFound') return 'not_mine';
      throw err;
    }
    if (!isEnded(r) || !r.activatedDateTime) return 'not_mine';
    const outcome = await this.notify(r, 'ended', 'webhook');
    this.log.info({ eventName: event.eventName, outcome }, 'gdap expiry webhook: processed');
    return 'handled';
  }

  /** Decides one notice (create-if-absent) and completes it; a decided one is left or finished. */
  async notify(
    r: DelegatedAdminRelationship,
    notice: number | 'ended',
    source: ExpiryRecord['source'],
  ): Promise<ExpiryOutcome> {
    const { partnerTenantId } = this.deps;
    const id = expiryRecordId(
      partnerTenantId,
      r.id,
      notice === 'ended' ? 'ended' : { thresholdDays: notice, endDay: endDay(r.endDateTime) },
    );
    const existing = await this.deps.dedupe.read<ExpiryRecord>(id);
    if (existing) return this.continueExisting(existing);
    const invitation = await this.invitationFor(r.id);
    const now = this.nowIso();
    const created = await this.deps.dedupe.tryCreate<ExpiryRecord>({
      id,
      type: EXPIRY_RECORD_TYPE,
      ttl: DECISION_TTL_SECONDS,
      partnerTenantId,
      relationshipId: r.id,
      ...(invitation ? { invitationId: invitation.id } : {}),
      phase: notice === 'ended' ? (r.status === 'terminated' ? 'terminated' : 'expired') : 'warning',
      ...(notice === 'ended'
        ? {}
        : { thresholdDays: notice, daysLeft: daysLeft(r.endDateTime, this.deps.clock.now()) }),
      ...(r.endDateTime ? { endDateTime: r.endDateTime } : {}),
      relationshipName: r.displayName,
      customer: {
        ...(r.customer?.tenantId ? { tenantId: r.customer.tenantId } : {}),
        displayName:
          r.customer?.displayName ||
          invitation?.acceptedCustomer?.companyName ||
          invitation?.customer?.companyName ||
          '',
      },
      roleDefinitionIds: [...r.roleDefinitionIds],
      templateId: invitation?.templateId ?? templateIdForRoles(this.deps.gdapTemplates, r.roleDefinitionIds),
      source,
      state: 'sending',
      owner: this.deps.instanceId,
      claimedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) return 'duplicate'; // decided by another instance (or call) just now
    return this.complete(created);
  }

  /** Finishes notices whose owner stopped renewing them (crash, restart). Returns how many. */
  private async resumeStale(limit = 20): Promise<number> {
    const before = new Date(this.deps.clock.now() - this.staleAfterMs).toISOString();
    const stale = await this.deps.dedupe.findOlderThan<ExpiryRecord>(
      EXPIRY_RECORD_TYPE,
      { field: 'claimedAt', before, where: { state: 'sending', partnerTenantId: this.deps.partnerTenantId } },
      limit,
    );
    let resumed = 0;
    for (const record of stale) if ((await this.continueExisting(record)) === 'notified') resumed++;
    return resumed;
  }

  private async continueExisting(existing: Stored<ExpiryRecord>): Promise<ExpiryOutcome> {
    if (existing.state === 'done') return 'duplicate';
    if (this.deps.clock.now() - Date.parse(existing.claimedAt) < this.staleAfterMs) return 'in_progress';
    const taken = await this.deps.dedupe.replaceIfMatch<ExpiryRecord>(
      { ...existing, owner: this.deps.instanceId, claimedAt: this.nowIso(), updatedAt: this.nowIso() },
      existing.etag,
    );
    return taken ? this.complete(taken) : 'in_progress';
  }

  private async complete(initial: Stored<ExpiryRecord>): Promise<ExpiryOutcome> {
    let record = initial;
    const invitation = record.invitationId
      ? await this.deps.invitations.get(this.deps.partnerTenantId, record.invitationId)
      : undefined;
    if (record.phase !== 'warning') await this.recordEnd(record, invitation);
    if (!record.deliveries) {
      const saved = await this.save({ ...record, deliveries: await this.recipients(invitation) });
      if (!saved) return 'lost_ownership';
      record = saved;
    }
    const deliveries = [...(record.deliveries ?? [])];
    for (let i = 0; i < deliveries.length; i++) {
      const delivery = deliveries[i];
      if (delivery?.status !== 'pending') continue;
      deliveries[i] = await this.deliverOne(record, delivery, invitation);
      const saved = await this.save({ ...record, deliveries: [...deliveries] });
      if (!saved) return 'lost_ownership';
      record = saved;
    }
    const done = await this.save(withOutboxSchedule({ ...record, state: 'done' }, this.deps.clock.now()));
    if (!done) return 'lost_ownership';
    this.log.info(
      {
        relationshipId: record.relationshipId,
        phase: record.phase,
        thresholdDays: record.thresholdDays,
        deliveries: deliveries.map((d) => ({ target: d.target, status: d.status })),
      },
      'gdap expiry: notice delivered',
    );
    return 'notified';
  }

  /** An ended relationship: the invitation's admin access status and the audit log say so at once. */
  private async recordEnd(record: ExpiryRecord, invitation: Invitation | undefined): Promise<void> {
    const status = record.phase === 'terminated' ? 'terminated' : 'expired';
    const at = this.nowIso();
    if (invitation && invitation.adminAccess?.status !== status) {
      await this.deps.invitations.update(this.deps.partnerTenantId, invitation.id, (current) =>
        current.adminAccess?.status === status
          ? undefined
          : { ...current, adminAccess: { status, at }, updatedAt: at },
      );
    }
    await this.deps.audit.append({
      id: `admin-access-ended-${record.relationshipId}`,
      partnerTenantId: this.deps.partnerTenantId,
      action: 'adminAccess.ended',
      outcome: 'succeeded',
      customer: record.customer.tenantId ? { id: record.customer.tenantId } : undefined,
      details: {
        relationshipId: record.relationshipId,
        invitationId: record.invitationId,
        status,
        endDateTime: record.endDateTime,
        source: record.source,
      },
    });
  }

  /** The inviter's conversation, then every subscribed channel (each conversation once). */
  private recipients(invitation: Invitation | undefined): Promise<DeliveryRecord[]> {
    return inviterAndChannels(invitation, this.deps.conversations, this.deps.partnerTenantId);
  }

  private async deliverOne(
    record: ExpiryRecord,
    delivery: DeliveryRecord,
    invitation: Invitation | undefined,
  ): Promise<DeliveryRecord> {
    const { target, t } = await resolveRecipient(this.deps.delivery, delivery, invitation);
    const card = renderGdapExpiryCard(t, {
      phase: record.phase,
      daysLeft: record.daysLeft,
      relationshipId: record.relationshipId,
      relationshipName: record.relationshipName,
      customer: record.customer.displayName,
      customerId: record.customer.tenantId,
      roleDefinitionIds: record.roleDefinitionIds,
      endDateTime: record.endDateTime,
      templateId: record.templateId,
      requestedBy: delivery.target === 'channel' ? invitation?.createdBy.name : undefined,
    });
    const title = (card.body as { text?: string }[] | undefined)?.[0]?.text ?? '';
    return this.deps.delivery.send(delivery, target, cardActivity(card, title), () => this.nowIso());
  }

  private async invitationFor(relationshipId: string): Promise<Invitation | undefined> {
    const { items } = await this.deps.invitations.list(this.deps.partnerTenantId, {
      relationshipId,
      limit: 1,
    });
    return items[0];
  }

  /** Saves the record as its owner (renewing `claimedAt`); undefined when another instance took it over. */
  private save(record: Stored<ExpiryRecord>): Promise<Stored<ExpiryRecord> | undefined> {
    return saveAsOwner(this.deps.dedupe, record, this.nowIso(), {
      log: this.log,
      context: { relationshipId: record.relationshipId },
      message: 'gdap expiry: record taken over by another instance',
    });
  }
}

function errorName(err: unknown): string {
  return err instanceof GraphError ? err.kind : err instanceof Error ? err.name : 'error';
}
