/** Partner Center paging on the simulator's side: page size, customer filter, continuation tokens. */
import type { Request } from 'restify';
import { isRecord, normalizeKeys } from '../../partnerCenter/normalize';
import { badRequest, type CustomerFilter } from '../model';
import { header } from './respond';

const MAX_PAGE = 500;
const TOKEN_PREFIX = 'sim1.';

interface PagingRequest {
  cursor: number;
  size: number;
  /** The size parameter as given (0 = default), repeated in next links. */
  sizeParam: number;
  filter?: CustomerFilter;
}

/** What a continuation token carries: resource, cursor, page size, size parameter, filter. */
interface SimToken {
  r: string;
  c: number;
  s: number;
  z: number;
  f?: CustomerFilter;
}

export function encodeToken(t: SimToken): string {
  return TOKEN_PREFIX + Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(value: string, resource: string): SimToken {
  const invalid = badRequest('The continuation token is invalid.');
  if (!value.startsWith(TOKEN_PREFIX)) throw invalid;
  let t: unknown;
  try {
    t = JSON.parse(Buffer.from(value.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!isRecord(t) || t['r'] !== resource) throw invalid;
  const c = t['c'];
  const s = t['s'];
  const z = t['z'];
  if (!Number.isInteger(c) || !Number.isInteger(s) || !Number.isInteger(z)) throw invalid;
  if ((s as number) < 1 || (s as number) > MAX_PAGE || (c as number) < 0) throw invalid;
  const f = t['f'];
  let filter: CustomerFilter | undefined;
  if (f !== undefined) {
    if (
      !isRecord(f) ||
      (f['field'] !== 'CompanyName' && f['field'] !== 'Domain') ||
      typeof f['value'] !== 'string'
    ) {
      throw invalid;
    }
    filter = { field: f['field'], value: f['value'] };
  }
  return { r: resource, c: c as number, s: s as number, z: z as number, f: filter };
}

/** The first page from `size`/`filter`, or a later one from `seekOperation=Next` + MS-ContinuationToken. */
export function readPaging(req: Request, url: URL, resource: string): PagingRequest {
  const seek = url.searchParams.get('seekOperation');
  if (seek !== null) {
    if (seek.toLowerCase() !== 'next') throw badRequest('Only seekOperation=Next is supported.');
    const token = header(req, 'ms-continuationtoken');
    if (!token) throw badRequest('The MS-ContinuationToken header is required with seekOperation=Next.');
    const t = decodeToken(token, resource);
    return { cursor: t.c, size: t.s, sizeParam: t.z, filter: t.f };
  }
  const rawSize = url.searchParams.get('size');
  let sizeParam = 0;
  if (rawSize !== null && rawSize !== '') {
    if (!/^\d{1,6}$/.test(rawSize)) throw badRequest('size must be a whole number between 0 and 500.');
    sizeParam = Number(rawSize);
    if (sizeParam > MAX_PAGE) throw badRequest(`size must not exceed ${MAX_PAGE}.`);
  }
  const rawFilter = url.searchParams.get('filter');
  const filter = rawFilter === null ? undefined : parseFilter(rawFilter);
  if (filter && !resource.startsWith('customers')) throw badRequest('filter is not supported here.');
  return { cursor: 0, size: sizeParam === 0 ? MAX_PAGE : sizeParam, sizeParam, filter };
}

function parseFilter(raw: string): CustomerFilter {
  let parsed: unknown;
  try {
    parsed = normalizeKeys(JSON.parse(raw));
  } catch {
    throw badRequest('filter must be JSON: {"Field":"CompanyName","Value":"…","Operator":"starts_with"}.');
  }
  if (!isRecord(parsed)) throw badRequest('filter must be a JSON object.');
  const field = typeof parsed['field'] === 'string' ? parsed['field'].toLowerCase() : '';
  const value = parsed['value'];
  const operator = typeof parsed['operator'] === 'string' ? parsed['operator'].toLowerCase() : '';
  if (operator !== 'starts_with') throw badRequest('Only the starts_with operator is supported.');
  if (typeof value !== 'string' || value.length > 256) throw badRequest('filter Value must be a string.');
  if (field === 'companyname') return { field: 'CompanyName', value };
  if (field === 'domain') return { field: 'Domain', value };
  throw badRequest('filter Field must be CompanyName or Domain.');
}
