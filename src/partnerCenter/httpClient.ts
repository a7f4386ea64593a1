import { isCustomerId } from '../common/customerId';
import type { CallContext, PartnerCenterClient } from './client';
import { MAX_PAGE_SIZE } from './client';
import { decodeContinuation, encodeContinuation, pageOperation, toPage } from './continuation';
import { PartnerCenterError } from './errors';
import {
  collectionItems,
  ResponseShapeError,
  toCustomer,
  toCustomerRelationship,
  toCustomerUser,
  toIndirectProvider,
  toRole,
  toRoleMember,
  toSubscribedSku,
  toSubscription,
} from './mappers';
import { bool, isRecord, str } from './normalize';
import {
  parseAnswer,
  PARTNER_CENTER_BASE_URL,
  PartnerCenterTransport,
  type PartnerCenterTransportOptions,
} from './transport';
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

// Names this module has always exported (tests and callers import them from here).
export { parseRetryAfterMs } from '../resilience';
export { decodeContinuation, encodeContinuation, PARTNER_CENTER_BASE_URL };

/** Transport options (base URL, token, timeouts, retries, test seams): see `PartnerCenterTransportOptions`. */
export type HttpPartnerCenterClientOptions = PartnerCenterTransportOptions;

/** Subscription, role and indirect provider ids; customer ids follow `isCustomerId`. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;

/**
 * Partner Center over HTTPS (or the simulator over HTTP): the endpoints. See `PartnerCenterClient`
 * for the operations, `errors.ts` for the error kinds, `transport.ts` for headers and retries,
 * `continuation.ts` for paging.
 *
 * Retries: GETs on 429/408/5xx/timeouts/connection failures; the two PATCHes (removal, suspend)
 * likewise — they are idempotent in effect and are re-sent with the same MS-RequestId; a removal
 * answered "relationship does not exist" (3000) after an attempt with unknown outcome counts as done.
 */
export class HttpPartnerCenterClient implements PartnerCenterClient {
  private readonly transport: PartnerCenterTransport;

  constructor(options: HttpPartnerCenterClientOptions) {
    this.transport = new PartnerCenterTransport(options);
  }

  /** The API root used (without trailing slash or /v1). */
  get apiRoot(): string {
    return this.transport.root();
  }

  // ---------------------------------------------------------------- customers

  async listCustomersPage(request: PageRequest, ctx: CallContext): Promise<Page<Customer>> {
    const size = checkPageSize(request.size, false);
    const path = request.continuation ? undefined : `/v1/customers?size=${size}`;
    return this.customerPage('listCustomersPage', path, request.continuation, ctx);
  }

  async *iterateCustomers(ctx: CallContext): AsyncIterable<Customer> {
    let continuation: string | undefined;
    const seen = new Set<string>();
    do {
      const page = await this.listCustomersPage({ size: MAX_PAGE_SIZE, continuation }, ctx);
      for (const customer of page.items) yield customer;
      continuation = page.continuation;
      if (continuation !== undefined) {
        if (seen.has(continuation)) {
          throw new PartnerCenterError('unknown', 'Partner Center returned the same page twice');
        }
        seen.add(continuation);
      }
    } while (continuation !== undefined);
  }

  async searchCustomers(search: CustomerSearch, ctx: CallContext): Promise<Page<Customer>> {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime guard: the field reaches here from card data / JS callers
    if (search.field !== 'CompanyName' && search.field !== 'Domain') {
      throw new PartnerCenterError('bad_request', 'Unsupported search field');
    }
    const size = checkPageSize(search.size ?? 0, true);
    let path: string | undefined;
    if (!search.continuation) {
      const filter = JSON.stringify({ Field: search.field, Value: search.prefix, Operator: 'starts_with' });
      path = `/v1/customers?size=${size}&filter=${encodeURIComponent(filter)}`;
    }
    return this.customerPage('searchCustomers', path, search.continuation, ctx);
  }

