/**
 * An in-memory PartnerCenterClient with the same semantics as HttpPartnerCenterClient talking to the
 * simulator (paging, search, error kinds), checked by the shared contract suite. For dialog tests:
 * seed it with the demo data, inspect `calls`, and make the next call(s) fail with `failNext`.
 */
import { isCustomerId } from '../../../src/common/customerId';
import type { CallContext, PartnerCenterClient } from '../../../src/partnerCenter/client';
import { PartnerCenterError, type PartnerCenterErrorKind } from '../../../src/partnerCenter/errors';
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
} from '../../../src/partnerCenter/types';
import type { PartnerRoleName } from '../../../src/domain/roles';
import {
  deriveSubscribedSkus,
  generateSeedCustomers,
  SIMULATOR_PARTNER_TENANT_ID,
  SIMULATOR_PROVIDERS,
  SIMULATOR_ROLE_IDS,
  SIMULATOR_ROLES,
  SIMULATOR_ROSTER,
  type RosterUser,
} from '../../../src/simulator/seed';
import { customerFromInput, type SimulatorCustomerInput } from '../../../src/simulator/model';

export type FakeOperation = keyof PartnerCenterClient;

export interface FakeCall {
  operation: FakeOperation;
  args: unknown[];
  ctx: CallContext;
}

export interface FakePartnerCenterClientOptions {
  /** Load the simulator's demo customers (same ids as a simulator with the same seed). Default false. */
  demoData?: boolean | { count?: number; seed?: number | string };
  partnerTenantId?: string;
  providers?: IndirectProvider[];
  /** Refuse App+User operations called with `auth: 'app'` (kind 'unauthorized'), as Partner Center does. */
  strictAuth?: boolean;
}

interface Entry {
  customer: Customer;
  removed: boolean;
  providerIds: string[];
  subscriptions: Subscription[];
  users: CustomerUser[];
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;
const MAX = 500;
const TOKEN_PREFIX = 'fake1.';
const USER_ONLY: readonly FakeOperation[] = [
  'listUsers',
  'listSubscribedSkus',
  'getRelationshipRequestLink',
  'listIndirectProviders',
  'removeResellerRelationship',
];

let counter = 0;
function fakeGuid(): string {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return `fa4e0000-0000-4000-8000-${hex}`;
}

export class FakePartnerCenterClient implements PartnerCenterClient {
  readonly calls: FakeCall[] = [];
  readonly partnerTenantId: string;
  readonly providers: IndirectProvider[];
  private readonly entries: Entry[] = [];
  private readonly failures: { operation: FakeOperation | '*'; error: PartnerCenterError }[] = [];
  private roster: RosterUser[] = SIMULATOR_ROSTER.map((u) => ({ ...u, roles: [...u.roles] }));

  constructor(private readonly options: FakePartnerCenterClientOptions = {}) {
    this.partnerTenantId = options.partnerTenantId ?? SIMULATOR_PARTNER_TENANT_ID;
    this.providers = (options.providers ?? SIMULATOR_PROVIDERS).map((p) => ({ ...p }));
    if (options.demoData) {
      const o = options.demoData === true ? {} : options.demoData;
      for (const s of generateSeedCustomers({ count: o.count ?? 60, seed: o.seed ?? 1 })) {
        const details = s.details();
        this.entries.push({
          customer: structuredClone(s.customer),
          removed: false,
          providerIds: [...s.providerIds],
          subscriptions: structuredClone(details.subscriptions),
          users: structuredClone(details.users),
        });
      }
    }
  }

  // ------------------------------------------------------------ test helpers

