import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { AuditLog } from '../../domain/audit';
import { isAbandonedRequest, relationshipDisplayName, type RoleTemplate } from '../../domain/gdap';
import { GraphError, isGraphError, type GdapClient } from '../../graph';
import type { Logger } from '../../logging/logger';
import { inbound } from '../../common/inboundActivity';

/** A GDAP relationship this flow created (status `created` until Done locks it). */
export interface AdminAccessRequest {
  relationshipId: string;
  /** Needed to delete it (If-Match). */
  etag: string;
  displayName: string;
  templateId: string;
  approvalLink: string;
  /** The existing customer's tenant; absent for a new customer (the approving tenant fills it in). */
  customerTenantId?: string;
}

/** Who acts (audited with every GDAP write). */
export interface GdapActor {
  aadObjectId?: string;
  name?: string;
  roles?: string[];
}

/** Who acts in this turn, for the audit of GDAP writes. */
export function actorOf(context: TurnContext, roles: readonly string[]): GdapActor {
  const from = inbound(context).from;
  return { aadObjectId: from?.aadObjectId, name: from?.name, roles: [...roles] };
}

export type GdapResult<T> = { ok: true; value: T } | { ok: false; error: GraphError };

export interface AdminAccessDeps {
  gdap: GdapClient;
  audit: AuditLog;
  logger: Logger;
  partnerTenantId: string;
  now: () => Date;
}

/**
 * The GDAP writes of the invite flow, each audited (who, what, relationship id, Graph request
 * id): create (a duplicate name is retried once under another name), lock for approval on Done
 * (an unknown outcome is read back), delete on Cancel or when the flow goes stale, and a sweep of
 * abandoned requests (created by this app, never locked, older than a day).
 */
