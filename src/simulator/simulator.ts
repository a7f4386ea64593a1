import { silentLogger, type Logger } from '../logging/logger';
import type {
  Customer,
  CustomerUser,
  IndirectProvider,
  PartnerRole,
  PartnerRoleMember,
  SubscribedSku,
  Subscription,
} from '../partnerCenter/types';
import type { PartnerRoleName } from '../domain/roles';
import { getSimulatorCertificates } from './certificates';
import { CustomerStore } from './customerStore';
import { FaultInjector, type FaultRule } from './faults';
import {
  INDIRECT_RESELLER_REMOVAL_DESCRIPTION,
  normalizeDomain,
  REAL_PARTNER_CENTER_API,
  SIMULATOR_ERROR_CODES,
  SIMULATOR_PAGES_PATH,
  SimulatorApiError,
  type AcceptInvitationInput,
  type CursorPage,
  type CustomerFilter,
  type ResellerRemovalMode,
  type SimulatorCustomerInput,
} from './model';
import { RequestStats } from './requestStats';
import { Roster } from './roster';
import { DEMO_CUSTOMER_COUNT, SIMULATOR_PARTNER, type RosterUser } from './seed';
import {
  WEBHOOK_EVENT_INDIRECT_RESELLER,
  WEBHOOK_EVENT_RESELLER,
  WebhookSender,
  type PartnerCenterWebhookEvent,
  type WebhookDeliveryResult,
} from './webhooks';
import { WebhookRegistry } from './webhookRegistry';

// Names tests have always imported from here (the rest: ./index, ./model, ./webhooks).
export { SimulatorApiError, type SimulatorCustomerInput } from './model';
export type { PartnerCenterWebhookEvent } from './webhooks';

export interface PartnerCenterSimulatorOptions {
  /** Public origin of the host server, used in links (default http://localhost:3978). */
  publicBaseUrl?: string;
  /** Number of customers; the first 60 are hand-written demo companies, more are generated. Default 60. */
  customers?: number;
  /** Where signed webhook events are POSTed (none when undefined). Can be set later. */
  webhookUrl?: string;
  /** Role of partner users not on the roster (default 'AdminAgent'). */
  defaultRole?: PartnerRoleName;
  /** Seed of the demo data (default 1): the same seed gives the same customers, ids included. */
  seed?: number | string;
  logger?: Logger;
  faults?: FaultRule[];
  /** Waits between webhook attempts (default [500, 2000, 5000]: 4 attempts). */
  webhookRetryDelaysMs?: number[];
  /** Per-attempt timeout of a webhook POST (default 5000). */
  webhookTimeoutMs?: number;
  /** `provider-only`: the partner's own removal is refused as for an indirect reseller (default `allowed`). */
  resellerRemoval?: ResellerRemovalMode;
}

export interface AcceptInvitationResult {
  customer: Customer;
  /** True when a customer that had removed us accepted again (same id). */
  reactivated: boolean;
  event: PartnerCenterWebhookEvent;
  /** Settles when the webhook was delivered or given up (never rejects). */
  webhook: Promise<WebhookDeliveryResult>;
}