  addCustomer(input: SimulatorCustomerInput): Customer {
    const domain = input.domain.toLowerCase();
    if (this.entries.some((e) => e.customer.domain === domain)) throw new Error(`domain taken: ${domain}`);
    const id = input.id ?? fakeGuid();
    const customer = customerFromInput(input, id, domain);
    const subscriptions: Subscription[] = (input.subscriptions ?? []).map((s, i) => ({
      id: s.id ?? fakeGuid(),
      offerId: s.offerId ?? `OFFER-${i}`,
      offerName: s.offerName ?? 'Microsoft 365 Business Basic',
      friendlyName: s.friendlyName ?? s.offerName ?? 'Microsoft 365 Business Basic',
      quantity: s.quantity ?? 1,
      unitType: 'Licenses',
      status: s.status ?? 'active',
      autoRenewEnabled: s.autoRenewEnabled ?? true,
      billingCycle: s.billingCycle ?? 'monthly',
      termDuration: 'P1Y',
    }));
    const users: CustomerUser[] =
      typeof input.users === 'number'
        ? Array.from({ length: input.users }, (_, i) => ({
            id: fakeGuid(),
            displayName: `User ${i + 1}`,
            userPrincipalName: `user${i + 1}@${domain}`,
            state: 'active',
          }))
        : (input.users ?? []).map((u) => ({
            id: u.id ?? fakeGuid(),
            displayName: u.displayName,
            userPrincipalName:
              u.userPrincipalName ?? `${u.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@${domain}`,
            state: u.state ?? 'active',
          }));
    this.entries.push({
      customer,
      removed: false,
      providerIds: [...(input.providerIds ?? [])],
      subscriptions,
      users,
    });
    return structuredClone(customer);
  }

  addCustomers(count: number, namePrefix = 'Generated Customer'): Customer[] {
    const out: Customer[] = [];
    const start = this.entries.length;
    for (let i = 0; i < count; i++) {
      const n = start + i + 1;
      out.push(
        this.addCustomer({ companyName: `${namePrefix} ${n}`, domain: `generated${n}.onmicrosoft.com` }),
      );
    }
    return out;
  }

  /** The next call of `operation` ('*' = any) rejects with this error (or a kind); queue several for several. */
  failNext(
    operation: FakeOperation | '*',
    error: PartnerCenterError | PartnerCenterErrorKind,
    times = 1,
  ): void {
    const e = typeof error === 'string' ? new PartnerCenterError(error, `Simulated ${error}`) : error;
    for (let i = 0; i < times; i++) this.failures.push({ operation, error: e });
  }

  setRoster(users: RosterUser[]): void {
    this.roster = users.map((u) => ({ ...u, roles: [...u.roles] }));
  }

  /** Simulates the customer accepting an invitation: the customer appears in the list. */
  acceptInvitation(input: { companyName: string; domain: string; indirectProviderId?: string }): Customer {
    return this.addCustomer({
      companyName: input.companyName,
      domain: input.domain.includes('.') ? input.domain : `${input.domain}.onmicrosoft.com`,
      allowDelegatedAccess: false,
      providerIds: input.indirectProviderId ? [input.indirectProviderId] : [],
    });
  }

  callsOf(operation: FakeOperation): FakeCall[] {
    return this.calls.filter((c) => c.operation === operation);
  }

  // ------------------------------------------------------------- operations

  async listCustomersPage(request: PageRequest, ctx: CallContext): Promise<Page<Customer>> {
    this.enter('listCustomersPage', [request], ctx);
    if (request.continuation !== undefined) return this.customerPageFromToken(request.continuation);
    return this.customerPage(0, checkSize(request.size, false), undefined);
  }

  async *iterateCustomers(ctx: CallContext): AsyncIterable<Customer> {
    let continuation: string | undefined;
    do {
      const page = await this.listCustomersPage({ size: MAX, continuation }, ctx);
      for (const c of page.items) yield c;
      continuation = page.continuation;
    } while (continuation !== undefined);
  }

  async searchCustomers(search: CustomerSearch, ctx: CallContext): Promise<Page<Customer>> {
    this.enter('searchCustomers', [search], ctx);
    if (search.field !== 'CompanyName' && search.field !== 'Domain') bad('Unsupported search field');
    const size = checkSize(search.size ?? 0, true);
    if (search.continuation !== undefined) return this.customerPageFromToken(search.continuation);
    return this.customerPage(0, size === 0 ? MAX : size, { field: search.field, value: search.prefix });
  }

  async getCustomer(customerId: string, ctx: CallContext): Promise<Customer> {
    this.enter('getCustomer', [customerId], ctx);
    return structuredClone(this.current(customerId).customer);
  }

  async listSubscriptions(customerId: string, ctx: CallContext): Promise<Subscription[]> {
    this.enter('listSubscriptions', [customerId], ctx);
    return structuredClone(this.current(customerId).subscriptions);
  }