/** How often one instance looks for abandoned requests (see `sweep`). */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export class AdminAccessRequests {
  private lastSweepAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: AdminAccessDeps) {}

  async create(input: {
    template: RoleTemplate;
    company?: string;
    customer?: { tenantId: string; displayName?: string };
    actor: GdapActor;
  }): Promise<GdapResult<AdminAccessRequest>> {
    const { template, actor } = input;
    for (let attempt = 1; ; attempt++) {
      const clientRequestId = randomUUID();
      const displayName = relationshipDisplayName(input.company, this.deps.now(), randomUUID());
      try {
        const created = await this.deps.gdap.createRelationship(
          {
            displayName,
            duration: template.duration,
            autoExtendDuration: template.autoExtendDuration,
            roleDefinitionIds: template.roles.map((r) => r.roleDefinitionId),
            ...(input.customer ? { customer: input.customer } : {}),
          },
          { clientRequestId },
        );
        const request: AdminAccessRequest = {
          relationshipId: created.id,
          etag: created.etag ?? '',
          displayName: created.displayName,
          templateId: template.id,
          approvalLink: this.deps.gdap.approvalLink(created.id),
          ...(input.customer ? { customerTenantId: input.customer.tenantId } : {}),
        };
        await this.audit('gdap.relationship.created', 'succeeded', actor, request, { clientRequestId });
        return { ok: true, value: request };
      } catch (err) {
        const error = asGraphError(err, 'createRelationship');
        await this.audit(
          'gdap.relationship.created',
          'failed',
          actor,
          { displayName, templateId: template.id },
          { clientRequestId, error },
        );
        // A second name clash is not retried.
        if (error.kind !== 'duplicateDisplayName' || attempt === 2) return { ok: false, error };
      }
    }
  }

  /** Locks for approval; a failure whose outcome is unknown is verified by reading the relationship. */
  async lock(request: AdminAccessRequest, actor: GdapActor): Promise<GdapResult<void>> {
    const clientRequestId = randomUUID();
    try {
      await this.deps.gdap.lockForApproval(request.relationshipId, { clientRequestId });
    } catch (err) {
      const error = asGraphError(err, 'lockForApproval');
      if (!(await this.lockedAnyway(request, error))) {
        await this.audit('gdap.relationship.locked', 'failed', actor, request, { clientRequestId, error });
        return { ok: false, error };
      }
    }
    await this.audit('gdap.relationship.locked', 'succeeded', actor, request, { clientRequestId });
    return { ok: true, value: undefined };
  }

  /** Deletes a request that was never locked (Cancel, a stale flow); failures are logged, not thrown. */
  async discard(request: AdminAccessRequest, actor: GdapActor, reason: 'cancelled' | 'stale' | 'failed') {
    const clientRequestId = randomUUID();
    try {
      await this.deps.gdap.deleteRelationship(request.relationshipId, request.etag || '*', {
        clientRequestId,
      });
    } catch (err) {
      const error = asGraphError(err, 'deleteRelationship');
      if (error.kind !== 'notFound') {
        this.deps.logger.warn({ err: error.toLogObject() }, 'GDAP request could not be deleted');
        await this.audit('gdap.relationship.deleted', 'failed', actor, request, {
          clientRequestId,
          error,
          reason,
        });
        return false;
      }
    }
    await this.audit('gdap.relationship.deleted', 'succeeded', actor, request, { clientRequestId, reason });
    return true;
  }

  /**
   * Deletes this app's abandoned requests (created, never locked, older than a day). Never throws.
   * A request is abandoned after a day, so one sweep an hour per instance finds them all in time:
   * the other flow starts skip the Graph listing.
   */
  async sweep(actor: GdapActor): Promise<number> {
    const startedAt = this.deps.now().getTime();
    if (startedAt - this.lastSweepAt < SWEEP_INTERVAL_MS) return 0;
    this.lastSweepAt = startedAt;
    try {
      const created = await this.deps.gdap.listRelationships({ status: 'created' });
      const now = this.deps.now();
      let deleted = 0;
      for (const r of created.filter((x) => isAbandonedRequest(x, now))) {
        const request = { relationshipId: r.id, etag: r.etag ?? '', displayName: r.displayName };
        if (await this.discard({ ...request, templateId: '', approvalLink: '' }, actor, 'stale')) deleted++;
      }
      return deleted;
    } catch (err) {
      this.deps.logger.warn(
        { err: asGraphError(err, 'listRelationships').toLogObject() },
        'GDAP sweep failed',
      );
      return 0;
    }
  }

  /** After a failed lock: is it locked all the same (the answer was lost)? */
  private async lockedAnyway(request: AdminAccessRequest, error: GraphError): Promise<boolean> {
    const unknownOutcome =
      error.kind === 'unavailable' || error.kind === 'unknown' || error.kind === 'throttled';
    if (!unknownOutcome && error.kind !== 'conflict') return false;
    try {
      const current = await this.deps.gdap.getRelationship(request.relationshipId);
      return current.status !== 'created';
    } catch {
      return false;
    }
  }

  private async audit(
    action: string,
    outcome: 'succeeded' | 'failed',
    actor: GdapActor,
    request: {
      relationshipId?: string;
      displayName?: string;
      templateId?: string;
      customerTenantId?: string;
    },
    extra: { clientRequestId: string; error?: GraphError; reason?: string },
  ): Promise<void> {
    try {
      await this.deps.audit.append({
        partnerTenantId: this.deps.partnerTenantId,
        action,
        outcome,
        actor,
        customer: request.customerTenantId ? { id: request.customerTenantId } : undefined,
        requestId: extra.error?.requestId,
        details: compact({
          relationshipId: request.relationshipId,
          displayName: request.displayName,
          templateId: request.templateId || undefined,
          graphRequestId: extra.error?.requestId,
          clientRequestId: extra.clientRequestId,
          reason: extra.reason,
          errorKind: extra.error?.kind,
          graphCode: extra.error?.graphCode,
        }),
      });
    } catch (err) {
      this.deps.logger.warn({ action, err: String(err) }, 'GDAP audit entry could not be written');
    }
  }
}

function asGraphError(err: unknown, operation: string): GraphError {
  if (isGraphError(err)) return err;
  return new GraphError('unknown', `Graph ${operation} failed`, { operation, cause: err });
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
