import { randomUUID } from 'node:crypto';
import type {
  Customer,
  CustomerUser,
  IndirectProvider,
  SubscribedSku,
  Subscription,
} from '../partnerCenter/types';
import {
  customerFromInput,
  notFound,
  normalizeDomain,
  SIMULATOR_ERROR_CODES,
  SimulatorApiError,
  type CursorPage,
  type CustomerFilter,
  type SimulatorCustomerInput,
} from './model';
import { createRng, guid, type Rng } from './random';
import {
  buildSubscription,
  buildUsers,
  deriveSubscribedSkus,
  generateSeedCustomers,
  SIMULATOR_PROVIDERS,
  type SeedCustomerDetails,
} from './seed';

interface CustomerRecord {
  customer: Customer;
  providerIds: string[];
  position: number;
  removed: boolean;
  source: () => SeedCustomerDetails;
  details?: SeedCustomerDetails;
}

/**
 * The simulator's customers and their subscriptions, users and licenses, in a stable list order;
 * Partner Center's rules for removal (refused while subscriptions are active, 3000 once removed)
 * and delegated access (users and licenses need it).
 */
export class CustomerStore {
  readonly providers: readonly IndirectProvider[] = SIMULATOR_PROVIDERS;
  private readonly rng: Rng;
  private readonly records = new Map<string, CustomerRecord>();
  private readonly order: string[] = [];
  private readonly domains = new Map<string, string>();
  private activeCount = 0;
  private generatedUpTo = 0;

  constructor(private readonly seed: number | string) {
    this.rng = createRng(`${seed}:runtime`);
  }

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
    const customer = customerFromInput(input, id, domain);
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
    // Today's Partner Center removes DAP with the relationship ("if applicable").
    if (r.customer.allowDelegatedAccess) r.customer.allowDelegatedAccess = false;
    this.activeCount--;
    return structuredClone(r.customer);
  }

  /**
   * The customer's global admin accepts (input already validated): creates the customer, or
   * re-activates one that had removed us (same id). 409 while the relationship exists.
   */
  accept(
    companyName: string,
    domain: string,
    provider: IndirectProvider | undefined,
    partnerName: string,
  ): {
    customer: Customer;
    reactivated: boolean;
  } {
    const existingId = this.domains.get(domain);
    const existing = existingId ? this.records.get(existingId) : undefined;
    if (existing && !existing.removed) {
      throw new SimulatorApiError(
        409,
        SIMULATOR_ERROR_CODES.invalidInput,
        `${domain} already has a reseller relationship with ${partnerName}.`,
      );
    }
    if (existing) {
      existing.removed = false;
      existing.customer.relationshipToPartner = 'reseller';
      if (provider && !existing.providerIds.includes(provider.id)) existing.providerIds.push(provider.id);
      this.activeCount++;
      return { customer: structuredClone(existing.customer), reactivated: true };
    }
    const customer = this.addCustomer({
      id: randomUUID(),
      companyName,
      domain,
      // Since 2023 a reseller relationship no longer grants DAP.
      allowDelegatedAccess: false,
      users: [{ displayName: 'Administrator', userPrincipalName: `admin@${domain}` }],
      providerIds: provider ? [provider.id] : [],
    });
    return { customer, reactivated: false };
  }

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

  /** An indirect provider of the partner; SimulatorApiError `status` (404 or 400) otherwise. */
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
    return guid(this.rng);
  }
}

function customerMatcher(filter: CustomerFilter): (c: Customer) => boolean {
  const prefix = filter.value.toLowerCase();
  return filter.field === 'CompanyName'
    ? (c) => c.companyName.toLowerCase().startsWith(prefix)
    : (c) => c.domain.toLowerCase().startsWith(prefix);
}
