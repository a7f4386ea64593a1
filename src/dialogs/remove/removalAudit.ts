import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { AuditEntry } from '../../domain/audit';
import type { PartnerRoleName } from '../../domain/roles';
import type { DialogServices } from '../services';

export const REMOVE_ACTION = 'relationship.remove';
export const SUSPEND_ACTION = 'subscriptions.suspend';

/** Why an attempt ended as it did (`details.reason`; the audit card translates known ones). */
export type RemovalReason =
  | 'role'
  | 'notAttested'
  | 'customerMismatch'
  | 'userCancelled'
  | 'flowCancelled'
  | 'alreadyRemoved'
  | 'precondition'
  | 'partnerCenter';

export interface AttestationRecord {
  version: string;
  sha256: string;
  language: string;
  source: string;
}

export interface AttemptInput {
  action: typeof REMOVE_ACTION | typeof SUSPEND_ACTION;
  outcome: AuditEntry['outcome'];
  roles: readonly PartnerRoleName[];
  flowId: string;
  customer?: { id?: string; companyName?: string; domain?: string };
  reason?: RemovalReason;
  attestation?: AttestationRecord;
  requestId?: string;
  details?: Record<string, unknown>;
  /** Fixed id for an entry that must be written at most once (a final outcome of a flow). */
  id?: string;
}

/**
 * Writes removal attempts to the append-only audit log: who (Entra object id, display name,
 * roles), when, which customer, which statement text (version, hash, language), the outcome and
 * Partner Center's request id. A failed write is logged (without personal data) and reported to
 * the caller as `undefined`: the user's answer must still tell the truth about Partner Center.
 */
export class RemovalAuditor {
  constructor(private readonly services: DialogServices) {}

  async record(context: TurnContext, input: AttemptInput): Promise<AuditEntry | undefined> {
    const from = context.activity.from;
    const id = input.id ?? randomUUID();
    const details: Record<string, unknown> = { flowId: input.flowId, ...input.details };
    if (input.reason) details['reason'] = input.reason;
    if (input.attestation) details['attestation'] = input.attestation;
    try {
      return await this.services.audit.append({
        id,
        partnerTenantId: this.services.partnerTenantId,
        action: input.action,
        outcome: input.outcome,
        actor: {
          aadObjectId: from?.aadObjectId,
          name: from?.name,
          roles: [...input.roles],
        },
        customer: input.customer
          ? {
              id: input.customer.id,
              companyName: input.customer.companyName,
              domain: input.customer.domain,
            }
          : undefined,
        requestId: input.requestId,
        details,
      });
    } catch (err) {
      this.services.logger.error(
        {
          auditId: id,
          action: input.action,
          outcome: input.outcome,
          customerId: input.customer?.id,
          flowId: input.flowId,
          error: err instanceof Error ? err.name : 'unknown',
        },
        'audit entry could not be written',
      );
      return undefined;
    }
  }
}
