/**
 * Partner Center paging: the opaque continuation token handed to callers (it may come back from
 * card data, so it is validated like any untrusted input), and the next-link handling around it.
 */
import { PartnerCenterError } from './errors';
import { collectionItems, nextLink, ResponseShapeError, type WireNextLink } from './mappers';
import { isRecord, num } from './normalize';
import type { Operation } from './transport';
import type { Page } from './types';

const CONTINUATION_PREFIX = 'pc1.';
const CONTINUATION_HEADER = 'ms-continuationtoken';

/** Opaque continuation: the next link (relative uri + continuation header), base64url JSON. */
export function encodeContinuation(next: WireNextLink, resource: string): string {
  const headers = next.headers.filter((h) => h.key.toLowerCase() === CONTINUATION_HEADER);
  // Validate what we hand out with the same rules we apply when it comes back.
  const token =
    CONTINUATION_PREFIX + Buffer.from(JSON.stringify({ u: next.uri, h: headers })).toString('base64url');
  decodeContinuation(token, resource);
  return token;
}

/**
 * Continuations may come back from card data, so they are untrusted: only a relative uri on the
 * expected resource, no path tricks, and only the MS-ContinuationToken header.
 */
export function decodeContinuation(token: string, resource: string): WireNextLink {
  const invalid = () => new PartnerCenterError('bad_request', 'Invalid continuation token');
  if (typeof token !== 'string' || !token.startsWith(CONTINUATION_PREFIX) || token.length > 16_384)
    throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token.slice(CONTINUATION_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!isRecord(parsed) || typeof parsed['u'] !== 'string' || !Array.isArray(parsed['h'])) throw invalid();
  const uri = parsed['u'];
  const [path = '', query] = uri.split('?', 2);
  if (path.toLowerCase() !== resource.toLowerCase() || /[\s\\#]/.test(uri) || uri.length > 8192)
    throw invalid();
  if (query !== undefined && !/^[\x21-\x7e]*$/.test(query)) throw invalid();
  const headers: { key: string; value: string }[] = [];
  for (const h of parsed['h'] as unknown[]) {
    if (!isRecord(h) || typeof h['key'] !== 'string' || typeof h['value'] !== 'string') throw invalid();
    if (h['key'].toLowerCase() !== CONTINUATION_HEADER) throw invalid();
    if (h['value'].length > 8192 || /[\r\n\0]/.test(h['value'])) throw invalid();
    headers.push({ key: 'MS-ContinuationToken', value: h['value'] });
  }
  return { uri, headers };
}

/**
 * The GET of a page: the first one at `path`, a later one (`path` undefined) from the caller's
 * continuation, which must belong to `resource`.
 */
export function pageOperation(
  name: string,
  path: string | undefined,
  continuation: string | undefined,
  resource: string,
): Operation {
  if (path !== undefined) return { name, method: 'GET', path, retry: 'always' };
  const next = decodeContinuation(continuation ?? '', resource);
  const headers: Record<string, string> = {};
  for (const h of next.headers) headers[h.key] = h.value;
  return { name, method: 'GET', path: next.uri, headers, retry: 'always' };
}

/** A collection answer as a page, its next link (if any) turned into a continuation. */
export function toPage<T>(body: unknown, map: (v: unknown) => T, resource: string, root: string): Page<T> {
  const items = collectionItems(body).map(map);
  const totalCount = (isRecord(body) ? num(body, 'totalCount') : undefined) ?? items.length;
  const next = nextLink(body);
  const page: Page<T> = { items, totalCount };
  if (next) {
    try {
      page.continuation = encodeContinuation(relativeNext(next, root), resource);
    } catch {
      throw new ResponseShapeError('unexpected next link');
    }
  }
  return page;
}

/**
 * `links.next.uri` is relative to the API root and already starts with /v1 (never prefix it again);
 * tolerate a uri without /v1, and an absolute uri on our own root.
 */
function relativeNext(next: WireNextLink, root: string): WireNextLink {
  let uri = next.uri.trim();
  if (/^https?:\/\//i.test(uri)) {
    if (!uri.toLowerCase().startsWith(root.toLowerCase() + '/')) {
      throw new ResponseShapeError('next link points outside the API root');
    }
    uri = uri.slice(root.length);
  }
  if (!uri.startsWith('/')) uri = '/' + uri;
  if (!/^\/v1(\/|\?|$)/i.test(uri)) uri = '/v1' + uri;
  return { uri, headers: next.headers };
}
