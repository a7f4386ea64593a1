/** The seed's three ways new customers come in. */
export const ACQUISITION_CHANNELS = ['ownMarketing', 'microsoftReferral', 'indirectProvider'] as const;
export type AcquisitionChannel = (typeof ACQUISITION_CHANNELS)[number];

/**
 * "Request a reseller relationship" (just us), "Invite new customers" (us and an indirect
 * provider), or admin access alone for an existing customer (a GDAP request, no reseller link).
 */
export type InvitationKind = 'reseller' | 'indirectReseller' | 'adminAccess';

export type InvitationStatus = 'pending' | 'accepted' | 'expired';

export interface Invitation {
  /** Also the idempotency key: the flow id of the invite dialog, so a double "Done" stores one. */
  id: string;
  partnerTenantId: string;
  kind: InvitationKind;
  provider?: { id: string; name: string };
  customer?: { companyName?: string; contactEmail?: string };
  channel?: AcquisitionChannel;
  /** The personalized link exactly as Partner Center returned it. */
  link: string;
  emailSubject?: string;
  createdBy: { aadObjectId: string; name?: string };
  /** Conversation to notify (the conversations container id) and the reference itself. */
  conversationId: string;
  conversationReference: Record<string, unknown>;
  locale?: string;
  status: InvitationStatus;
  createdAt: string;
  updatedAt: string;
  acceptedAt?: string;
  acceptedCustomer?: { id: string; companyName?: string; domain?: string };
  remindedAt?: string;
  expiredAt?: string;
  /** GDAP: the delegated admin relationship requested with this invitation (Graph id). */
  relationshipId?: string;
  /** GDAP: the role template the relationship was created from. */
  templateId?: string;
  /** GDAP: the customer's tenant (an existing customer's, or recorded when the customer approved). */
  customerTenantId?: string;
  /** GDAP: what became of the admin-access request (set by the approval processing). */
  adminAccess?: { status: 'active' | 'expired' | 'terminated'; at: string };
}

export interface InvitationQuery {
  status?: InvitationStatus;
  createdBy?: string;
  /** Only the invitation(s) that requested this GDAP relationship. */
  relationshipId?: string;
  /** Only invitations that requested a GDAP relationship. */
  withRelationship?: boolean;
  /** Newest first; continue with the returned token. */
  limit: number;
  continuation?: string;
}

export interface InvitationRepository {
  /** Creates the invitation; if one with the same id exists, returns that one (`created: false`). */
  create(invitation: Invitation): Promise<{ invitation: Invitation; created: boolean }>;
  get(partnerTenantId: string, id: string): Promise<Invitation | undefined>;
  /** Newest first, single partition. */
  list(
    partnerTenantId: string,
    query: InvitationQuery,
  ): Promise<{ items: Invitation[]; continuation?: string }>;
  /**
   * Read-modify-write guarded by ETag: `change` gets the current invitation and returns the new
   * one, or undefined to leave it; retried on a concurrent change. Returns the stored result.
   */
  update(
    partnerTenantId: string,
    id: string,
    change: (current: Invitation) => Invitation | undefined,
  ): Promise<Invitation | undefined>;
}
