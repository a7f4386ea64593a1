import type { InviteDetails, InviteSelection } from '../../cards/inviteCards';
import type { AuditLog } from '../../domain/audit';
import type { Invitation, InvitationRepository } from '../../domain/invitations';
import type { Logger } from '../../logging/logger';
import type { AdminAccessRequest } from './adminAccess';
import { StorageError, type StorageErrorCode } from '../../storage/errors';

/** Who started the invite (the person who typed `invite`). */
export interface Inviter {
  aadObjectId: string;
  name?: string;
}

/** What the user settled on: everything the record keeps of the draft. */
export interface InvitationDraft {
  /** The invite flow's id: also the invitation's id, so a repeated Done stores one. */
  flowId: string;
  selection: InviteSelection;
  details: InviteDetails;
  /** The personalized link exactly as Partner Center returned it. */
  link: string;
  subject: string;
  inviter: Inviter;
  /** The admin access (GDAP) request sent with the email, if any. */
  adminAccess?: AdminAccessRequest;
}

/** Where Done was clicked and by whom (the conversation to notify on acceptance). */
export interface InvitationOrigin {
  conversationId: string;
  conversationReference: Record<string, unknown>;
  locale?: string;
  actor: { aadObjectId?: string; name?: string; roles: string[] };
}

/**
 * `verified`: the write's outcome was unknown (storage unavailable, timeout) and reading the record
 * back by id settled it (found: stored; absent: a plain failure). `unconfirmed`: that read failed
 * too; Done again is safe (same id → stored once).
 */
export type RecordResult =
  | { ok: true; invitation: Invitation; created: boolean; verified?: boolean }
  | { ok: false; code: StorageErrorCode; unconfirmed?: boolean };

export interface InvitationRecorderDeps {
  invitations: InvitationRepository;
  audit: AuditLog;
  logger: Logger;
  partnerTenantId: string;
  now: () => Date;
}

/**
 * Records an invitation on Done: builds the record, stores it once (the flow id is the idempotency
 * key) and writes its audit entry. Plain inputs, no turn context: each step can be tested alone,
 * and a step that verifies an uncertain write can sit between storing and auditing.
 */
export class InvitationRecorder {
  constructor(private readonly deps: InvitationRecorderDeps) {}

  /** Stores and audits; a storage failure is a result (the user may try again), not an exception. */
  async record(draft: InvitationDraft, origin: InvitationOrigin): Promise<RecordResult> {
    try {
      const stored = await this.storeVerified(this.build(draft, origin));
      if (!stored.ok) return stored;
      const { invitation, created, verified } = stored;
      // Written on every Done (same id → once): a retry after a failed audit write still records it.
      await this.audit(invitation, origin);
      this.deps.logger.info(
        { invitationId: invitation.id, kind: invitation.kind, created, verified },
        'invitation recorded',
      );
      return { ok: true, invitation, created, ...(verified ? { verified } : {}) };
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
      this.deps.logger.warn({ flowId: draft.flowId, code: err.code }, 'invitation could not be stored');
      return { ok: false, code: err.code };
    }
  }

  /** The pending invitation record of a draft. */
  build(draft: InvitationDraft, origin: InvitationOrigin): Invitation {
    const at = this.deps.now().toISOString();
    const customer = compact({
      companyName: draft.details.companyName,
      contactEmail: draft.details.contactEmail,
    });
    return compact({
      id: draft.flowId,
      partnerTenantId: this.deps.partnerTenantId,
      kind: draft.selection.kind,
      provider: draft.selection.provider,
      customer: Object.keys(customer).length > 0 ? customer : undefined,
      channel: draft.details.channel,
      link: draft.link,
      emailSubject: draft.subject,
      ...(draft.adminAccess
        ? {
            relationshipId: draft.adminAccess.relationshipId,
            templateId: draft.adminAccess.templateId,
            ...(draft.adminAccess.customerTenantId
              ? { customerTenantId: draft.adminAccess.customerTenantId }
              : {}),
          }
        : {}),
      createdBy: compact({ aadObjectId: draft.inviter.aadObjectId, name: draft.inviter.name }),
      conversationId: origin.conversationId,
      conversationReference: origin.conversationReference,
      locale: origin.locale,
      status: 'pending',
      createdAt: at,
      updatedAt: at,
    });
  }

  /**
   * `store`, and when its outcome is unknown (storage unavailable: the write may have landed), the
   * record read back by id: there → stored (verified), absent → not stored (verified), the read
   * failing too → still unknown. Other storage failures are results as they are.
   */
  async storeVerified(invitation: Invitation): Promise<RecordResult> {
    try {
      return { ok: true, ...(await this.store(invitation)) };
    } catch (err) {
      if (!(err instanceof StorageError) || err.code !== 'unavailable') throw err;
      const ids = { invitationId: invitation.id };
      try {
        const found = await this.deps.invitations.get(invitation.partnerTenantId, invitation.id);
        this.deps.logger.warn(
          { ...ids, verification: found ? 'stored' : 'notStored' },
          'invitation write outcome unknown; verified by reading it back',
        );
        return found
          ? { ok: true, invitation: found, created: true, verified: true }
          : { ok: false, code: err.code };
      } catch (readErr) {
        if (!(readErr instanceof StorageError)) throw readErr;
        this.deps.logger.warn({ ...ids, verification: 'unknown' }, 'invitation write outcome still unknown');
        return { ok: false, code: err.code, unconfirmed: true };
      }
    }
  }

  /** Creates the record if absent; one stored earlier under the same id is returned as it is. */
  async store(invitation: Invitation): Promise<{ invitation: Invitation; created: boolean }> {
    return this.deps.invitations.create(invitation);
  }

  /** The `invitation.created` audit entry (its id derives from the invitation: written once). */
  async audit(stored: Invitation, origin: InvitationOrigin): Promise<void> {
    await this.deps.audit.append({
      id: `invitation.created.${stored.id}`,
      partnerTenantId: this.deps.partnerTenantId,
      action: 'invitation.created',
      outcome: 'succeeded',
      actor: origin.actor,
      customer: stored.customer?.companyName ? { companyName: stored.customer.companyName } : undefined,
      details: compact({
        invitationId: stored.id,
        kind: stored.kind,
        providerId: stored.provider?.id,
        channel: stored.channel,
        relationshipId: stored.relationshipId,
        templateId: stored.templateId,
      }),
    });
  }
}

/** Drops undefined properties (Cosmos stores them as missing anyway; keeps records and tests tidy). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
