/** Microsoft Graph GDAP resources, as the app uses them (camelCase like the wire, etag included). */

export const RELATIONSHIP_STATUSES = [
  'created',
  'approvalPending',
  'approved',
  'activating',
  'active',
  'expiring',
  'expired',
  'terminationRequested',
  'terminating',
  'terminated',
] as const;

/** Graph's delegatedAdminRelationshipStatus; values Graph adds later arrive as 'unknownFutureValue'. */
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number] | 'unknownFutureValue';

export interface RelationshipCustomer {
  tenantId?: string;
  displayName?: string;
}

export interface DelegatedAdminRelationship {
  id: string;
  /** `@odata.etag`: needed to delete (If-Match). */
  etag?: string;
  displayName: string;
  /** ISO 8601 duration, e.g. P730D. */
  duration: string;
  /** PT0S / P0D (no extension) or P180D. */
  autoExtendDuration: string;
  status: RelationshipStatus;
  customer?: RelationshipCustomer;
  roleDefinitionIds: string[];
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  activatedDateTime?: string;
  endDateTime?: string;
  /** Set for a resellerDelegatedAdminRelationship (created for an indirect reseller by its provider). */
  indirectProviderTenantId?: string;
}

export type RelationshipRequestAction = 'lockForApproval' | 'terminate';

export interface RelationshipRequest {
  id: string;
  action: string;
  /** created, pending, succeeded, failed. */
  status: string;
  createdDateTime?: string;
}

export type AccessAssignmentStatus =
  'pending' | 'active' | 'deleting' | 'deleted' | 'error' | 'unknownFutureValue';

export interface AccessAssignment {
  id: string;
  etag?: string;
  status: AccessAssignmentStatus;
  /** Object id of the partner's security group. */
  securityGroupId: string;
  roleDefinitionIds: string[];
  createdDateTime?: string;
  lastModifiedDateTime?: string;
}

export interface CreateRelationshipInput {
  /** ≤ 50 characters, unique across all the partner's relationships. */
  displayName: string;
  /** P1D … P2Y. */
  duration: string;
  roleDefinitionIds: readonly string[];
  /** Default PT0S. */
  autoExtendDuration?: string;
  /** Omit for a customer not known yet (the approving tenant fills it in). */
  customer?: { tenantId: string; displayName?: string };
}

export interface CreateAccessAssignmentInput {
  securityGroupId: string;
  roleDefinitionIds: readonly string[];
}

export interface RelationshipFilter {
  customerTenantId?: string;
  status?: RelationshipStatus;
  displayName?: string;
}
