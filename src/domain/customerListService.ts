import { createHash } from 'node:crypto';
import type { CallContext, PartnerCenterClient } from '../partnerCenter/client';
import { isPartnerCenterError, type PartnerCenterError } from '../partnerCenter/errors';
import type { Customer, CustomerRelationship, SubscribedSku, Subscription } from '../partnerCenter/types';
import type { CustomerPageCache } from './customerCache';
import {
  FETCH_SIZE,
  PAGE_SIZE,
  PAGES_PER_CHUNK,
  SEARCH_FETCH_SIZE,
  SEARCH_PAGES_PER_FIELD,
  boundBack,
  chunkIndexOf,
  customerCacheKeys,
  nextPosition,
  offsetInChunk,
  previousPosition,
  type CustomerRow,
  type ListPosition,
} from './customerList';
import { searchCustomers } from './customerSearch';

/** One card page of the list, with where Previous and Next lead. */
export interface CustomerListPage {
  /** The position shown (may differ from the one asked for when the list shrank). */
  position: ListPosition;
  rows: CustomerRow[];
  /** Customers in the list (or matching the search). */
  totalCount: number;
  previous?: ListPosition;
  next?: ListPosition;
  /** Search only: more customers matched than were read; the user should refine the search. */
  capped?: boolean;
  /** Search only: the number of matches read (when capped). */
  cappedAt?: number;
}

/** A section of the expanded record that loaded, or the Partner Center error it failed with. */
type Section<T> = { ok: true; value: T } | { ok: false; error: PartnerCenterError };

export interface CustomerDetails {
  customer: Customer;
  subscriptions: Section<Subscription[]>;
  users: Section<{ totalCount: number; names: string[] }>;
  licenses: Section<SubscribedSku[]>;
  relationships: Section<CustomerRelationship[]>;
}

interface CachedChunk {
  kind: 'customers.chunk';
  rows: CustomerRow[];
  totalCount: number;
  continuation?: string;
}

interface CachedSearch {
  kind: 'customers.search';
  rows: CustomerRow[];
  capped: boolean;
}

interface LoadOptions {
  /** Bypass the cache (Refresh); the fresh answer replaces the cached one. */
  fresh?: boolean;
}

/** How many user names the expanded record lists. */
const USERS_LISTED = 5;

const rowOf = (c: Customer): CustomerRow => ({ id: c.id, companyName: c.companyName, domain: c.domain });

/**
 * Reads the customer list from Partner Center through the per-partner page cache, and a
 * customer's expanded record on demand.
 */
export class CustomerListService {
  constructor(
    private readonly client: PartnerCenterClient,
    private readonly cache: CustomerPageCache<unknown>,
    private readonly partnerTenantId: string,
  ) {}

  /** The card page at `position` (search or whole list). */
  async loadPage(
    position: ListPosition,
    ctx: CallContext,
    options: LoadOptions = {},
  ): Promise<CustomerListPage> {
    return position.search === undefined
      ? this.loadListPage(position, ctx, options)
      : this.loadSearchPage(position.search, position.page, ctx, options);
  }

  // ------------------------------------------------------------ whole list

  private async loadListPage(
    requested: ListPosition,
    ctx: CallContext,
    options: LoadOptions,
  ): Promise<CustomerListPage> {
    let position: ListPosition = { page: requested.page, back: requested.back ?? [] };
    if (requested.token !== undefined) position.token = requested.token;
    const chunkIndex = chunkIndexOf(position.page);
    if (chunkIndex === 0) {
      delete position.token;
      position.back = [];
    } else if (position.token === undefined) {
      position = await this.walkTo(position.page, ctx);
    }
    let chunk = await this.chunk(position.token, ctx, options.fresh ?? false);
    if (offsetInChunk(position.page) >= chunk.rows.length && position.page > 0) {
      // The list shrank under us: show the last page of this chunk, or start over.
      if (chunk.rows.length > 0) {
        const last =
          chunkIndexOf(position.page) * PAGES_PER_CHUNK + Math.floor((chunk.rows.length - 1) / PAGE_SIZE);
        position = { ...position, page: last };
      } else {
        position = { page: 0, back: [] };
        chunk = await this.chunk(undefined, ctx, options.fresh ?? false);
      }
    }
    const offset = offsetInChunk(position.page);
    const page: CustomerListPage = {
      position,
      rows: chunk.rows.slice(offset, offset + PAGE_SIZE),
      totalCount: Math.max(chunk.totalCount, chunk.rows.length),
    };
    const previous = previousPosition(position);
    const next = nextPosition(position, chunk.rows.length, chunk.continuation);
    if (previous) page.previous = previous;
    if (next) page.next = next;
    return page;
  }