  async listUsers(customerId: string, request: PageRequest, ctx: CallContext): Promise<Page<CustomerUser>> {
    this.enter('listUsers', [customerId, request], ctx);
    const entry = this.delegated(customerId);
    let cursor = 0;
    let size: number;
    if (request.continuation !== undefined) {
      const t = decode(request.continuation, `users:${entry.customer.id}`);
      cursor = t.c;
      size = t.s;
    } else {
      size = checkSize(request.size, false);
    }
    const items = structuredClone(entry.users.slice(cursor, cursor + size));
    const page: Page<CustomerUser> = { items, totalCount: entry.users.length };
    if (cursor + size < entry.users.length) {
      page.continuation = encode({ r: `users:${entry.customer.id}`, c: cursor + size, s: size });
    }
    return page;
  }

  async listSubscribedSkus(customerId: string, ctx: CallContext): Promise<SubscribedSku[]> {
    this.enter('listSubscribedSkus', [customerId], ctx);
    return deriveSubscribedSkus(this.delegated(customerId).subscriptions);
  }

  async getRelationshipRequestLink(
    options: { indirectCloudSolutionProviderId?: string },
    ctx: CallContext,
  ): Promise<RelationshipRequestLink> {
    this.enter('getRelationshipRequestLink', [options], ctx);
    let query = `invType=ResellerRelationship&partnerId=${this.partnerTenantId}&msppId=0&DAP=false`;
    const providerId = options.indirectCloudSolutionProviderId;
    if (providerId !== undefined) {
      checkId(providerId);
      if (!this.providers.some((p) => p.id.toLowerCase() === providerId.toLowerCase())) {
        throw new PartnerCenterError(
          'bad_request',
          `${providerId} is not an indirect provider of this partner`,
          {
            status: 400,
          },
        );
      }
      query += `&indirectCSPId=${providerId}`;
    }
    return {
      url: `https://admin.microsoft.com/Adminportal/Home?${query}#/BillingAccounts/partner-invitation`,
    };
  }

  async listIndirectProviders(ctx: CallContext): Promise<IndirectProvider[]> {
    this.enter('listIndirectProviders', [], ctx);
    return this.providers.map((p) => ({ ...p }));
  }

  async listCustomerRelationships(customerId: string, ctx: CallContext): Promise<CustomerRelationship[]> {
    this.enter('listCustomerRelationships', [customerId], ctx);
    return this.current(customerId).providerIds.map((id) => {
      const p = this.providers.find((x) => x.id === id);
      return {
        id,
        name: p?.name ?? '',
        relationshipType: 'is_indirect_cloud_solution_provider_of',
        state: p?.state ?? 'Active',
        mpnId: p?.mpnId,
        location: p?.location,
      };
    });
  }

  async removeResellerRelationship(customerId: string, ctx: CallContext): Promise<RemoveRelationshipResult> {
    this.enter('removeResellerRelationship', [customerId], ctx);
    checkCustomerId(customerId);
    const entry = this.entries.find((e) => e.customer.id === customerId);
    if (!entry) throw notFound('Customer');
    if (entry.removed) {
      throw new PartnerCenterError(
        'relationship_not_found',
        'The relationship between the partner and customer does not exist',
        {
          status: 400,
          pcCode: 3000,
        },
      );
    }
    const active = entry.subscriptions.filter((s) => s.status === 'active').length;
    if (active > 0) {
      throw new PartnerCenterError('precondition', `The customer has ${active} active subscription(s)`, {
        status: 400,
        pcCode: 3010,
      });
    }
    entry.removed = true;
    entry.customer.relationshipToPartner = 'none';
    return { customerId, relationshipToPartner: 'none' };
  }

  async suspendSubscription(
    customerId: string,
    subscriptionId: string,
    ctx: CallContext,
  ): Promise<Subscription> {
    this.enter('suspendSubscription', [customerId, subscriptionId], ctx);
    checkId(subscriptionId);
    const sub = this.current(customerId).subscriptions.find((s) => s.id === subscriptionId);
    if (!sub) throw notFound('Subscription');
    if (sub.status === 'active') sub.status = 'suspended';
    return structuredClone(sub);
  }

  async listRoles(ctx: CallContext): Promise<PartnerRole[]> {
    this.enter('listRoles', [], ctx);
    return SIMULATOR_ROLES.map((r) => ({ ...r }));
  }

