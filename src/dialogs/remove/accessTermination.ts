import type { AccessRelationship, AccessView } from '../../cards/removeAccessCards';
import { isGraphError, type GdapCallOptions, type GdapClient, type GraphError } from '../../graph';
import type { DelegatedAdminRelationship } from '../../graph';
import type { Logger } from '../../logging/logger';

/**
 * Reading a customer's admin access (GDAP relationships) and ending it, relationship by
 * relationship. A terminate whose outcome is unknown (5xx, timeout, dropped answer) is settled by
 * reading the relationship back: ended, still active (not ended), or — when that read fails too —
 * unconfirmed. A relationship that ended meanwhile (409/404 on terminate, read back as ended)
 * counts as ended: a second click never ends anything twice.
 */

/** Statuses in which the partner holds (or is about to hold) admin access that can be ended. */
export const ACTIVE_ACCESS_STATUSES: readonly string[] = ['approved', 'activating', 'active', 'expiring'];
/** Statuses after which the relationship gives no access any more (or is on its way out). */
const ENDED_STATUSES: readonly string[] = ['terminationRequested', 'terminating', 'terminated', 'expired'];

export interface EndedRelationship {
  id: string;
  name: string;
  /** The terminate's outcome was unknown; reading back showed it ended. */
  verified?: boolean;
  /** It had already ended (or was ending) before this click. */
  already?: boolean;
}

export interface RelationshipFailure {
  id: string;
  name: string;
  errorKind: string;
  status?: number;
  requestId?: string;
  /** The terminate's outcome was unknown; reading back showed it still active. */
  verified?: boolean;
}

/** What ending the selected relationships did, relationship by relationship. */
export interface TerminationResult {
  ended: EndedRelationship[];
  notEnded: RelationshipFailure[];
  /** The terminate's outcome was unknown and reading back failed too. */
  unconfirmed: RelationshipFailure[];
  /** The last Graph error (for the sentence on the card). */
  lastError?: GraphError;
}

function snapshot(r: DelegatedAdminRelationship): AccessRelationship {
  const s: AccessRelationship = {
    id: r.id,
    displayName: r.displayName,
    status: r.status,
    roleDefinitionIds: [...r.roleDefinitionIds],
  };
  if (r.endDateTime) s.endDateTime = r.endDateTime;
  return s;
}

/** The customer's relationships that currently give admin access; `{ok:false}` when Graph fails. */
export async function readAdminAccess(
  gdap: Pick<GdapClient, 'listRelationships'>,
  customerTenantId: string,
  logger: Logger,
  options: GdapCallOptions = {},
): Promise<AccessView> {
  try {
    const all = await gdap.listRelationships({ customerTenantId }, options);
    return {
      ok: true,
      relationships: all.filter((r) => ACTIVE_ACCESS_STATUSES.includes(r.status)).map(snapshot),
    };
  } catch (err) {
    if (!isGraphError(err)) throw err;
    logger.warn({ error: err.toLogObject() }, 'removal: admin access not readable');
    return { ok: false };
  }
}

function failureOf(r: AccessRelationship, err: GraphError, verified?: boolean): RelationshipFailure {
  const f: RelationshipFailure = { id: r.id, name: r.displayName || r.id, errorKind: err.kind };
  if (err.status !== undefined) f.status = err.status;
  if (err.requestId) f.requestId = err.requestId;
  if (verified) f.verified = true;
  return f;
}

/** Ends each relationship on its own (never two at once: Graph throttles per tenant). */
export async function terminateRelationships(
  gdap: Pick<GdapClient, 'terminate' | 'getRelationship'>,
  relationships: readonly AccessRelationship[],
  options: GdapCallOptions = {},
): Promise<TerminationResult> {
  const result: TerminationResult = { ended: [], notEnded: [], unconfirmed: [] };
  for (const r of relationships) {
    const name = r.displayName || r.id;
    try {
      await gdap.terminate(r.id, options);
      result.ended.push({ id: r.id, name });
      continue;
    } catch (err) {
      if (!isGraphError(err)) throw err;
      result.lastError = err;
      const unknown = err.kind === 'unavailable' || err.kind === 'unknown';
      const maybeEnded = err.kind === 'conflict' || err.kind === 'notFound';
      if (!unknown && !maybeEnded) {
        result.notEnded.push(failureOf(r, err));
        continue;
      }
      // Settle it by reading the relationship back.
      let status: string | undefined;
      try {
        status = (await gdap.getRelationship(r.id, options)).status;
      } catch (readErr) {
        if (!isGraphError(readErr)) throw readErr;
        if (readErr.kind === 'notFound') status = 'terminated';
      }
      if (status !== undefined && ENDED_STATUSES.includes(status)) {
        result.ended.push(unknown ? { id: r.id, name, verified: true } : { id: r.id, name, already: true });
      } else if (status === undefined && unknown) {
        result.unconfirmed.push(failureOf(r, err));
      } else {
        result.notEnded.push(failureOf(r, err, unknown));
      }
    }
  }
  return result;
}