  /** Finds the token of the chunk holding `page` by following continuations from the first chunk. */
  private async walkTo(page: number, ctx: CallContext): Promise<ListPosition> {
    const target = chunkIndexOf(page);
    const tokens: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < target; i++) {
      const chunk = await this.chunk(token, ctx, false);
      if (chunk.continuation === undefined) {
        // Fewer chunks than the page implies: the last page of the last chunk.
        const last = i * PAGES_PER_CHUNK + Math.max(0, Math.floor((chunk.rows.length - 1) / PAGE_SIZE));
        return this.positionAfterWalk(last, token, tokens);
      }
      if (token !== undefined) tokens.push(token);
      token = chunk.continuation;
    }
    return this.positionAfterWalk(page, token, tokens);
  }

  private positionAfterWalk(page: number, token: string | undefined, before: string[]): ListPosition {
    const position: ListPosition = { page, back: boundBack(before) };
    // A token too long for card data is still used for this page; the card then carries none.
    if (token !== undefined) position.token = token;
    return position;
  }

  private async chunk(token: string | undefined, ctx: CallContext, fresh: boolean): Promise<CachedChunk> {
    const key = customerCacheKeys.chunk(token === undefined ? 'first' : sha256(token));
    if (!fresh) {
      const hit = this.cache.get(this.partnerTenantId, key) as CachedChunk | undefined;
      if (hit?.kind === 'customers.chunk') return hit;
    }
    const page = await this.client.listCustomersPage({ size: FETCH_SIZE, continuation: token }, ctx);
    const chunk: CachedChunk = {
      kind: 'customers.chunk',
      rows: page.items.map(rowOf),
      totalCount: page.totalCount,
    };
    if (page.continuation !== undefined) chunk.continuation = page.continuation;
    this.cache.set(this.partnerTenantId, key, chunk);
    return chunk;
  }

  // ---------------------------------------------------------------- search

  private async loadSearchPage(
    search: string,
    requestedPage: number,
    ctx: CallContext,
    options: LoadOptions,
  ): Promise<CustomerListPage> {
    const result = await this.searchAll(search, ctx, options.fresh ?? false);
    const lastPage = Math.max(0, Math.ceil(result.rows.length / PAGE_SIZE) - 1);
    const page = Math.min(Math.max(0, requestedPage), lastPage);
    const out: CustomerListPage = {
      position: { search, page },
      rows: result.rows.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE),
      totalCount: result.rows.length,
    };
    if (page > 0) out.previous = { search, page: page - 1 };
    if (page < lastPage) out.next = { search, page: page + 1 };
    if (result.capped) {
      out.capped = true;
      out.cappedAt = result.rows.length;
    }
    return out;
  }

  /** Both searches (company name, domain), each followed for a bounded number of pages, merged. */
  private async searchAll(search: string, ctx: CallContext, fresh: boolean): Promise<CachedSearch> {
    const key = customerCacheKeys.search(search);
    if (!fresh) {
      const hit = this.cache.get(this.partnerTenantId, key) as CachedSearch | undefined;
      if (hit?.kind === 'customers.search') return hit;
    }
    const found = await searchCustomers(this.client, search, ctx, {
      pageSize: SEARCH_FETCH_SIZE,
      maxPagesPerField: SEARCH_PAGES_PER_FIELD,
    });
    const result: CachedSearch = {
      kind: 'customers.search',
      rows: found.customers.map(rowOf),
      capped: found.capped,
    };
    this.cache.set(this.partnerTenantId, key, result);
    return result;
  }

  // -------------------------------------------------------------- details

  /**
   * The expanded record. Fails (rejects) only when the customer itself cannot be read; users,
   * licenses, subscriptions and relationships each report their own failure (e.g. no delegated
   * admin access) so the rest still shows.
   */
  async loadDetails(customerId: string, appCtx: CallContext, userCtx: CallContext): Promise<CustomerDetails> {
    const [customer, subscriptions, users, licenses, relationships] = await Promise.all([
      this.client.getCustomer(customerId, appCtx),
      section(this.client.listSubscriptions(customerId, appCtx)),
      section(
        this.client.listUsers(customerId, { size: USERS_LISTED }, userCtx).then((p) => ({
          totalCount: Math.max(p.totalCount, p.items.length),
          names: p.items.map((u) => u.displayName || u.userPrincipalName),
        })),
      ),
      section(this.client.listSubscribedSkus(customerId, userCtx)),
      section(this.client.listCustomerRelationships(customerId, appCtx)),
    ]);
    return { customer, subscriptions, users, licenses, relationships };
  }
}

async function section<T>(promise: Promise<T>): Promise<Section<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (isPartnerCenterError(error)) return { ok: false, error };
    throw error;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
