import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { AuditEntry } from '../../domain/audit';
import {
  VERIFICATION_TEXT,
  auditOutcomeOf,
  verificationOf,
  type RemovalOutcome,
  type RemovalReason,
} from '../../domain/removal';
import type { PartnerRoleName } from '../../domain/roles';
import { callerRoles } from '../guards';
import type { DialogServices } from '../services';
import type { TerminationResult } from './accessTermination';
import { finalAuditId, type RemoveFlowState } from './removalFlow';
import { inbound } from '../../common/inboundActivity';

export const REMOVE_ACTION = 'relationship.remove';
export const SUSPEND_ACTION = 'subscriptions.suspend';
export const END_ACCESS_ACTION = 'adminAccess.terminate';

export interface AuditExtras {
  /** The caller's roles when already known (otherwise looked up; none when that fails). */
  roles?: readonly PartnerRoleName[];
  /** Partner Center's request id of the call that decided the outcome. */
  requestId?: string;
  details?: Record<string, unknown>;
}

/** What suspending a customer's active subscriptions did, subscription by subscription. */
export interface SuspensionResult {
  /** `verified`: the PATCH's outcome was unknown; reading the subscriptions back showed it suspended. */
  suspended: { id: string; name: string; verified?: boolean }[];
  /** `verified`: the PATCH's outcome was unknown; reading back showed it still active. */
  failed: { id: string; name: string; kind: string; requestId?: string; verified?: boolean }[];
  /** The PATCH's outcome was unknown and reading back failed too. */
  unconfirmed?: { id: string; name: string; kind: string; requestId?: string }[];
}

type EntryInput = Omit<AuditEntry, 'id' | 'at' | 'partnerTenantId' | 'actor'> & {
  id: string;
  roles: readonly PartnerRoleName[];
};

/**
 * Writes removal attempts to the append-only audit log: who (Entra object id, display name,
 * roles), when, which customer, which statement text (version, hash, language), the outcome and
 * Partner Center's request id. Everything else comes from the flow: its customer, its statement,
 * and the id of its one final entry. A failed write is logged (without personal data) and
 * reported to the caller as `undefined`: the user's answer must still tell the truth about
 * Partner Center.
 */
export class RemovalAudit {
  constructor(private readonly services: DialogServices) {}

  /**
   * One entry of the flow's removal attempt. Every entry but a missing attestation (which the user
   * can correct on the same card) is the flow's final one, written at most once.
   */
  async record(
    context: TurnContext,
    flow: RemoveFlowState,
    outcome: AuditEntry['outcome'],
    reason: RemovalReason | undefined,
    extras: AuditExtras = {},
  ): Promise<AuditEntry | undefined> {
    const details: Record<string, unknown> = { flowId: flow.flowId, ...extras.details };
    if (reason) details['reason'] = reason;
    // A refusal by role happens before (or regardless of) any statement being attested to.
    if (flow.statement && reason !== 'role') details['attestation'] = flow.statement;
    return this.write(context, {
      id: reason === 'notAttested' ? randomUUID() : finalAuditId(flow),
      action: REMOVE_ACTION,
      outcome,
      roles: extras.roles ?? (await this.rolesOf(context)),
      customer: customerOf(flow),
      requestId: extras.requestId,
      details,
    });
  }

