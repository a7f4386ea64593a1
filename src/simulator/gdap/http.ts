/** HTTP plumbing of the GDAP simulator: bodies, headers, $filter and paging parameters. */
import type { Request } from 'restify';
import type { SimRelationship } from './rules';
import { badRequest, GraphSimError } from './wire';

/** A handler's answer: the shape (and helpers) the Partner Center simulator's routes use too. */
export type { SimResponse as Answer } from '../http/respond';
export { header, ok, param, sendHtml as html, sendJson as send } from '../http/respond';
import { header } from '../http/respond';

/** `$filter`: clauses `customer/tenantId|status|displayName eq '…'` joined by `and`. */
export function parseFilter(filter: string | null): (r: SimRelationship) => boolean {
  if (filter === null || filter.trim() === '') return () => true;
  const tests = filter.split(/\s+and\s+/i).map((clause) => {
    const m = /^\s*(customer\/tenantId|status|displayName)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(clause);
    if (!m) throw badRequest(`Invalid filter clause: ${clause.slice(0, 100)}`);
    const [, field = '', quoted = ''] = m; // both groups are required by the pattern
    const value = quoted.replace(/''/g, "'");
    if (field.toLowerCase() === 'status') return (r: SimRelationship) => r.status === value;
    if (field.toLowerCase() === 'displayname') return (r: SimRelationship) => r.displayName === value;
    return (r: SimRelationship) => r.customer?.tenantId === value.toLowerCase();
  });
  return (r) => tests.every((t) => t(r));
}

export function readInt(raw: string | null, name: string, min: number, max: number): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw badRequest(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return Number(raw);
}

export function readSkipToken(raw: string | null): number {
  if (raw === null) return 0;
  try {
    const o = (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw badRequest('The $skiptoken is invalid.');
}

export function origin(req: Request): string {
  const host = header(req, 'host') ?? 'localhost';
  return `http://${/^[\w.:[\]-]{1,260}$/.test(host) ? host : 'localhost'}`;
}

export async function readBody(req: Request, limit: number): Promise<Buffer> {
  const parsed = req as { rawBody?: unknown; body?: unknown };
  if (Buffer.isBuffer(parsed.rawBody)) return parsed.rawBody;
  if (req.readableEnded) {
    const b = parsed.body;
    if (Buffer.isBuffer(b)) return b;
    if (typeof b === 'string') return Buffer.from(b);
    return b === undefined || b === null ? Buffer.alloc(0) : Buffer.from(JSON.stringify(b));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new GraphSimError(413, 'RequestEntityTooLarge', 'The request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: Request, limit: number): Promise<unknown> {
  const raw = await readBody(req, limit);
  if (raw.length === 0) throw badRequest('A JSON request body is required.');
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}
