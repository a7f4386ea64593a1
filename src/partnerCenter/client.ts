import type {
  Customer,
  CustomerRelationship,
  CustomerSearch,
  CustomerUser,
  IndirectProvider,
  Page,
  PageRequest,
  PartnerRole,
  PartnerRoleMember,
  RelationshipRequestLink,
  RemoveRelationshipResult,
  SubscribedSku,
  Subscription,
} from './types';

/** Which kind of token a call is made with (Partner Center: "App-only" or "App+User"). */
export type AuthKind = 'app' | 'user';

/** Per-call context. Build a fresh one per bot turn. */
export interface CallContext {
  /** The user's locale (sent as X-Locale); default en-US. */
  locale?: string;
  /** Sent as MS-CorrelationId; a new GUID per call when absent. Use the turn's activity id for tracing. */
  correlationId?: string;
  /**
   * Sent as MS-RequestId (a GUID), the same on every retry of this call; a new GUID when absent.
   * Callers that audit an operation pass their own, so the audit names the request Partner Center saw.
   */
  requestId?: string;
  /** 'user' for App+User endpoints (link, providers, users, licenses, removal); 'app' otherwise. */
  auth: AuthKind;
  /**
   * The signed-in user's Partner Center token, or a function producing it. Read by
   * `DelegatedTokenProvider` (other providers ignore it). Never logged.
   */
  userToken?: string | (() => Promise<string | undefined>);
  /**
   * Epoch ms by which the call must be answered, retries and waits included (the turn's deadline:
   * Teams wants an invoke answered within ~10 s). No attempt starts after it; an attempt's timeout
   * is cut to what is left. Absent: the transport's own limits only.
   */
  deadline?: number;
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
}

/** Supplies bearer tokens. Implementations: StaticTokenProvider, MsalAppOnlyTokenProvider, DelegatedTokenProvider. */
export interface TokenProvider {
  /** Resolves a bearer token (without the "Bearer " prefix). Rejects with PartnerCenterError kind 'unauthorized'. */
  getToken(kind: AuthKind, ctx: CallContext): Promise<string>;
}

/**
 * The Partner Center operations this app uses. Every method rejects with `PartnerCenterError`
 * (see errors.ts for the `kind`s). Ids must be GUID-like (letters, digits, '-'); anything else is
 * refused with kind 'bad_request' before a request is sent.
 */
export interface PartnerCenterClient {
  /** One page of customers (`GET /v1/customers?size=N`), size 1..500. App-only or App+User. */
  listCustomersPage(request: PageRequest, ctx: CallContext): Promise<Page<Customer>>;
  /** Every customer, page by page (500 per page). */
  iterateCustomers(ctx: CallContext): AsyncIterable<Customer>;
  /** Case-insensitive prefix search on company name or default domain. Continue with `continuation`. */
  searchCustomers(search: CustomerSearch, ctx: CallContext): Promise<Page<Customer>>;
  /** Details incl. allowDelegatedAccess, customDomains, address. 'not_found' when not (or no longer) ours. */
  getCustomer(customerId: string, ctx: CallContext): Promise<Customer>;
  listSubscriptions(customerId: string, ctx: CallContext): Promise<Subscription[]>;
  /** App+User. 'no_delegated_access' without DAP/GDAP. */
  listUsers(customerId: string, request: PageRequest, ctx: CallContext): Promise<Page<CustomerUser>>;
  /** App+User. 'no_delegated_access' without DAP/GDAP. */
  listSubscribedSkus(customerId: string, ctx: CallContext): Promise<SubscribedSku[]>;
  /** App+User. With a provider id: the link asks the customer to accept reseller AND provider. */
  getRelationshipRequestLink(
    options: { indirectCloudSolutionProviderId?: string },
    ctx: CallContext,
  ): Promise<RelationshipRequestLink>;
  /** App+User. The indirect providers the reseller buys through. */
  listIndirectProviders(ctx: CallContext): Promise<IndirectProvider[]>;
  /** Partner relationships of one customer (empty when none). */
  listCustomerRelationships(customerId: string, ctx: CallContext): Promise<CustomerRelationship[]>;
  /**
   * App+User. `PATCH /v1/customers/{id}` relationshipToPartner=none. 'precondition' while active
   * subscriptions (etc.) exist; 'relationship_not_found' when already removed. Safe to call again.
   */
  removeResellerRelationship(customerId: string, ctx: CallContext): Promise<RemoveRelationshipResult>;
  /** Sets a subscription's status to suspended (idempotent). */
  suspendSubscription(customerId: string, subscriptionId: string, ctx: CallContext): Promise<Subscription>;
  /** `GET /v1/roles`. */
  listRoles(ctx: CallContext): Promise<PartnerRole[]>;
  /** `GET /v1/roles/{id}/usermembers`, all pages. */
  listRoleMembers(roleId: string, ctx: CallContext): Promise<PartnerRoleMember[]>;
}

/** Partner Center's page size limit. */
export const MAX_PAGE_SIZE = 500;
