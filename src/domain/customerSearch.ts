import type { CallContext, PartnerCenterClient } from '../partnerCenter/client';
import { isPartnerCenterError } from '../partnerCenter/errors';
import type { Customer, CustomerSearchField } from '../partnerCenter/types';
import { mergeSearchResults } from './customerList';

/**
 * Customer search as the bot does it everywhere: Partner Center searches one field at a time
 * (starts-with, case-insensitive), so the bot searches company name and domain and shows the union
 * (deduplicated by id, ordered by company name then domain). A customer id is looked up directly.
 */

/** How much of each field's result is read. */
interface CustomerSearchLimits {
  /** Partner Center page size. */
  pageSize: number;
  /** Pages read per field at most; more matches than that make the result `capped`. */
  maxPagesPerField: number;
}

export interface CustomerSearchResult {
  /** The matches read, merged. */
  customers: Customer[];
  /** How many customers match (Partner Center's counts less the overlap read; at least those read). */
  totalCount: number;
  /** More customers matched than were read. */
  capped: boolean;
}

const CUSTOMER_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether search text is a customer id (a GUID), to be looked up rather than searched. */
export function isCustomerId(text: string): boolean {
  return CUSTOMER_GUID.test(text);
}

/** Company names and domains starting with `prefix`, merged. */
export async function searchCustomers(
  client: PartnerCenterClient,
  prefix: string,
  ctx: CallContext,
  limits: CustomerSearchLimits,
): Promise<CustomerSearchResult> {
  const [byName, byDomain] = await Promise.all([
    searchField(client, 'CompanyName', prefix, ctx, limits),
    searchField(client, 'Domain', prefix, ctx, limits),
  ]);
  const customers = mergeSearchResults(byName.items, byDomain.items);
  const overlap = byName.items.length + byDomain.items.length - customers.length;
  return {
    customers,
    totalCount: Math.max(customers.length, byName.totalCount + byDomain.totalCount - overlap),
    capped: byName.capped || byDomain.capped,
  };
}

/** `searchCustomers`, except that a customer id finds that customer (or nothing). */
export async function findCustomers(
  client: PartnerCenterClient,
  text: string,
  ctx: CallContext,
  limits: CustomerSearchLimits,
): Promise<CustomerSearchResult> {
  if (!isCustomerId(text)) return searchCustomers(client, text, ctx, limits);
  try {
    return { customers: [await client.getCustomer(text.toLowerCase(), ctx)], totalCount: 1, capped: false };
  } catch (err) {
    if (isPartnerCenterError(err, 'not_found')) return { customers: [], totalCount: 0, capped: false };
    throw err;
  }
}

async function searchField(
  client: PartnerCenterClient,
  field: CustomerSearchField,
  prefix: string,
  ctx: CallContext,
  limits: CustomerSearchLimits,
): Promise<{ items: Customer[]; totalCount: number; capped: boolean }> {
  const items: Customer[] = [];
  let totalCount = 0;
  let continuation: string | undefined;
  for (let i = 0; i < limits.maxPagesPerField; i++) {
    const page = await client.searchCustomers({ field, prefix, size: limits.pageSize, continuation }, ctx);
    items.push(...page.items);
    totalCount = Math.max(totalCount, page.totalCount);
    continuation = page.continuation;
    if (continuation === undefined) return { items, totalCount, capped: false };
  }
  return { items, totalCount, capped: true };
}
