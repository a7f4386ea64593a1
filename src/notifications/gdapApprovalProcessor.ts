import { renderAdminAccessCard } from '../cards/adminAccessCards';
import type { AuditLog } from '../domain/audit';
import { findTemplate, plannedAccessAssignments, type RoleTemplateSet } from '../domain/gdap';
import type { Invitation, InvitationRepository } from '../domain/invitations';
import type { GdapClient } from '../graph/gdapClient';
import { GraphError } from '../graph/errors';
import type { DelegatedAdminRelationship } from '../graph/types';
import { translatorFor } from '../i18n/i18n';
import type { Logger } from '../logging/logger';
import type { DedupeRepository, Stored } from '../storage/dedupeRepository';
import type { Clock } from './clock';
import { cardActivity, conversationIdOf, type NotificationDelivery } from './delivery';
import { saveAsOwner } from './recipients';
import { relationshipIdOf, type WebhookEvent } from './events';
import { withAdminAccessOutboxSchedule } from './outbox';
import {
  DECISION_TTL_SECONDS,
  gdapRecordId,
  type AdminAccessRecord,
  type AssignmentOutcome,
} from './records';

export type AdminAccessOutcome =
  'notified' | 'duplicate' | 'in_progress' | 'not_yet' | 'unknown_relationship' | 'lost_ownership';

export interface GdapApprovalProcessorDeps {
  partnerTenantId: string;
  instanceId: string;
  gdap: GdapClient;
  templates: RoleTemplateSet;
  invitations: InvitationRepository;
  audit: AuditLog;
  dedupe: DedupeRepository;
  delivery: NotificationDelivery;
  clock: Clock;
  logger: Logger;
  staleAfterMs?: number;
}

/** Pending invitations with a relationship the safety net looks at per run. */
const SAFETY_NET_LIMIT = 200;

/**
 * The outcome of an admin-access (GDAP) request, exactly once per relationship and phase: once
 * `active`, create the template's access assignments and tell the inviter (roles, end date,
 * auto-extend, failed assignments); once `expired`/`terminated` before it ever became active, tell
 * the inviter the request ended. The invitation is found by relationship id (single partition);
 * the decision is a create-if-absent record, so the approval arriving twice or on two instances
 * creates one set of assignments and one notification.
 */
export class GdapApprovalProcessor {
  private readonly log: Logger;
  private readonly staleAfterMs: number;

