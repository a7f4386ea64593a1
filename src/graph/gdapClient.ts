import type {
  AccessAssignment,
  CreateAccessAssignmentInput,
  CreateRelationshipInput,
  DelegatedAdminRelationship,
  RelationshipFilter,
  RelationshipRequest,
} from './types';

/** Per-call options. */
export interface GdapCallOptions {
  /** Epoch ms by which the call (retries and waits included) must be answered, e.g. a turn's. */
  deadline?: number;
  /** Cancels the call and its retries. */
  signal?: AbortSignal;
  /** Sent as `client-request-id` (a GUID), the same on every retry; a new one when absent. */
  clientRequestId?: string;
}

/**
 * Microsoft Graph GDAP operations (`/tenantRelationships/delegatedAdminRelationships`), app-only.
 * Every method rejects with `GraphError` (see errors.ts for the kinds).
 */
export interface GdapClient {
  /** `POST …/delegatedAdminRelationships` → status `created`, with its etag. */
  createRelationship(
    input: CreateRelationshipInput,
    options?: GdapCallOptions,
  ): Promise<DelegatedAdminRelationship>;
  /** `POST …/{id}/requests {action:'lockForApproval'}`: `created` → `approvalPending`. */
  lockForApproval(relationshipId: string, options?: GdapCallOptions): Promise<RelationshipRequest>;
  /** `POST …/{id}/requests {action:'terminate'}`: ends an `active` relationship. */
  terminate(relationshipId: string, options?: GdapCallOptions): Promise<RelationshipRequest>;
  getRelationship(relationshipId: string, options?: GdapCallOptions): Promise<DelegatedAdminRelationship>;
  /** Every matching relationship, following `@odata.nextLink`. */
  listRelationships(
    filter?: RelationshipFilter,
    options?: GdapCallOptions,
  ): Promise<DelegatedAdminRelationship[]>;
  /** `DELETE …/{id}` with `If-Match`; only a `created` relationship can be deleted. */
  deleteRelationship(relationshipId: string, etag: string, options?: GdapCallOptions): Promise<void>;
  /** `POST …/{id}/accessAssignments` (relationship `active`; roles ⊆ the relationship's). */
  createAccessAssignment(
    relationshipId: string,
    input: CreateAccessAssignmentInput,
    options?: GdapCallOptions,
  ): Promise<AccessAssignment>;
  listAccessAssignments(relationshipId: string, options?: GdapCallOptions): Promise<AccessAssignment[]>;
  /** The link the customer's Global admin opens to approve (the partner sends it). */
  approvalLink(relationshipId: string): string;
}

/** Microsoft 365 admin center's approval page for a GDAP request. */
export function adminCenterApprovalLink(relationshipId: string): string {
  return `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${encodeURIComponent(relationshipId)}`;
}
