/**
 * Paging, search and truncation rules of the customer list (plain TypeScript, no botbuilder).
 *
 * Paging follows Partner Center's continuation: the list is read in "chunks" of FETCH_SIZE
 * customers (one `GET /v1/customers?size=100` page, or the page its continuation token leads
 * to) and shown PAGE_SIZE at a time, so one Partner Center call serves ten card pages. A list
 * position is the card page number plus the continuation token of the chunk holding it, and a
 * small stack of the tokens of the chunks before it (so "Previous" returns exactly the page seen
 * before). The stack is bounded; a position whose token is unknown (stack trimmed, token too
 * long for card data) is found again by walking the chunks from the first one, which the page
 * cache normally answers without calling Partner Center.
 */

/** Customers per card page. */
export const PAGE_SIZE = 10;
/** Customers per Partner Center page ("chunk"); a multiple of PAGE_SIZE. */
export const FETCH_SIZE = 100;
export const PAGES_PER_CHUNK = FETCH_SIZE / PAGE_SIZE;
/** Longest continuation token kept in card data; longer ones are re-found by walking. */
export const MAX_CARD_TOKEN_CHARS = 4096;
/** At most this many earlier-chunk tokens, and this many characters of them, ride in card data. */
export const MAX_BACK_TOKENS = 6;
export const MAX_BACK_CHARS = 4096;
/** Search: Partner Center page size, and pages read per field (so at most 1,000 matches per field). */
export const SEARCH_FETCH_SIZE = 500;
export const SEARCH_PAGES_PER_FIELD = 2;
/** Longest accepted search text. */
export const MAX_SEARCH_CHARS = 100;
/** Highest page number accepted from card data (100,000 customers at most in any tenant we know). */
export const MAX_PAGE_INDEX = 100_000;

/** Where the user is in the list: what the card's buttons carry (validated when they come back). */
export interface ListPosition {
  /** Search text (starts-with on company name or domain); undefined = the whole list. */
  search?: string;
  /** 0-based card page. */
  page: number;
  /** Continuation token of the chunk holding `page` (undefined for the first chunk or when unknown). */
  token?: string;
  /** Tokens of the chunks before, nearest last (whole list only). */
  back?: string[];
}

/** One row of the list. */
export interface CustomerRow {
  id: string;
  companyName: string;
  domain: string;
}

export function chunkIndexOf(page: number): number {
  return Math.floor(page / PAGES_PER_CHUNK);
}

export function offsetInChunk(page: number): number {
  return (page % PAGES_PER_CHUNK) * PAGE_SIZE;
}

/** Whether a token may travel in card data. */
function tokenFitsCard(token: string | undefined): token is string {
  return token !== undefined && token.length <= MAX_CARD_TOKEN_CHARS;
}

/**
 * Adds a token to the back stack (drops the oldest beyond the bounds). An unknown or over-long
 * token clears the stack: what lies behind it is re-found by walking.
 */
export function pushBack(back: readonly string[], token: string | undefined): string[] {
  if (!tokenFitsCard(token)) return [];
  const out = [...back, token];
  let chars = out.reduce((n, t) => n + t.length, 0);
  while (out.length > MAX_BACK_TOKENS || chars > MAX_BACK_CHARS) chars -= out.shift()?.length ?? 0;
  return out;
}

/** Keeps only the tokens that fit card data, within the bounds (nearest last). */
export function boundBack(tokens: readonly string[]): string[] {
  let out: string[] = [];
  for (const t of tokens) out = pushBack(out, t);
  return out;
}

/**
 * The position after `current` in the whole list. `chunkLength` is how many customers the
 * current chunk has, `continuation` Partner Center's token for the chunk after it.
 */
export function nextPosition(
  current: ListPosition,
  chunkLength: number,
  continuation: string | undefined,
): ListPosition | undefined {
  const page = current.page + 1;
  if (
    offsetInChunk(current.page) + PAGE_SIZE < chunkLength &&
    chunkIndexOf(page) === chunkIndexOf(current.page)
  ) {
    return withoutUndefined({ page, token: current.token, back: current.back ?? [] });
  }
  if (continuation === undefined) return undefined;
  // Crossing into the next chunk: the current chunk's token goes onto the stack.
  const back = chunkIndexOf(current.page) === 0 ? [] : pushBack(current.back ?? [], current.token);
  return withoutUndefined({
    page: Math.max(page, (chunkIndexOf(current.page) + 1) * PAGES_PER_CHUNK),
    token: tokenFitsCard(continuation) ? continuation : undefined,
    back,
  });
}

/** The position before `current` in the whole list (undefined on the first page). */
export function previousPosition(current: ListPosition): ListPosition | undefined {
  if (current.page <= 0) return undefined;
  const page = current.page - 1;
  const chunk = chunkIndexOf(current.page);
  if (chunkIndexOf(page) === chunk) {
    return withoutUndefined({ page, token: current.token, back: current.back ?? [] });
  }
  if (chunk - 1 === 0) return { page, back: [] };
  const back = current.back ?? [];
  const token = back[back.length - 1];
  // Unknown token: the handler walks from the first chunk.
  if (token === undefined) return { page, back: [] };
  return { page, token, back: back.slice(0, -1) };
}

function withoutUndefined(p: ListPosition): ListPosition {
  const out: ListPosition = { page: p.page };
  if (p.search !== undefined) out.search = p.search;
  if (p.token !== undefined) out.token = p.token;
  if (p.back !== undefined) out.back = p.back;
  return out;
}

/** The position as it may travel in card data: over-long tokens dropped (re-found by walking). */
export function cardPosition(p: ListPosition): ListPosition {
  const out: ListPosition = { page: p.page };
  if (p.search !== undefined) {
    out.search = p.search;
    return out;
  }
  if (tokenFitsCard(p.token)) out.token = p.token;
  out.back = out.token === undefined ? [] : boundBack(p.back ?? []);
  return out;
}

/** Total number of card pages for `total` customers (at least 1). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** Trims and collapses blanks; undefined for an empty search. */
export function normalizeSearch(text: string | undefined): string | undefined {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Partner Center searches one field at a time; the bot searches company name and domain and shows
 * the union: deduplicated by id, ordered by company name then domain.
 */
export function mergeSearchResults<T extends CustomerRow>(...lists: readonly (readonly T[])[]): T[] {
  const byId = new Map<string, T>();
  for (const list of lists) for (const c of list) if (!byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()].sort(
    (a, b) => collator.compare(a.companyName, b.companyName) || collator.compare(a.domain, b.domain),
  );
}

/** Does `row` match a Partner Center search (case-insensitive starts-with on name or domain)? */
export function matchesSearch(row: CustomerRow, search: string): boolean {
  const s = search.toLowerCase();
  return row.companyName.toLowerCase().startsWith(s) || row.domain.toLowerCase().startsWith(s);
}

/** The first `max` items and how many were left out ("and N more"). */
export function truncateList<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  const n = Math.max(0, max);
  return { shown: items.slice(0, n), more: Math.max(0, items.length - n) };
}

/** Cache keys of the customer list (per partner; the cache adds the partner tenant id). */
export const customerCacheKeys = {
  chunk: (tokenHash: string) => `customers:list:${FETCH_SIZE}:${tokenHash}`,
  search: (search: string) => `customers:search:${search.toLowerCase()}`,
} as const;