const DOMAIN_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})+$`);

/**
 * The in-memory Partner Center. Create with `createPartnerCenterSimulator`, expose over HTTP with
 * `registerSimulatorRoutes`. All state is lost when the process ends.
 *
 * Its parts: `customers` (customers, subscriptions, users, licenses), `roster` (partner staff and
 * roles), `webhooks` (the signed event sender), `faults` (fault injection), `stats` (requests
 * seen). The methods below are the simulator's long-standing surface over them.
 */
export class PartnerCenterSimulator {
  readonly partner = SIMULATOR_PARTNER;
  publicBaseUrl: string;
  readonly defaultRole: PartnerRoleName;
  readonly faults: FaultInjector;
  readonly logger: Logger;
  readonly customers: CustomerStore;
  readonly roster: Roster;
  readonly webhooks: WebhookSender;
  /** Partner Center's webhook registration (URL, events, test events). */
  readonly webhookRegistry: WebhookRegistry;
  readonly stats = new RequestStats();
  /** Who may remove a reseller relationship (SIMULATOR_RESELLER_REMOVAL); tests may switch it. */
  resellerRemoval: ResellerRemovalMode;

  constructor(options: PartnerCenterSimulatorOptions = {}) {
    this.resellerRemoval = options.resellerRemoval ?? 'allowed';
    this.publicBaseUrl = (options.publicBaseUrl ?? 'http://localhost:3978').replace(/\/+$/, '');
    this.defaultRole = options.defaultRole ?? 'AdminAgent';
    const seed = options.seed ?? 1;
    this.logger = options.logger ?? silentLogger();
    this.faults = new FaultInjector(seed, options.faults ?? []);
    this.customers = new CustomerStore(seed);
    this.roster = new Roster(this.defaultRole, this.partner.domain);
    this.webhooks = new WebhookSender({
      logger: this.logger,
      url: options.webhookUrl,
      certificateUrl: () => this.certificateUrl,
      retryDelaysMs: options.webhookRetryDelaysMs,
      timeoutMs: options.webhookTimeoutMs,
    });
    this.webhookRegistry = new WebhookRegistry(this.webhooks, this.partner.tenantId);
    this.customers.addGeneratedCustomers(Math.max(0, Math.floor(options.customers ?? DEMO_CUSTOMER_COUNT)));
    getSimulatorCertificates(); // generate (or reuse) the certificates now, not on the first webhook
  }

  get providers(): readonly IndirectProvider[] {
    return this.customers.providers;
  }

  // ------------------------------------------------------------ certificates

  get trustedRootPem(): string {
    return getSimulatorCertificates().rootPem;
  }

  get leafCertificatePem(): string {
    return getSimulatorCertificates().leafPem;
  }

  /** Where the webhook certificate is served (the X-MS-Certificate-Url header). */
  get certificateUrl(): string {
    return `${this.publicBaseUrl}${SIMULATOR_PAGES_PATH}/certs/webhook.cer`;
  }

  /** The host's public origin, when it is only known after listening (port 0). */
  setPublicBaseUrl(url: string): void {
    this.publicBaseUrl = url.replace(/\/+$/, '');
  }

  // --------------------------------------------------------------- customers

  /** Adds `count` deterministic generated customers (demo companies first). */
  addGeneratedCustomers(count: number): Customer[] {
    return this.customers.addGeneratedCustomers(count);
  }
  /** Adds one customer as described (tests). Throws SimulatorApiError 409 if the domain is taken. */
  addCustomer(input: SimulatorCustomerInput): Customer {
    return this.customers.addCustomer(input);
  }
  /** Number of customers with a reseller relationship. */
  customerCount(): number {
    return this.customers.customerCount();
  }
  /** Every current customer (list order). */
  listCustomers(): Customer[] {
    return this.customers.listCustomers();
  }
  /** A page of current customers from `cursor` (a position in the stable list order). */
  pageCustomers(cursor: number, size: number, filter?: CustomerFilter): CursorPage<Customer> {
    return this.customers.pageCustomers(cursor, size, filter);
  }
  /** A current customer with details; SimulatorApiError 404 otherwise. */
  getCustomer(id: string): Customer {
    return this.customers.getCustomer(id);
  }
  /** The customer record even after removal (tests). */
  findCustomer(id: string): Customer | undefined {
    return this.customers.findCustomer(id);
  }
  findCustomerByDomain(domain: string): Customer | undefined {
    return this.customers.findCustomerByDomain(domain);
  }
  listSubscriptions(customerId: string): Subscription[] {
    return this.customers.listSubscriptions(customerId);
  }
  getSubscription(customerId: string, subscriptionId: string): Subscription {
    return this.customers.getSubscription(customerId, subscriptionId);
  }
  /** Sets status to 'suspended' (already suspended: unchanged, no error). */
  suspendSubscription(customerId: string, subscriptionId: string): Subscription {
    return this.customers.suspendSubscription(customerId, subscriptionId);
  }
  /** Users, paged by position; 403-style error without delegated access. */
  pageUsers(customerId: string, cursor: number, size: number): CursorPage<CustomerUser> {
    return this.customers.pageUsers(customerId, cursor, size);
  }
  listSubscribedSkus(customerId: string): SubscribedSku[] {
    return this.customers.listSubscribedSkus(customerId);
  }
  /** Partner relationships of a customer: the indirect providers serving it. */
  listCustomerRelationships(customerId: string): IndirectProvider[] {
    return this.customers.listCustomerRelationships(customerId);
  }
  /** Sets allowDelegatedAccess (PATCH allowDelegatedAccess=false in Partner Center). */
  setDelegatedAccess(customerId: string, allow: boolean): Customer {
    return this.customers.setDelegatedAccess(customerId, allow);
  }
  /**
   * The partner removes the reseller relationship (PATCH relationshipToPartner none), like Partner
   * Center (see CustomerStore.removeRelationship). In `provider-only` mode an existing relationship
   * is refused with 403 / 1002 (see SIMULATOR_ERROR_CODES.indirectResellerRemoval).
   */
  removeRelationship(customerId: string): Customer {
    if (
      this.resellerRemoval === 'provider-only' &&
      this.customers.findCustomer(customerId)?.relationshipToPartner === 'reseller'
    ) {
      throw new SimulatorApiError(
        403,
        SIMULATOR_ERROR_CODES.indirectResellerRemoval,
        INDIRECT_RESELLER_REMOVAL_DESCRIPTION,
      );
    }
    return this.customers.removeRelationship(customerId);
  }
  /** The indirect provider removes the relationship for the reseller (in any mode): the request was heard. */
  removeRelationshipAsProvider(customerId: string): Customer {
    return this.customers.removeRelationship(customerId);
  }
  /** An indirect provider of the partner; SimulatorApiError `status` (404 or 400) otherwise. */
  requireProvider(id: string, status = 404): IndirectProvider {
    return this.customers.requireProvider(id, status);
  }

  // ------------------------------------------------------------- invitations

  /** The personalized link Partner Center would return; 400 for a provider that is not ours. */
  relationshipRequestUrl(indirectProviderId?: string): string {
    const params = new URLSearchParams({
      invType: 'ResellerRelationship',
      partnerId: this.partner.tenantId,
      msppId: '0',
      DAP: 'false',
    });
    if (indirectProviderId !== undefined) {
      this.requireProvider(indirectProviderId, 400);
      params.set('indirectCSPId', indirectProviderId);
    }
    return `${this.publicBaseUrl}${SIMULATOR_PAGES_PATH}/accept?${params.toString()}`;
  }

  /** The customer's global admin accepts: creates (or re-activates) the customer and sends the webhook. */
  acceptInvitation(input: AcceptInvitationInput): AcceptInvitationResult {
    const companyName = input.companyName.trim();
    if (companyName.length < 1 || companyName.length > 256) {
      throw new SimulatorApiError(
        400,
        SIMULATOR_ERROR_CODES.invalidInput,
        'Enter a company name (up to 256 characters).',
      );
    }
    const domain = normalizeDomain(input.domain);
    if (!DOMAIN.test(domain) || domain.length > 253) {
      throw new SimulatorApiError(
        400,
        SIMULATOR_ERROR_CODES.invalidInput,
        `"${input.domain}" is not a valid domain.`,
      );
    }
    const provider =
      input.indirectProviderId !== undefined
        ? this.requireProvider(input.indirectProviderId, 400)
        : undefined;
    const { customer, reactivated } = this.customers.accept(companyName, domain, provider, this.partner.name);
    const event: PartnerCenterWebhookEvent = {
      EventName: provider ? WEBHOOK_EVENT_INDIRECT_RESELLER : WEBHOOK_EVENT_RESELLER,
      ResourceUri: `${REAL_PARTNER_CENTER_API}/v1/customers/${customer.id}`,
      ResourceName: 'Customer',
      AuditUri: `${REAL_PARTNER_CENTER_API}/v1/auditrecords?filter=${encodeURIComponent(JSON.stringify({ Field: 'CustomerId', Value: customer.id, Operator: 'equals' }))}`,
      ResourceChangeUtcDate: new Date().toISOString(),
    };
    this.logger.info(
      { customerId: customer.id, eventName: event.EventName, reactivated },
      'simulator: customer accepted the reseller relationship',
    );
    return { customer, reactivated, event, webhook: this.emitWebhook(event) };
  }

  // ---------------------------------------------------------------- webhooks

  get webhookUrl(): string | undefined {
    return this.webhooks.url;
  }
  /** Point webhooks somewhere else (e.g. once the host server knows its port), or nowhere. */
  setWebhookUrl(url: string | undefined): void {
    this.webhooks.setUrl(url);
  }
  /** Signature headers for a raw body, as Partner Center sends them. */
  signWebhookBody(raw: Buffer): Record<string, string> {
    return this.webhooks.sign(raw);
  }
  /** POSTs a signed event in the background with retries; settles with the outcome, never rejects. */
  emitWebhook(
    event: Partial<PartnerCenterWebhookEvent> & { EventName: string },
  ): Promise<WebhookDeliveryResult> {
    return this.webhooks.send(event);
  }
  /** Resolves when no webhook delivery is in flight. */
  whenIdle(): Promise<void> {
    return this.webhooks.whenIdle();
  }
  /** Stops webhook retries and waits for in-flight deliveries. */
  close(): Promise<void> {
    return this.webhooks.close();
  }

  // ------------------------------------------------------------------- roles

  listRoles(): PartnerRole[] {
    return this.roster.listRoles();
  }
  /** Members of a role; SimulatorApiError 404 for an unknown role. */
  listRoleMembers(roleId: string): PartnerRoleMember[] {
    return this.roster.listRoleMembers(roleId);
  }
  /** Roles of a partner user: from the roster, or `[defaultRole]` for anyone else. */
  rolesOf(aadObjectId: string): PartnerRoleName[] {
    return this.roster.rolesOf(aadObjectId);
  }
  /** Whether a user is on the roster (rather than getting the default role). */
  isKnownUser(aadObjectId: string): boolean {
    return this.roster.isKnownUser(aadObjectId);
  }
  /** Puts a user on the roster (with `defaultRole` unless roles are given), so the roles API lists them. */
  ensureRosterUser(user: Parameters<Roster['ensureRosterUser']>[0]): RosterUser {
    return this.roster.ensureRosterUser(user);
  }
  rosterUsers(): RosterUser[] {
    return this.roster.rosterUsers();
  }

  // ------------------------------------------------------------ faults, stats

  setFaults(rules: readonly FaultRule[]): void {
    this.faults.set(rules);
  }
  clearFaults(): void {
    this.faults.clear();
  }
  /** Called by the routes for every API request (before faults). */
  recordRequest(routeKey: string, requestId: string | undefined): void {
    this.stats.record(routeKey, requestId);
  }
  /** Requests seen for a route key ('GET /v1/customers'), or for all routes. */
  requestCount(routeKey?: string): number {
    return this.stats.count(routeKey);
  }
  /** MS-RequestId headers seen for a route key, oldest first (last 1000). */
  seenRequestIds(routeKey: string): string[] {
    return this.stats.requestIds(routeKey);
  }
  /** Per route: count. */
  requestStats(): Record<string, number> {
    return this.stats.byRoute();
  }
  resetStats(): void {
    this.stats.reset();
  }
}

export function createPartnerCenterSimulator(
  options: PartnerCenterSimulatorOptions = {},
): PartnerCenterSimulator {
  return new PartnerCenterSimulator(options);
}
