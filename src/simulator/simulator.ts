import { randomUUID } from 'node:crypto';
import { silentLogger, type Logger } from '../logging/logger';
import type {
  Customer,
  CustomerAddress,
  CustomerUser,
  IndirectProvider,
  PartnerRole,
  PartnerRoleMember,
  SubscribedSku,
  Subscription,
} from '../partnerCenter/types';
import type { PartnerRoleName } from '../domain/roles';
import { getSimulatorCertificates, signWithLeaf } from './certificates';
import { FaultInjector, type FaultRule } from './faults';
import { createRng, type Rng } from './random';
import {
  buildSubscription,
  buildUsers,
  DEMO_CUSTOMER_COUNT,
  deriveSubscribedSkus,
  generateSeedCustomers,
  SIMULATOR_PARTNER,
  SIMULATOR_PROVIDERS,
  SIMULATOR_ROLE_IDS,
  SIMULATOR_ROLES,
  SIMULATOR_ROSTER,
  type RosterUser,
  type SeedCustomerDetails,
  type SubscriptionInput,
} from './seed';

/** Path of the customer-facing pages (accept page, certificates, admin) on the host server. */
export const SIMULATOR_PAGES_PATH = '/simulator';
/** Default mount path of the simulated API on the host server. */
export const SIMULATOR_API_BASE_PATH = '/simulator/partner-center';
/** The real API host, used in webhook ResourceUris exactly as Partner Center sends them. */
const REAL_API = 'https://api.partnercenter.microsoft.com';

/** Error codes the simulator answers with (body `{code, description, data: [], source: 'PartnerFD'}`). */
export const SIMULATOR_ERROR_CODES = {
  /** 400: malformed request, page size, unknown filter, unknown provider. */
  invalidInput: 1000,
  /** 401: no Authorization header. */
  unauthorized: 1002,
  /** 404: customer / subscription / role not found (or not ours any more). */
  notFound: 600,
  /** 400: removal again — "The relationship between the partner and customer does not exist". */
  relationshipDoesNotExist: 3000,
  /** 400: removal refused while subscriptions are active. */
  activeSubscriptions: 3010,
  /** 403: users/licenses without delegated admin privileges. */
  noDelegatedAccess: 20002,
} as const;

export const WEBHOOK_EVENT_RESELLER = 'reseller-relationship-accepted-by-customer';
export const WEBHOOK_EVENT_INDIRECT_RESELLER = 'indirect-reseller-relationship-accepted-by-customer';

/** Partner Center webhook payload (PascalCase, as Partner Center sends it). */
export interface PartnerCenterWebhookEvent {
  EventName: string;
  ResourceUri: string;
  ResourceName: string;
  AuditUri: string;
  ResourceChangeUtcDate: string;
}

export interface WebhookDeliveryResult {
  delivered: boolean;
  attempts: number;
  status?: number;
  reason?: string;
}

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
}

/** Input for adding a customer directly (tests, benchmarks). */
export interface SimulatorCustomerInput {
  companyName: string;
  domain: string;
  id?: string;
  tenantId?: string;
  allowDelegatedAccess?: boolean;
  customDomains?: string[];
  email?: string;
  address?: CustomerAddress;
  subscriptions?: SubscriptionInput[];
  /** Users, or a number of generated users. */
  users?: (Partial<CustomerUser> & { displayName: string })[] | number;
  /** Tenant ids of indirect providers that also serve this customer. */
  providerIds?: string[];
}

export interface AcceptInvitationInput {
  companyName: string;
  domain: string;
  indirectProviderId?: string;
}

export interface AcceptInvitationResult {
  customer: Customer;
  /** True when a customer that had removed us accepted again (same id). */
  reactivated: boolean;
  event: PartnerCenterWebhookEvent;
  /** Settles when the webhook was delivered or given up (never rejects). */
  webhook: Promise<WebhookDeliveryResult>;
}

/** A refusal in Partner Center's manner; the routes turn it into an error answer. */
export class SimulatorApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
    this.name = 'SimulatorApiError';
  }
}

export interface CustomerFilter {
  field: 'CompanyName' | 'Domain';
  value: string;
}

export interface CursorPage<T> {
  items: T[];
  totalCount: number;
  /** Cursor for the next page, if there is one. */
  next?: number;
}