  private async customerPage(
    name: string,
    path: string | undefined,
    continuation: string | undefined,
    ctx: CallContext,
  ): Promise<Page<Customer>> {
    const op = pageOperation(name, path, continuation, '/v1/customers');
    const body = await this.transport.send(op, ctx);
    return this.page(name, body, toCustomer, '/v1/customers');
  }

  async getCustomer(customerId: string, ctx: CallContext): Promise<Customer> {
    const id = checkCustomerId(customerId);
    const body = await this.transport.send(
      { name: 'getCustomer', method: 'GET', path: `/v1/customers/${id}`, retry: 'always' },
      ctx,
    );
    return parseAnswer('getCustomer', () => toCustomer(body));
  }

  async listSubscriptions(customerId: string, ctx: CallContext): Promise<Subscription[]> {
    const id = checkCustomerId(customerId);
    const body = await this.transport.send(
      {
        name: 'listSubscriptions',
        method: 'GET',
        path: `/v1/customers/${id}/subscriptions`,
        retry: 'always',
      },
      ctx,
    );
    return parseAnswer('listSubscriptions', () => collectionItems(body).map(toSubscription));
  }

  async listUsers(customerId: string, request: PageRequest, ctx: CallContext): Promise<Page<CustomerUser>> {
    const id = checkCustomerId(customerId);
    const size = checkPageSize(request.size, false);
    const resource = `/v1/customers/${id}/users`;
    const op = pageOperation(
      'listUsers',
      request.continuation ? undefined : `${resource}?size=${size}`,
      request.continuation,
      resource,
    );
    op.hints = { forbiddenMeansNoDelegatedAccess: true };
    const body = await this.transport.send(op, ctx);
    return this.page('listUsers', body, toCustomerUser, resource);
  }

  async listSubscribedSkus(customerId: string, ctx: CallContext): Promise<SubscribedSku[]> {
    const id = checkCustomerId(customerId);
    const body = await this.transport.send(
      {
        name: 'listSubscribedSkus',
        method: 'GET',
        path: `/v1/customers/${id}/subscribedskus`,
        retry: 'always',
        hints: { forbiddenMeansNoDelegatedAccess: true },
      },
      ctx,
    );
    return parseAnswer('listSubscribedSkus', () => collectionItems(body).map(toSubscribedSku));
  }

  // ------------------------------------------------------------ relationships