  constructor(private readonly deps: GdapApprovalProcessorDeps) {
    this.log = deps.logger;
    this.staleAfterMs = deps.staleAfterMs ?? 10 * 60_000;
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  /** A `granular-admin-relationship-*` webhook: the event only names the relationship; Graph tells its status. */
  async handleEvent(event: WebhookEvent): Promise<'processed' | 'invalid'> {
    const relationshipId = relationshipIdOf(event);
    if (!relationshipId) {
      this.log.warn({ eventName: event.eventName }, 'gdap webhook: no relationship id in ResourceUri');
      return 'invalid';
    }
    const outcome = await this.processRelationship(relationshipId, 'webhook');
    this.log.info({ eventName: event.eventName, outcome }, 'gdap webhook: processed');
    return 'processed';
  }

  /**
   * Safety net (reconciler, under the lease): pending invitations that requested a relationship
   * are looked up in Graph; an approval or expiry whose webhook never came is processed now.
   */
  async reconcile(): Promise<number> {
    const { items } = await this.deps.invitations.list(this.deps.partnerTenantId, {
      withRelationship: true,
      limit: SAFETY_NET_LIMIT,
    });
    let notified = 0;
    for (const invitation of items) {
      if (!invitation.relationshipId || invitation.adminAccess) continue;
      try {
        if ((await this.processRelationship(invitation.relationshipId, 'reconciler')) === 'notified')
          notified++;
      } catch (err) {
        this.log.warn({ err: errorName(err) }, 'gdap reconcile: relationship not processed, will retry');
      }
    }
    return notified;
  }

  async processRelationship(
    relationshipId: string,
    source: 'webhook' | 'reconciler',
  ): Promise<AdminAccessOutcome> {
    let relationship: DelegatedAdminRelationship;
    try {
      relationship = await this.deps.gdap.getRelationship(relationshipId);
    } catch (err) {
      if (err instanceof GraphError && err.kind === 'notFound') {
        this.log.info({ relationshipId }, 'gdap: relationship not found, ignored');
        return 'unknown_relationship';
      }
      throw err;
    }
    const phase = phaseOf(relationship.status);
    if (!phase) return 'not_yet';
    const invitation = await this.invitationFor(relationshipId);
    if (!invitation) {
      // Not requested through the bot (or the record is gone): nobody to tell. Ids only, no names.
      this.log.info(
        { relationshipId, status: relationship.status },
        'gdap: relationship of no invitation, ignored',
      );
      return 'unknown_relationship';
    }
    const id = gdapRecordId(this.deps.partnerTenantId, relationshipId, phase);
    const existing = await this.deps.dedupe.read<AdminAccessRecord>(id);
    if (existing) return this.continueExisting(existing, relationship, invitation);
    // An expiry after the relationship was active (and announced) is not news for the inviter here.
    if (phase === 'ended' && invitation.adminAccess?.status === 'active') return 'duplicate';
    const now = this.nowIso();
    const created = await this.deps.dedupe.tryCreate<AdminAccessRecord>({
      id,
      type: 'admin-access',
      ttl: DECISION_TTL_SECONDS,
      partnerTenantId: this.deps.partnerTenantId,
      relationshipId,
      invitationId: invitation.id,
      phase,
      status: relationship.status,
      source,
      state: 'sending',
      owner: this.deps.instanceId,
      claimedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) {
      this.log.info({ relationshipId, phase }, 'gdap: decided by another instance');
      return 'duplicate';
    }
    return this.complete(created, relationship, invitation);
  }

  /**
   * Completes a record this instance has just taken over (an outbox round, or one whose owner
   * stopped): the relationship is read again from Graph (a failure throws; the caller retries
   * later), the invitation by id.
   */
  async completeTaken(record: Stored<AdminAccessRecord>): Promise<AdminAccessOutcome> {
    const relationship = await this.deps.gdap.getRelationship(record.relationshipId);
    const invitation = await this.deps.invitations.get(this.deps.partnerTenantId, record.invitationId);
    if (!invitation) {
      this.log.info({ relationshipId: record.relationshipId }, 'gdap: invitation gone, nothing to notify');
      await this.save({ ...record, state: 'done' });
      return 'unknown_relationship';
    }
    return this.complete(record, relationship, invitation);
  }

  /** Finishes admin-access records whose owner stopped renewing them (crash, restart). Returns how many. */
  async resumeStale(limit = 20): Promise<number> {
    const before = new Date(this.deps.clock.now() - this.staleAfterMs).toISOString();
    const stale = await this.deps.dedupe.findOlderThan<AdminAccessRecord>(
      'admin-access',
      { field: 'claimedAt', before, where: { state: 'sending', partnerTenantId: this.deps.partnerTenantId } },
      limit,
    );
    let resumed = 0;
    for (const record of stale) {
      const taken = await this.deps.dedupe.replaceIfMatch<AdminAccessRecord>(
        { ...record, owner: this.deps.instanceId, claimedAt: this.nowIso(), updatedAt: this.nowIso() },
        record.etag,
      );
      if (!taken) continue;
      try {
        if ((await this.completeTaken(taken)) === 'notified') resumed++;
      } catch (err) {
        this.log.warn({ err: errorName(err) }, 'gdap: unfinished notification not resumed, will retry');
      }
    }
    return resumed;
  }

  private async invitationFor(relationshipId: string): Promise<Invitation | undefined> {
    const { items } = await this.deps.invitations.list(this.deps.partnerTenantId, {
      relationshipId,
      limit: 1,
    });
    return items[0];
  }

  private async continueExisting(
    existing: Stored<AdminAccessRecord>,
    relationship: DelegatedAdminRelationship,
    invitation: Invitation,
  ): Promise<AdminAccessOutcome> {
    if (existing.state === 'done') return 'duplicate';
    const age = this.deps.clock.now() - Date.parse(existing.claimedAt);
    if (age < this.staleAfterMs) return 'in_progress';
    const taken = await this.deps.dedupe.replaceIfMatch<AdminAccessRecord>(
      { ...existing, owner: this.deps.instanceId, claimedAt: this.nowIso(), updatedAt: this.nowIso() },
      existing.etag,
    );
    if (!taken) return 'in_progress';
    return this.complete(taken, relationship, invitation);
  }

  private async complete(
    initial: Stored<AdminAccessRecord>,
    relationship: DelegatedAdminRelationship,
    invitation: Invitation,
  ): Promise<AdminAccessOutcome> {
    let record = initial;
    if (record.phase === 'active' && !record.assignments) {
      const saved = await this.save({ ...record, assignments: await this.assign(relationship, invitation) });
      if (!saved) return 'lost_ownership';
      record = saved;
    }
    const now = this.nowIso();
    const status =
      record.phase === 'active' ? 'active' : relationship.status === 'terminated' ? 'terminated' : 'expired';
    const tenantId = relationship.customer?.tenantId;
    const updated = await this.deps.invitations.update(
      this.deps.partnerTenantId,
      invitation.id,
      (current) => ({
        ...current,
        ...(tenantId ? { customerTenantId: tenantId } : {}),
        adminAccess: { status, at: current.adminAccess?.at ?? now },
        updatedAt: now,
      }),
    );
    const inv = updated ?? invitation;

    await this.deps.audit.append({
      id: `admin-access-${record.phase}-${record.relationshipId}`,
      partnerTenantId: this.deps.partnerTenantId,
      action: record.phase === 'active' ? 'adminAccess.activated' : 'adminAccess.ended',
      outcome: (record.assignments ?? []).some((a) => a.status === 'failed') ? 'failed' : 'succeeded',
      customer: tenantId ? { id: tenantId } : undefined,
      details: {
        relationshipId: record.relationshipId,
        invitationId: inv.id,
        status: relationship.status,
        assignments: (record.assignments ?? []).map((a) => ({ group: a.securityGroupId, status: a.status })),
        source: record.source,
      },
    });

    if (!record.delivery) {
      const conversationId = conversationIdOf(inv.conversationReference) ?? inv.conversationId;
      const saved = await this.save({
        ...record,
        delivery: { target: 'inviter', conversationId, status: 'pending', attempts: 0 },
      });
      if (!saved) return 'lost_ownership';
      record = saved;
    }
    if (record.delivery?.status === 'pending') {
      const delivery = record.delivery;
      const target = await this.deps.delivery.resolve(delivery.conversationId, inv.conversationReference);
      const t = translatorFor(inv.locale ?? target.locale);
      const card = renderAdminAccessCard(t, {
        outcome: record.phase === 'active' ? 'active' : 'ended',
        customer: relationship.customer?.displayName || inv.customer?.companyName || '',
        roleDefinitionIds: relationship.roleDefinitionIds,
        endDateTime: relationship.endDateTime,
        autoExtendDuration: relationship.autoExtendDuration,
        failedAssignments: (record.assignments ?? []).filter((a) => a.status === 'failed'),
        requestedAt: inv.createdAt,
      });
      const title = (card.body as { text?: string }[] | undefined)?.[0]?.text ?? '';
      const sent = await this.deps.delivery.send(delivery, target, cardActivity(card, title), () =>
        this.nowIso(),
      );
      const saved = await this.save({ ...record, delivery: sent });
      if (!saved) return 'lost_ownership';
      record = saved;
    }
    // A delivery that failed after all its attempts waits in the outbox, like an acceptance's.
    const done = await this.save(
      withAdminAccessOutboxSchedule({ ...record, state: 'done' }, this.deps.clock.now()),
    );
    if (!done) return 'lost_ownership';
    this.log.info(
      {
        relationshipId: record.relationshipId,
        phase: record.phase,
        assignments: (record.assignments ?? []).map((a) => a.status),
        delivery: record.delivery?.status,
      },
      'gdap: inviter notified',
    );
    return 'notified';
  }

  /**
   * One access assignment per security group of the invitation's template (roles limited to the
   * relationship's). Groups that already have one (a previous attempt that stopped half-way) are
   * not assigned again; a conflict means the same.
   */
  private async assign(
    relationship: DelegatedAdminRelationship,
    invitation: Invitation,
  ): Promise<AssignmentOutcome[]> {
    const template = invitation.templateId
      ? findTemplate(this.deps.templates, invitation.templateId)
      : findTemplate(this.deps.templates, this.deps.templates.defaultTemplateId);
    if (!template) {
      this.log.warn({ relationshipId: relationship.id }, 'gdap: role template not found, no assignments');
      return [{ securityGroupId: '', roleDefinitionIds: [], status: 'failed', reason: 'template_missing' }];
    }
    const granted = new Set(relationship.roleDefinitionIds.map((r) => r.toLowerCase()));
    const existing = new Set(
      (await this.deps.gdap.listAccessAssignments(relationship.id))
        .filter((a) => a.status !== 'deleted' && a.status !== 'deleting')
        .map((a) => a.securityGroupId.toLowerCase()),
    );
    const out: AssignmentOutcome[] = [];
    for (const planned of plannedAccessAssignments(template)) {
      const roles = planned.roleDefinitionIds.filter((r) => granted.has(r.toLowerCase()));
      if (roles.length === 0) continue;
      const base = { securityGroupId: planned.securityGroupId, roleDefinitionIds: roles };
      if (existing.has(planned.securityGroupId.toLowerCase())) {
        out.push({ ...base, status: 'created' });
        continue;
      }
      try {
        await this.deps.gdap.createAccessAssignment(relationship.id, base);
        out.push({ ...base, status: 'created' });
      } catch (err) {
        if (err instanceof GraphError && err.kind === 'conflict') {
          out.push({ ...base, status: 'created' });
          continue;
        }
        this.log.warn(
          { relationshipId: relationship.id, err: errorName(err) },
          'gdap: access assignment failed',
        );
        out.push({ ...base, status: 'failed', reason: err instanceof GraphError ? err.kind : 'error' });
      }
    }
    return out;
  }

  private save(record: Stored<AdminAccessRecord>): Promise<Stored<AdminAccessRecord> | undefined> {
    return saveAsOwner(this.deps.dedupe, record, this.nowIso(), {
      log: this.log,
      context: { relationshipId: record.relationshipId },
      message: 'gdap: record taken over by another instance',
    });
  }
}

function phaseOf(status: DelegatedAdminRelationship['status']): 'active' | 'ended' | undefined {
  if (status === 'active' || status === 'expiring') return 'active';
  if (status === 'expired' || status === 'terminated') return 'ended';
  return undefined;
}

function errorName(err: unknown): string {
  return err instanceof GraphError ? err.kind : err instanceof Error ? err.name : 'error';
}