interface CustomerRecord {
  customer: Customer;
  providerIds: string[];
  position: number;
  removed: boolean;
  source: () => SeedCustomerDetails;
  details?: SeedCustomerDetails;
}

interface RouteStats {
  count: number;
  requestIds: string[];
}

const DOMAIN_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})+$`);

/**
 * The in-memory Partner Center. Create with `createPartnerCenterSimulator`, expose over HTTP with
 * `registerSimulatorRoutes`. All state is lost when the process ends.
 */
export class PartnerCenterSimulator {
  readonly partner = SIMULATOR_PARTNER;
  readonly providers: readonly IndirectProvider[] = SIMULATOR_PROVIDERS;
  publicBaseUrl: string;
  readonly defaultRole: PartnerRoleName;
  readonly faults: FaultInjector;
  readonly logger: Logger;

  private webhookTarget: string | undefined;
  private readonly seed: number | string;
  private readonly rng: Rng;
  private readonly records = new Map<string, CustomerRecord>();
  private readonly order: string[] = [];
  private readonly domains = new Map<string, string>();
  private readonly roster = new Map<string, RosterUser>();
  private readonly stats = new Map<string, RouteStats>();
  private readonly pending = new Set<Promise<WebhookDeliveryResult>>();
  private readonly closing = new AbortController();
  private readonly webhookDelays: number[];
  private readonly webhookTimeoutMs: number;
  private activeCount = 0;
  private generatedUpTo: number;

  constructor(options: PartnerCenterSimulatorOptions = {}) {
    this.publicBaseUrl = (options.publicBaseUrl ?? 'http://localhost:3978').replace(/\/+$/, '');
    this.webhookTarget = options.webhookUrl;
    this.defaultRole = options.defaultRole ?? 'AdminAgent';
    this.seed = options.seed ?? 1;
    this.rng = createRng(`${this.seed}:runtime`);
    this.logger = options.logger ?? silentLogger();
    this.faults = new FaultInjector(this.seed, options.faults ?? []);
    this.webhookDelays = options.webhookRetryDelaysMs ?? [500, 2000, 5000];
    this.webhookTimeoutMs = options.webhookTimeoutMs ?? 5000;
    for (const user of SIMULATOR_ROSTER) this.roster.set(user.aadObjectId.toLowerCase(), { ...user });
    const count = Math.max(0, Math.floor(options.customers ?? DEMO_CUSTOMER_COUNT));
    this.generatedUpTo = 0;
    this.addGeneratedCustomers(count);
    getSimulatorCertificates(); // generate (or reuse) the certificates now, not on the first webhook
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

  get webhookUrl(): string | undefined {
    return this.webhookTarget;
  }

  /** Point webhooks somewhere else (e.g. once the host server knows its port), or nowhere. */
  /** The host's public origin, when it is only known after listening (port 0). */
  setPublicBaseUrl(url: string): void {
    this.publicBaseUrl = url.replace(/\/+$/, '');
  }

  setWebhookUrl(url: string | undefined): void {
    this.webhookTarget = url;
  }

  // --------------------------------------------------------------- customers

  /** Adds `count` deterministic generated customers (demo companies first). */
  addGeneratedCustomers(count: number): Customer[] {
    const taken = new Set(this.domains.keys());
    const seeded = generateSeedCustomers({
      count,
      seed: this.seed,
      startIndex: this.generatedUpTo,
      takenDomains: taken,
    });
    this.generatedUpTo += count;
    return seeded.map((s) => this.insert(s.customer, s.providerIds, s.details));
  }

  /** Adds one customer as described (tests). Throws SimulatorApiError 409 if the domain is taken. */
  addCustomer(input: SimulatorCustomerInput): Customer {
    const domain = normalizeDomain(input.domain);
    if (this.domains.has(domain)) {
      throw new SimulatorApiError(
        409,
        SIMULATOR_ERROR_CODES.invalidInput,
        `The domain ${domain} is already in use.`,
      );
    }
    const id = input.id ?? this.newGuid();
    if (this.records.has(id))
      throw new SimulatorApiError(409, SIMULATOR_ERROR_CODES.invalidInput, 'Duplicate id');
    for (const p of input.providerIds ?? []) this.requireProvider(p);
    const customer: Customer = {
      id,
      companyName: input.companyName,
      domain,
      tenantId: input.tenantId ?? id,
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: input.allowDelegatedAccess ?? true,
      customDomains: input.customDomains ?? [domain],
      email: input.email,
      address: input.address,
    };
    if (customer.email === undefined) delete customer.email;
    if (customer.address === undefined) delete customer.address;
    const rng = createRng(`${this.seed}:input:${id}`);
    const subscriptions: Subscription[] = (input.subscriptions ?? []).map((s, i) =>
      buildSubscription(rng, s, i),
    );
    let users: CustomerUser[];
    if (typeof input.users === 'number') users = buildUsers(rng, domain, input.users);
    else
      users = (input.users ?? []).map((u) => ({
        id: u.id ?? this.newGuid(),
        displayName: u.displayName,
        userPrincipalName:
          u.userPrincipalName ?? `${u.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@${domain}`,
        firstName: u.firstName,
        lastName: u.lastName,
        usageLocation: u.usageLocation ?? 'DE',
        state: u.state ?? 'active',
      }));
    const details = { subscriptions, users };
    return this.insert(customer, [...(input.providerIds ?? [])], () => details);
  }

  private insert(customer: Customer, providerIds: string[], source: () => SeedCustomerDetails): Customer {
    const record: CustomerRecord = {
      customer,
      providerIds,
      position: this.order.length,
      removed: false,
      source,
    };
    this.records.set(customer.id, record);
    this.order.push(customer.id);
    this.domains.set(customer.domain, customer.id);
    this.activeCount++;
    return structuredClone(customer);
  }

  /** Number of customers with a reseller relationship. */
  customerCount(): number {
    return this.activeCount;
  }

  /** Every current customer (list order). */
  listCustomers(): Customer[] {
    const out: Customer[] = [];
    for (const id of this.order) {
      const r = this.records.get(id);
      if (r && !r.removed) out.push(structuredClone(r.customer));
    }
    return out;
  }

  /** A page of current customers from `cursor` (a position in the stable list order). */
  pageCustomers(cursor: number, size: number, filter?: CustomerFilter): CursorPage<Customer> {
    const match = filter ? customerMatcher(filter) : undefined;
    const visible = (r: CustomerRecord | undefined): r is CustomerRecord =>
      !!r && !r.removed && (!match || match(r.customer));
    const items: Customer[] = [];
    let i = Math.max(0, cursor);
    for (; i < this.order.length && items.length < size; i++) {
      const r = this.records.get(this.order[i] ?? '');
      if (visible(r)) items.push(structuredClone(r.customer));
    }
    let next: number | undefined;
    for (let j = i; j < this.order.length; j++) {
      if (visible(this.records.get(this.order[j] ?? ''))) {
        next = i;
        break;
      }
    }
    let totalCount = this.activeCount;
    if (match) {
      totalCount = 0;
      for (const id of this.order) if (visible(this.records.get(id))) totalCount++;
    }
    return { items, totalCount, next };
  }

  /** A current customer with details; SimulatorApiError 404 otherwise. */
  getCustomer(id: string): Customer {
    return structuredClone(this.current(id).customer);
  }

  /** The customer record even after removal (tests). */
  findCustomer(id: string): Customer | undefined {
    const r = this.records.get(id);
    return r ? structuredClone(r.customer) : undefined;
  }

  findCustomerByDomain(domain: string): Customer | undefined {
    const id = this.domains.get(normalizeDomain(domain));
    return id ? this.findCustomer(id) : undefined;
  }

  listSubscriptions(customerId: string): Subscription[] {
    return structuredClone(this.detailsOf(this.current(customerId)).subscriptions);
  }

  getSubscription(customerId: string, subscriptionId: string): Subscription {
    const sub = this.detailsOf(this.current(customerId)).subscriptions.find((s) => s.id === subscriptionId);
    if (!sub) throw notFound(`Subscription ${subscriptionId} was not found.`);
    return structuredClone(sub);
  }

  /** Sets status to 'suspended' (already suspended: unchanged, no error). */
  suspendSubscription(customerId: string, subscriptionId: string): Subscription {
    const sub = this.detailsOf(this.current(customerId)).subscriptions.find((s) => s.id === subscriptionId);
    if (!sub) throw notFound(`Subscription ${subscriptionId} was not found.`);
    if (sub.status === 'active') sub.status = 'suspended';
    return structuredClone(sub);
  }

  /** Users, paged by position; 403-style error without delegated access. */
  pageUsers(customerId: string, cursor: number, size: number): CursorPage<CustomerUser> {
    const r = this.requireDelegatedAccess(customerId);
    const users = this.detailsOf(r).users;
    const start = Math.max(0, cursor);
    const items = structuredClone(users.slice(start, start + size));
    const next = start + size < users.length ? start + size : undefined;
    return { items, totalCount: users.length, next };
  }

  listSubscribedSkus(customerId: string): SubscribedSku[] {
    return deriveSubscribedSkus(this.detailsOf(this.requireDelegatedAccess(customerId)).subscriptions);
  }

  /** Partner relationships of a customer: the indirect providers serving it. */
  listCustomerRelationships(customerId: string): IndirectProvider[] {
    const r = this.current(customerId);
    return r.providerIds.map((id) => structuredClone(this.requireProvider(id)));
  }

  /** Sets allowDelegatedAccess (PATCH allowDelegatedAccess=false in Partner Center). */
  setDelegatedAccess(customerId: string, allow: boolean): Customer {
    const r = this.current(customerId);
    r.customer.allowDelegatedAccess = allow;
    return structuredClone(r.customer);
  }

  /**
   * Removes the reseller relationship like Partner Center: refused while subscriptions are active;
   * 3000 when there is no relationship (any more).
   */
  removeRelationship(customerId: string): Customer {
    const r = this.records.get(customerId);
    if (!r) throw notFound(`Customer ${customerId} was not found.`);
    if (r.removed) {
      throw new SimulatorApiError(
        400,
        SIMULATOR_ERROR_CODES.relationshipDoesNotExist,
        'The relationship between the partner and customer does not exist',
      );
    }
    const active = this.detailsOf(r).subscriptions.filter((s) => s.status === 'active');
    if (active.length > 0) {
      throw new SimulatorApiError(
        400,
        SIMULATOR_ERROR_CODES.activeSubscriptions,
        `The customer has ${active.length} active subscription(s). Suspend all active subscriptions before removing the reseller relationship.`,
      );
    }
    r.removed = true;
    r.customer.relationshipToPartner = 'none';
    this.activeCount--;
    return structuredClone(r.customer);
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
    let customer: Customer;
    let reactivated = false;
    const existingId = this.domains.get(domain);
    const existing = existingId ? this.records.get(existingId) : undefined;
    if (existing && !existing.removed) {
      throw new SimulatorApiError(
        409,
        SIMULATOR_ERROR_CODES.invalidInput,
        `${domain} already has a reseller relationship with ${this.partner.name}.`,
      );
    } else if (existing) {
      existing.removed = false;
      existing.customer.relationshipToPartner = 'reseller';
      if (provider && !existing.providerIds.includes(provider.id)) existing.providerIds.push(provider.id);
      this.activeCount++;
      customer = structuredClone(existing.customer);
      reactivated = true;
    } else {
      const id = randomUUID();
      customer = this.addCustomer({
        id,
        companyName,
        domain,
        // Since 2023 a reseller relationship no longer grants DAP.
        allowDelegatedAccess: false,
        users: [{ displayName: 'Administrator', userPrincipalName: `admin@${domain}` }],
        providerIds: provider ? [provider.id] : [],
      });
    }
    const event: PartnerCenterWebhookEvent = {
      EventName: provider ? WEBHOOK_EVENT_INDIRECT_RESELLER : WEBHOOK_EVENT_RESELLER,
      ResourceUri: `${REAL_API}/v1/customers/${customer.id}`,
      ResourceName: 'Customer',
      AuditUri: `${REAL_API}/v1/auditrecords?filter=${encodeURIComponent(JSON.stringify({ Field: 'CustomerId', Value: customer.id, Operator: 'equals' }))}`,
      ResourceChangeUtcDate: new Date().toISOString(),
    };
    this.logger.info(
      { customerId: customer.id, eventName: event.EventName, reactivated },
      'simulator: customer accepted the reseller relationship',
    );
    return { customer, reactivated, event, webhook: this.emitWebhook(event) };
  }

  // ---------------------------------------------------------------- webhooks

  /** Signature headers for a raw body, as Partner Center sends them. */
  signWebhookBody(raw: Buffer): Record<string, string> {
    return {
      'Content-Type': 'application/json; charset=utf-8',
      Authorization: `Signature ${signWithLeaf(raw)}`,
      'X-MS-Certificate-Url': this.certificateUrl,
      'X-MS-Signature-Algorithm': 'rsa-sha256',
    };
  }

  /**
   * POSTs a signed event to `webhookUrl` in the background with retries (5xx, 408, 429, network);
   * the promise settles with the outcome and never rejects.
   */
  emitWebhook(
    event: Partial<PartnerCenterWebhookEvent> & { EventName: string },
  ): Promise<WebhookDeliveryResult> {
    const full: PartnerCenterWebhookEvent = {
      EventName: event.EventName,
      ResourceUri: event.ResourceUri ?? `${REAL_API}/v1/customers`,
      ResourceName: event.ResourceName ?? 'Customer',
      AuditUri: event.AuditUri ?? `${REAL_API}/v1/auditrecords`,
      ResourceChangeUtcDate: event.ResourceChangeUtcDate ?? new Date().toISOString(),
    };
    const delivery = this.deliver(full);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return delivery;
  }

  private async deliver(event: PartnerCenterWebhookEvent): Promise<WebhookDeliveryResult> {
    const url = this.webhookTarget;
    if (!url) return { delivered: false, attempts: 0, reason: 'no webhookUrl configured' };
    const raw = Buffer.from(JSON.stringify(event), 'utf8');
    const headers = this.signWebhookBody(raw);
    const maxAttempts = this.webhookDelays.length + 1;
    let last: WebhookDeliveryResult = { delivered: false, attempts: 0 };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (this.closing.signal.aborted) return { ...last, reason: 'simulator closed' };
      let retry = true;
      try {
        const signal = AbortSignal.any([AbortSignal.timeout(this.webhookTimeoutMs), this.closing.signal]);
        const res = await fetch(url, { method: 'POST', headers, body: raw, signal });
        await res.arrayBuffer().catch(() => undefined);
        last = { delivered: res.ok, attempts: attempt, status: res.status };
        if (res.ok) {
          this.logger.info(
            { eventName: event.EventName, attempt, status: res.status },
            'simulator: webhook delivered',
          );
          return last;
        }
        retry = res.status >= 500 || res.status === 408 || res.status === 429;
        last.reason = `HTTP ${res.status}`;
      } catch (e) {
        last = {
          delivered: false,
          attempts: attempt,
          reason: e instanceof Error ? e.message : 'network error',
        };
      }
      this.logger.warn(
        { eventName: event.EventName, attempt, reason: last.reason },
        'simulator: webhook attempt failed',
      );
      if (!retry) break;
      const delay = this.webhookDelays[attempt - 1];
      if (delay !== undefined) await abortableSleep(delay, this.closing.signal);
    }
    this.logger.error(
      { eventName: event.EventName, attempts: last.attempts, reason: last.reason },
      'simulator: webhook not delivered',
    );
    return last;
  }

  /** Resolves when no webhook delivery is in flight. */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops webhook retries and waits for in-flight deliveries. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.whenIdle();
  }

  // ------------------------------------------------------------------- roles

  listRoles(): PartnerRole[] {
    return SIMULATOR_ROLES.map((r) => ({ ...r }));
  }

  /** Members of a role; SimulatorApiError 404 for an unknown role. */
  listRoleMembers(roleId: string): PartnerRoleMember[] {
    const role = SIMULATOR_ROLES.find((r) => r.id.toLowerCase() === roleId.toLowerCase());
    if (!role) throw notFound(`Role ${roleId} was not found.`);
    const name = (Object.keys(SIMULATOR_ROLE_IDS) as PartnerRoleName[]).find(
      (k) => SIMULATOR_ROLE_IDS[k] === role.id,
    );
    if (!name) return [];
    return [...this.roster.values()]
      .filter((u) => u.roles.includes(name))
      .map((u) => ({
        id: u.aadObjectId,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        roleId: role.id,
      }));
  }

  /**
   * Roles of a partner user: from the roster, or `[defaultRole]` for anyone else. (The roles API
   * cannot list unknown users; embedded mode uses this, or `ensureRosterUser` first.)
   */
  rolesOf(aadObjectId: string): PartnerRoleName[] {
    const user = this.roster.get(aadObjectId.toLowerCase());
    return user ? [...user.roles] : [this.defaultRole];
  }

  /** Whether a user is on the roster (rather than getting the default role). */
  isKnownUser(aadObjectId: string): boolean {
    return this.roster.has(aadObjectId.toLowerCase());
  }

  /** Puts a user on the roster (with `defaultRole` unless roles are given), so the roles API lists them. */
  ensureRosterUser(user: {
    aadObjectId: string;
    displayName?: string;
    userPrincipalName?: string;
    roles?: PartnerRoleName[];
  }): RosterUser {
    const key = user.aadObjectId.toLowerCase();
    let entry = this.roster.get(key);
    if (!entry) {
      entry = {
        aadObjectId: user.aadObjectId,
        displayName: user.displayName ?? 'Partner user',
        userPrincipalName: user.userPrincipalName ?? `${key}@${this.partner.domain}`,
        roles: user.roles ?? [this.defaultRole],
      };
      this.roster.set(key, entry);
    } else if (user.roles) {
      entry.roles = [...user.roles];
    }
    return { ...entry, roles: [...entry.roles] };
  }

  rosterUsers(): RosterUser[] {
    return [...this.roster.values()].map((u) => ({ ...u, roles: [...u.roles] }));
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
    let s = this.stats.get(routeKey);
    if (!s) this.stats.set(routeKey, (s = { count: 0, requestIds: [] }));
    s.count++;
    if (requestId !== undefined) {
      s.requestIds.push(requestId);
      if (s.requestIds.length > 1000) s.requestIds.shift();
    }
  }

  /** Requests seen for a route key ('GET /v1/customers'), or for all routes. */
  requestCount(routeKey?: string): number {
    if (routeKey !== undefined) return this.stats.get(routeKey)?.count ?? 0;
    let total = 0;
    for (const s of this.stats.values()) total += s.count;
    return total;
  }

  /** MS-RequestId headers seen for a route key, oldest first (last 1000). */
  seenRequestIds(routeKey: string): string[] {
    return [...(this.stats.get(routeKey)?.requestIds ?? [])];
  }

  /** Per route: count. */
  requestStats(): Record<string, number> {
    return Object.fromEntries([...this.stats].map(([k, v]) => [k, v.count]));
  }

  resetStats(): void {
    this.stats.clear();
  }

  // ----------------------------------------------------------------- helpers

  private current(id: string): CustomerRecord {
    const r = this.records.get(id);
    if (!r || r.removed) throw notFound(`Customer ${id} was not found.`);
    return r;
  }

  private detailsOf(r: CustomerRecord): SeedCustomerDetails {
    r.details ??= structuredClone(r.source());
    return r.details;
  }

  private requireDelegatedAccess(customerId: string): CustomerRecord {
    const r = this.current(customerId);
    if (r.customer.allowDelegatedAccess === false) {
      throw new SimulatorApiError(
        403,
        SIMULATOR_ERROR_CODES.noDelegatedAccess,
        'No relationship between caller and account: the partner has no delegated admin privileges for this customer.',
      );
    }
    return r;
  }

  requireProvider(id: string, status = 404): IndirectProvider {
    const p = this.providers.find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (!p) {
      throw new SimulatorApiError(
        status,
        status === 404 ? SIMULATOR_ERROR_CODES.notFound : SIMULATOR_ERROR_CODES.invalidInput,
        `${id} is not an indirect provider of this partner.`,
      );
    }
    return p;
  }

  private newGuid(): string {
    const h = (n: number) =>
      Array.from({ length: n }, () => Math.floor(this.rng() * 16).toString(16)).join('');
    return `${h(8)}-${h(4)}-4${h(3)}-${(8 + Math.floor(this.rng() * 4)).toString(16)}${h(3)}-${h(12)}`;
  }
}

export function createPartnerCenterSimulator(
  options: PartnerCenterSimulatorOptions = {},
): PartnerCenterSimulator {
  return new PartnerCenterSimulator(options);
}

/** Lower-case; a bare name gets ".onmicrosoft.com". */
export function normalizeDomain(domain: string): string {
  const d = domain.trim().toLowerCase().replace(/\.+$/, '');
  return d.includes('.') ? d : `${d}.onmicrosoft.com`;
}

function customerMatcher(filter: CustomerFilter): (c: Customer) => boolean {
  const prefix = filter.value.toLowerCase();
  return filter.field === 'CompanyName'
    ? (c) => c.companyName.toLowerCase().startsWith(prefix)
    : (c) => c.domain.toLowerCase().startsWith(prefix);
}

function notFound(description: string): SimulatorApiError {
  return new SimulatorApiError(404, SIMULATOR_ERROR_CODES.notFound, description);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