  async getRelationshipRequestLink(
    options: { indirectCloudSolutionProviderId?: string },
    ctx: CallContext,
  ): Promise<RelationshipRequestLink> {
    let path = '/v1/customers/relationshiprequests';
    if (options.indirectCloudSolutionProviderId !== undefined) {
      const provider = checkId(options.indirectCloudSolutionProviderId, 'indirect provider id');
      path += `?indirectCloudSolutionProviderId=${provider}`;
    }
    const body = await this.transport.send(
      { name: 'getRelationshipRequestLink', method: 'GET', path, retry: 'always' },
      ctx,
    );
    return parseAnswer('getRelationshipRequestLink', () => {
      const url = isRecord(body) ? str(body, 'url') : undefined;
      if (!url || !/^https?:\/\//i.test(url)) throw new ResponseShapeError('missing url');
      return { url };
    });
  }

  async listIndirectProviders(ctx: CallContext): Promise<IndirectProvider[]> {
    const body = await this.transport.send(
      {
        name: 'listIndirectProviders',
        method: 'GET',
        path: '/v1/relationships?relationship_type=IsIndirectResellerOf',
        retry: 'always',
      },
      ctx,
    );
    return parseAnswer('listIndirectProviders', () => collectionItems(body).map(toIndirectProvider));
  }

  async listCustomerRelationships(customerId: string, ctx: CallContext): Promise<CustomerRelationship[]> {
    const id = checkCustomerId(customerId);
    const body = await this.transport.send(
      {
        name: 'listCustomerRelationships',
        method: 'GET',
        path: `/v1/customers/${id}/relationships`,
        retry: 'always',
      },
      ctx,
    );
    return parseAnswer('listCustomerRelationships', () =>
      body === undefined || body === null ? [] : collectionItems(body).map(toCustomerRelationship),
    );
  }

  async removeResellerRelationship(customerId: string, ctx: CallContext): Promise<RemoveRelationshipResult> {
    const id = checkCustomerId(customerId);
    const result = await this.transport.send(
      {
        name: 'removeResellerRelationship',
        method: 'PATCH',
        path: `/v1/customers/${id}`,
        body: { relationshipToPartner: 'none', attributes: { objectType: 'Customer' } },
        retry: 'idempotent-write',
        hints: { refusalMeansPrecondition: true },
        successAfterAmbiguous: 'relationship_not_found',
      },
      ctx,
    );
    const relationship = isRecord(result) ? str(result, 'relationshipToPartner') : undefined;
    const dap = isRecord(result) ? bool(result, 'allowDelegatedAccess') : undefined;
    const removed: RemoveRelationshipResult = {
      customerId: id,
      relationshipToPartner: relationship ?? 'none',
    };
    if (dap !== undefined) removed.allowDelegatedAccess = dap;
    return removed;
  }

  async suspendSubscription(
    customerId: string,
    subscriptionId: string,
    ctx: CallContext,
  ): Promise<Subscription> {
    const id = checkCustomerId(customerId);
    const sid = checkId(subscriptionId, 'subscription id');
    const body = await this.transport.send(
      {
        name: 'suspendSubscription',
        method: 'PATCH',
        path: `/v1/customers/${id}/subscriptions/${sid}`,
        body: { id: sid, status: 'suspended', attributes: { objectType: 'Subscription' } },
        retry: 'idempotent-write',
      },
      ctx,
    );
    return parseAnswer('suspendSubscription', () => toSubscription(body));
  }

  // -------------------------------------------------------------------- roles

  async listRoles(ctx: CallContext): Promise<PartnerRole[]> {
    const body = await this.transport.send(
      { name: 'listRoles', method: 'GET', path: '/v1/roles', retry: 'always' },
      ctx,
    );
    return parseAnswer('listRoles', () => collectionItems(body).map(toRole));
  }

  async listRoleMembers(roleId: string, ctx: CallContext): Promise<PartnerRoleMember[]> {
    const id = checkId(roleId, 'role id');
    const resource = `/v1/roles/${id}/usermembers`;
    const members: PartnerRoleMember[] = [];
    let continuation: string | undefined;
    const seen = new Set<string>();
    do {
      const op = pageOperation(
        'listRoleMembers',
        continuation ? undefined : resource,
        continuation,
        resource,
      );
      const body = await this.transport.send(op, ctx);
      const page = this.page('listRoleMembers', body, toRoleMember, resource);
      members.push(...page.items);
      continuation = page.continuation;
      if (continuation !== undefined && seen.has(continuation)) break;
      if (continuation !== undefined) seen.add(continuation);
    } while (continuation !== undefined);
    return members;
  }

  // ------------------------------------------------------------------ paging

  private page<T>(name: string, body: unknown, map: (v: unknown) => T, resource: string): Page<T> {
    return parseAnswer(name, () => toPage(body, map, resource, this.transport.root()));
  }
}

function checkCustomerId(id: string): string {
  if (!isCustomerId(id)) throw new PartnerCenterError('bad_request', 'Invalid customer id');
  return id;
}

function checkId(id: string, what: string): string {
  if (typeof id !== 'string' || !SAFE_ID.test(id)) {
    throw new PartnerCenterError('bad_request', `Invalid ${what}`);
  }
  return id;
}

function checkPageSize(size: number, allowZero: boolean): number {
  if (!Number.isInteger(size) || size > MAX_PAGE_SIZE || size < (allowZero ? 0 : 1)) {
    throw new PartnerCenterError('bad_request', `Page size must be ${allowZero ? 0 : 1}..${MAX_PAGE_SIZE}`);
  }
  return size;
}
