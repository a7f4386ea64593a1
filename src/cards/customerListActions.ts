import { z } from 'zod';
import { customerIdSchema } from '../common/customerId';
import {
  MAX_BACK_TOKENS,
  MAX_CARD_TOKEN_CHARS,
  MAX_PAGE_INDEX,
  MAX_SEARCH_CHARS,
  type ListPosition,
} from '../domain/customerList';

/**
 * The wire contract of the customer list card's buttons: verbs and the data they carry. The
 * handlers are stateless: everything they need rides in the card (validated with these schemas
 * when it comes back; the continuation tokens are validated again by the Partner Center client).
 */
export const CUSTOMER_VERBS = {
  /** Previous / Next / Refresh: data is the position to show (`r: 1` = bypass the cache). */
  page: 'customers.page',
  /** Search button: the Input.Text `searchText` (page 0 of that search; empty = whole list). */
  search: 'customers.search',
  /** A row's selectAction: the position shown, `x` = the customer expanded now, `customerId` = that row. */
  expand: 'customers.expand',
  /** "Remove customer relationship" on an expanded record: starts the remove flow with `{customerId}`. */
  remove: 'customers.remove',
  /** "Request admin access" on an expanded record without GDAP: starts invite with `{customerId, adminAccessOnly}`. */
  requestAdminAccess: 'customers.requestAdminAccess',
  /** "Open in Customer Connect" on a compact customer card (message extension): `{customerId}`. */
  open: 'customers.open',
} as const;

export { customerIdSchema };

const token = z.string().min(1).max(MAX_CARD_TOKEN_CHARS);

/** Position data of page / expand buttons. Short keys: the data is repeated on several buttons. */
export const positionDataSchema = z.object({
  v: z.literal(1),
  p: z.number().int().min(0).max(MAX_PAGE_INDEX),
  s: z.string().min(1).max(MAX_SEARCH_CHARS).optional(),
  t: token.optional(),
  b: z.array(token).max(MAX_BACK_TOKENS).optional(),
  /** Refresh: bypass the cache. */
  r: z.literal(1).optional(),
  /** The customer expanded on the card (Expand on it again collapses). */
  x: customerIdSchema.optional(),
});
export type PositionData = z.infer<typeof positionDataSchema>;

export const expandDataSchema = positionDataSchema.extend({
  /** The Input.ChoiceSet value: empty when nothing was chosen. */
  customerId: z.union([z.literal(''), customerIdSchema]).optional(),
});

/** Data of "Open in Customer Connect": the customer to show expanded. */
export const openDataSchema = z.object({ customerId: customerIdSchema });

export const searchDataSchema = z.object({
  v: z.literal(1),
  /** The Input.Text value (its length is checked by the handler to answer with a clear message). */
  searchText: z.string().max(10_000).optional(),
});

export function encodePosition(position: ListPosition, extra: { refresh?: boolean; expanded?: string } = {}) {
  const data: PositionData = { v: 1, p: position.page };
  if (position.search !== undefined) data.s = position.search;
  if (position.token !== undefined) data.t = position.token;
  if (position.back !== undefined && position.back.length > 0) data.b = [...position.back];
  if (extra.refresh) data.r = 1;
  if (extra.expanded !== undefined) data.x = extra.expanded;
  return data;
}

export function decodePosition(data: PositionData): ListPosition {
  const position: ListPosition = { page: data.p };
  if (data.s !== undefined) position.search = data.s;
  if (data.t !== undefined) position.token = data.t;
  position.back = data.b ?? [];
  return position;
}