  async listRoleMembers(roleId: string, ctx: CallContext): Promise<PartnerRoleMember[]> {
    this.enter('listRoleMembers', [roleId], ctx);
    checkId(roleId);
    const role = SIMULATOR_ROLES.find((r) => r.id.toLowerCase() === roleId.toLowerCase());
    if (!role) throw notFound('Role');
    const name = (Object.keys(SIMULATOR_ROLE_IDS) as PartnerRoleName[]).find(
      (k) => SIMULATOR_ROLE_IDS[k] === role.id,
    );
    return this.roster
      .filter((u) => name !== undefined && u.roles.includes(name))
      .map((u) => ({
        id: u.aadObjectId,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        roleId: role.id,
      }));
  }

  // ---------------------------------------------------------------- internals

  private enter(operation: FakeOperation, args: unknown[], ctx: CallContext): void {
    this.calls.push({ operation, args: structuredClone(args), ctx });
    const i = this.failures.findIndex((f) => f.operation === operation || f.operation === '*');
    if (i >= 0) {
      const [failure] = this.failures.splice(i, 1);
      if (failure) throw failure.error;
    }
    if (this.options.strictAuth && ctx.auth !== 'user' && USER_ONLY.includes(operation)) {
      throw new PartnerCenterError('unauthorized', `${operation} needs an App+User token`, { status: 401 });
    }
  }

  private customerPageFromToken(token: string): Page<Customer> {
    const t = decode(token, 'customers');
    return this.customerPage(t.c, t.s, t.f);
  }

  private customerPage(cursor: number, size: number, filter: Filter | undefined): Page<Customer> {
    const prefix = filter?.value.toLowerCase();
    const matches = (e: Entry) =>
      !e.removed &&
      (prefix === undefined ||
        (filter?.field === 'CompanyName' ? e.customer.companyName : e.customer.domain)
          .toLowerCase()
          .startsWith(prefix));
    const items: Customer[] = [];
    let i = cursor;
    for (; i < this.entries.length && items.length < size; i++) {
      const e = this.entries[i];
      if (e && matches(e)) items.push(toListItem(e.customer));
    }
    const totalCount = this.entries.filter(matches).length;
    const page: Page<Customer> = { items, totalCount };
    if (this.entries.slice(i).some(matches))
      page.continuation = encode({ r: 'customers', c: i, s: size, f: filter });
    return page;
  }

  private current(customerId: string): Entry {
    checkCustomerId(customerId);
    const entry = this.entries.find((e) => e.customer.id === customerId && !e.removed);
    if (!entry) throw notFound('Customer');
    return entry;
  }

  private delegated(customerId: string): Entry {
    const entry = this.current(customerId);
    if (entry.customer.allowDelegatedAccess === false) {
      throw new PartnerCenterError('no_delegated_access', 'No delegated admin privileges for this customer', {
        status: 403,
        pcCode: 20002,
      });
    }
    return entry;
  }
}

interface Filter {
  field: 'CompanyName' | 'Domain';
  value: string;
}

interface Token {
  r: string;
  c: number;
  s: number;
  f?: Filter;
}

/** List answers carry no details (like GET /v1/customers). */
function toListItem(c: Customer): Customer {
  return {
    id: c.id,
    companyName: c.companyName,
    domain: c.domain,
    tenantId: c.tenantId,
    relationshipToPartner: c.relationshipToPartner,
  };
}

function encode(t: Token): string {
  return TOKEN_PREFIX + Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decode(token: string, resource: string): Token {
  const invalid = () => new PartnerCenterError('bad_request', 'Invalid continuation token');
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) throw invalid();
  try {
    const t = JSON.parse(
      Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8'),
    ) as Token;
    if (t.r !== resource || !Number.isInteger(t.c) || !Number.isInteger(t.s) || t.s < 1 || t.s > MAX)
      throw invalid();
    return t;
  } catch {
    throw invalid();
  }
}

function checkSize(size: number, allowZero: boolean): number {
  if (!Number.isInteger(size) || size > MAX || size < (allowZero ? 0 : 1)) bad('Invalid page size');
  return size;
}

function checkCustomerId(id: string): void {
  if (!isCustomerId(id)) bad('Invalid customer id');
}

function checkId(id: string): void {
  if (typeof id !== 'string' || !SAFE_ID.test(id)) bad('Invalid id');
}

function bad(message: string): never {
  throw new PartnerCenterError('bad_request', message);
}

function notFound(what: string): PartnerCenterError {
  return new PartnerCenterError('not_found', `${what} not found`, { status: 404, pcCode: 600 });
}