  /**
   * The final entry of a flow that called Partner Center to remove the relationship. When the
   * call's outcome was unknown, `details.verification` says what reading back settled
   * (`outcome unknown → verified removed | verified not removed | still unknown`).
   */
  async recordRemoval(
    context: TurnContext,
    flow: RemoveFlowState,
    outcome: RemovalOutcome,
    extras: AuditExtras & { details: Record<string, unknown> },
  ): Promise<AuditEntry | undefined> {
    const verification = verificationOf(outcome);
    const verified = verification ? { verification: VERIFICATION_TEXT[verification] } : {};
    if (outcome.kind === 'removed') {
      const error = outcome.verified?.error;
      return this.record(context, flow, 'succeeded', undefined, {
        ...extras,
        requestId: outcome.requestId,
        details: error
          ? { ...extras.details, ...verified, errorKind: error.kind, status: error.status }
          : extras.details,
      });
    }
    const { error } = outcome;
    const readError = outcome.kind === 'unknown' ? outcome.readError : undefined;
    return this.record(context, flow, auditOutcomeOf(outcome), outcome.reason, {
      roles: extras.roles,
      requestId: error.requestId,
      details: {
        ...extras.details,
        ...verified,
        errorKind: error.kind,
        status: error.status,
        pcCode: error.pcCode,
        ...(readError ? { readErrorKind: readError.kind, readStatus: readError.status } : {}),
      },
    });
  }

  /** The subscriptions suspended (or not) on the way to a removal. */
  async recordSuspension(
    context: TurnContext,
    flow: RemoveFlowState,
    result: SuspensionResult,
  ): Promise<AuditEntry | undefined> {
    const failed = result.failed.length > 0 || (result.unconfirmed?.length ?? 0) > 0;
    const details: Record<string, unknown> = { flowId: flow.flowId, ...result };
    if (failed) details['reason'] = 'partnerCenter' satisfies RemovalReason;
    return this.write(context, {
      id: randomUUID(),
      action: SUSPEND_ACTION,
      outcome: result.failed.length ? 'failed' : result.unconfirmed?.length ? 'unknown' : 'succeeded',
      roles: await this.rolesOf(context),
      customer: customerOf(flow),
      requestId: result.failed[0]?.requestId ?? result.unconfirmed?.[0]?.requestId,
      details,
    });
  }

  /**
   * Ending the customer's admin access after the removal (one entry per attempt): which
   * relationships ended and which did not, with the statement the removal attested to.
   */
  async recordAccessEnding(
    context: TurnContext,
    flow: RemoveFlowState,
    attempt: number,
    result: TerminationResult,
    roles: readonly PartnerRoleName[],
  ): Promise<AuditEntry | undefined> {
    const { ended, notEnded, unconfirmed } = result;
    const first = notEnded[0] ?? unconfirmed[0];
    return this.write(context, {
      id: `${finalAuditId(flow)}-access-${attempt}`,
      action: END_ACCESS_ACTION,
      outcome: notEnded.length ? 'failed' : unconfirmed.length ? 'unknown' : 'succeeded',
      roles,
      customer: customerOf(flow),
      requestId: first?.requestId,
      details: {
        flowId: flow.flowId,
        removalAuditId: finalAuditId(flow),
        attempt,
        ...(flow.statement ? { attestation: flow.statement } : {}),
        ended,
        notEnded,
        unconfirmed,
      },
    });
  }

  private async rolesOf(context: TurnContext): Promise<PartnerRoleName[]> {
    return callerRoles(context, this.services.roles).catch(() => [] as PartnerRoleName[]);
  }

  private async write(context: TurnContext, input: EntryInput): Promise<AuditEntry | undefined> {
    const from = inbound(context).from;
    const { roles, ...entry } = input;
    try {
      return await this.services.audit.append({
        ...entry,
        partnerTenantId: this.services.partnerTenantId,
        actor: { aadObjectId: from?.aadObjectId, name: from?.name, roles: [...roles] },
      });
    } catch (err) {
      this.services.logger.error(
        {
          auditId: input.id,
          action: input.action,
          outcome: input.outcome,
          customerId: input.customer?.id,
          flowId: input.details?.['flowId'],
          error: err instanceof Error ? err.name : 'unknown',
        },
        'audit entry could not be written',
      );
      return undefined;
    }
  }
}

/** The flow's customer as the audit records it (only the id when started from a record's button). */
function customerOf(flow: RemoveFlowState): AuditEntry['customer'] {
  const c = flow.customer;
  if (c) return { id: c.id, companyName: c.companyName, domain: c.domain };
  return flow.cardCustomerId ? { id: flow.cardCustomerId } : undefined;
}
