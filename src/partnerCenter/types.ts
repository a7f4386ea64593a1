/**
 * Domain types of the Partner Center client: plain TypeScript, independent of the wire format
 * (the HTTP client maps Partner Center's JSON, whatever its casing, onto these).
 */

/** 'reseller' for customers we do business with; 'none' after the relationship was removed. */
export type RelationshipToPartner = 'reseller' | 'advisor' | 'none' | (string & {});

export interface CustomerAddress {
  country?: string;
  region?: string;
  city?: string;
  state?: string;
  addressLine1?: string;
  addressLine2?: string;
  postalCode?: string;
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
}

export interface CustomerBillingProfile {
  firstName?: string;
  lastName?: string;
  email?: string;
  culture?: string;
  language?: string;
  companyName?: string;
}

export interface Customer {
  /** Partner Center customer id (a GUID; equal to the tenant id for most customers). */
  id: string;
  companyName: string;
  /** The customer's default domain (e.g. contoso.onmicrosoft.com). */
  domain: string;
  tenantId: string;
  relationshipToPartner: RelationshipToPartner;
  /** Only in `getCustomer` answers: whether the partner holds delegated admin privileges (DAP). */
  allowDelegatedAccess?: boolean;
  /** Only in `getCustomer` answers. */
  customDomains?: string[];
  /** Only in `getCustomer` answers. */
  email?: string;
  /** Only in `getCustomer` answers. */
  address?: CustomerAddress;
  /** Only in `getCustomer` answers. */
  billingProfile?: CustomerBillingProfile;
}

export type SubscriptionStatus = 'active' | 'suspended' | 'deleted' | 'expired' | 'pending' | (string & {});

export interface Subscription {
  id: string;
  offerId: string;
  offerName: string;
  friendlyName: string;
  quantity: number;
  unitType?: string;
  status: SubscriptionStatus;
  autoRenewEnabled: boolean;
  billingCycle?: string;
  termDuration?: string;
  /** ISO date-time. */
  commitmentEndDate?: string;
  /** ISO date-time. */
  creationDate?: string;
  partnerId?: string;
  /** Partner Center's `productType.id`, e.g. `OnlineServicesNCE` for new commerce. */
  productType?: string;
  /** ISO date-time: the start of the current term. */
  effectiveStartDate?: string;
  /** ISO date-time: the last moment the subscription can be cancelled in this term (new commerce). */
  cancellationAllowedUntilDate?: string;
  /** The promotion applied to the subscription, if any. */
  promotionId?: string;
}

export interface CustomerUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  firstName?: string;
  lastName?: string;
  usageLocation?: string;
  state?: string;
}

export interface ProductSku {
  id: string;
  name: string;
  skuPartNumber: string;
  targetType?: string;
}

export interface ServicePlan {
  id: string;
  displayName: string;
  serviceName: string;
  capabilityStatus: string;
  targetType?: string;
}

export interface SubscribedSku {
  availableUnits: number;
  activeUnits: number;
  consumedUnits: number;
  suspendedUnits: number;
  totalUnits: number;
  warningUnits: number;
  capabilityStatus?: string;
  productSku: ProductSku;
  servicePlans: ServicePlan[];
}

/** An indirect provider (distributor) of the signed-in indirect reseller. */
export interface IndirectProvider {
  /** The provider's Partner Center tenant id: use it as `indirectCloudSolutionProviderId`. */
  id: string;
  name: string;
  mpnId: string;
  location: string;
  state: string;
  relationshipType?: string;
}

/** A partner relationship of one customer (e.g. the indirect provider that also serves it). */
export interface CustomerRelationship {
  id: string;
  name: string;
  relationshipType: string;
  state?: string;
  mpnId?: string;
  location?: string;
}

export interface RelationshipRequestLink {
  /** Use as it is; never assemble it by hand. */
  url: string;
}

export interface RemoveRelationshipResult {
  customerId: string;
  relationshipToPartner: RelationshipToPartner;
  /** Whether DAP remains, when Partner Center's answer says so. */
  allowDelegatedAccess?: boolean;
}

/** A Partner Center role (`GET /v1/roles`), e.g. "Admin Agents". */
export interface PartnerRole {
  id: string;
  name: string;
}

/** A member of a Partner Center role (`GET /v1/roles/{id}/usermembers`). */
export interface PartnerRoleMember {
  /** The user's AAD object id in the partner tenant. */
  id: string;
  displayName: string;
  userPrincipalName: string;
  roleId?: string;
}

export interface Page<T> {
  items: T[];
  /** As reported by the service: the number of matching items (the simulator reports all pages). */
  totalCount: number;
  /**
   * Opaque token for the next page; absent on the last page. Pass it back unchanged. It is safe to
   * round-trip through card data: the client validates it before use.
   */
  continuation?: string;
}

export interface PageRequest {
  /** 1..500 */
  size: number;
  continuation?: string;
}

export type CustomerSearchField = 'CompanyName' | 'Domain';

export interface CustomerSearch {
  field: CustomerSearchField;
  /** Case-insensitive prefix ("starts_with"). */
  prefix: string;
  /** Page size 1..500; omitted or 0 = the service's default page (500 in the simulator). */
  size?: number;
  continuation?: string;
}
