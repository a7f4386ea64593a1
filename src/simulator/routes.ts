import type { Next, Request, Response, Server } from 'restify';
import { isRecord, normalizeKeys } from '../partnerCenter/normalize';
import type { FaultRule } from './faults';
import { faultRulesSchema } from './faults';
import { acceptedPage, acceptPage, indexPage, messagePage } from './pages';
import {
  SIMULATOR_API_BASE_PATH,
  SIMULATOR_ERROR_CODES,
  SIMULATOR_PAGES_PATH,
  SimulatorApiError,
  type CustomerFilter,
  type PartnerCenterSimulator,
} from './simulator';
import {
  collection,
  customerToWire,
  errorBody,
  memberToWire,
  nextLink,
  pascalize,
  providerToWire,
  roleToWire,
  skuToWire,
  subscriptionToWire,
  userToWire,
} from './wire';

export interface SimulatorRouteOptions {
  /** Where the API is mounted (default '/simulator/partner-center'); the client's baseUrl is origin + basePath. */
  basePath?: string;
  /** Register the test/dev endpoints under /simulator/admin (faults, stats). Default true. */
  admin?: boolean;
  /** Largest request body read (default 64 KiB). */
  maxBodyBytes?: number;
}

interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type ApiHandler = (req: Request, url: URL) => SimResponse | Promise<SimResponse>;

const MAX_PAGE = 500;
const TOKEN_PREFIX = 'sim1.';

/**
 * Registers the simulated Partner Center API under `basePath` and the customer-facing pages under
 * /simulator on a restify server. Reads bodies itself (no bodyParser needed).
 *
 * API routes (relative to basePath): GET /v1/customers (paging, search), GET
 * /v1/customers/relationshiprequests, GET|PATCH /v1/customers/:id, GET /v1/customers/:id/subscriptions,
 * GET|PATCH /v1/customers/:id/subscriptions/:sid, GET /v1/customers/:id/users, GET
 * /v1/customers/:id/subscribedskus, GET /v1/customers/:id/relationships, GET /v1/relationships,
 * GET /v1/roles, GET /v1/roles/:id/usermembers.
 * Pages: GET /simulator, GET|POST /simulator/accept, GET /simulator/certs/webhook.cer (PEM),
 * GET /simulator/certs/root.cer (PEM), GET /simulator/roles/:aadObjectId (JSON);
 * admin: GET|POST|DELETE /simulator/admin/faults, GET|DELETE /simulator/admin/stats.
 */
export function registerSimulatorRoutes(
  server: Server,
  sim: PartnerCenterSimulator,
  options: SimulatorRouteOptions = {},
): void {
  const basePath = (options.basePath ?? SIMULATOR_API_BASE_PATH).replace(/\/+$/, '');
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const log = sim.logger;

  function register(method: Method, path: string, fn: (req: Request, res: Response) => Promise<void>): void {
    const handler = (req: Request, res: Response, next: Next): void => {
      fn(req, res).then(
        () => next(),
        (err: unknown) => {
          log.error({ err, path }, 'simulator: handler failed');
          if (!res.headersSent && !res.destroyed) {
            sendJson(res, 500, errorBody(500, 'Internal simulator error'));
          }
          next();
        },
      );
    };
    if (method === 'GET') server.get(path, handler);
    else if (method === 'POST') server.post(path, handler);
    else if (method === 'PATCH') server.patch(path, handler);
    else server.del(path, handler);
  }

  function api(method: Method, template: string, handler: ApiHandler): void {
    const routeKey = `${method} ${template}`;
    register(method, basePath + template, async (req, res) => {
      const url = requestUrl(req);
      sim.recordRequest(routeKey, header(req, 'ms-requestid'));
      const echo: Record<string, string> = {};
      const rid = header(req, 'ms-requestid');
      const cid = header(req, 'ms-correlationid');
      if (rid && /^[\w-]{1,64}$/.test(rid)) echo['MS-RequestId'] = rid;
      if (cid && /^[\w.-]{1,128}$/.test(cid)) echo['MS-CorrelationId'] = cid;

      if (!/^Bearer\s+\S+/i.test(header(req, 'authorization') ?? '')) {
        sendJson(
          res,
          401,
          errorBody(SIMULATOR_ERROR_CODES.unauthorized, 'Authorization Failed: no bearer token.'),
          {
            ...echo,
            'WWW-Authenticate': 'Bearer',
          },
        );
        return;
      }
      const before = sim.faults.decide(routeKey, 'before');
      if (before.latencyMs > 0) await waitUnlessClosed(res, before.latencyMs);
      if (res.destroyed || req.socket.destroyed) return;
      if (before.terminal) return applyFault(before.terminal, req, res, echo);

      let response: SimResponse;
      try {
        response = await handler(req, url);
      } catch (e) {
        if (!(e instanceof SimulatorApiError)) throw e;
        response = { status: e.status, body: errorBody(e.code, e.description) };
      }

      const after = sim.faults.decide(routeKey, 'after');
      if (after.latencyMs > 0) await waitUnlessClosed(res, after.latencyMs);
      if (res.destroyed || req.socket.destroyed) return;
      if (after.terminal) return applyFault(after.terminal, req, res, echo);
      sendJson(res, response.status, response.body, { ...echo, ...response.headers });
    });
  }

  // ------------------------------------------------------------------- API

  api('GET', '/v1/customers', (req, url) => {
    const page = readPaging(req, url, 'customers');
    const result = sim.pageCustomers(page.cursor, page.size, page.filter);
    const filterParam = page.filter
      ? `&filter=${encodeURIComponent(JSON.stringify({ Field: page.filter.field, Value: page.filter.value, Operator: 'starts_with' }))}`
      : '';
    const next =
      result.next === undefined
        ? undefined
        : nextLink(
            `/v1/customers?size=${page.sizeParam}${filterParam}&seekOperation=Next`,
            encodeToken({ r: 'customers', c: result.next, s: page.size, z: page.sizeParam, f: page.filter }),
          );
    const self = `/v1/customers?size=${page.sizeParam}${filterParam}`;
    return ok(
      collection(
        result.items.map((c) => customerToWire(c, false)),
        result.totalCount,
        self,
        next,
      ),
    );
  });

  api('GET', '/v1/customers/relationshiprequests', (_req, url) => {
    const provider = url.searchParams.get('indirectCloudSolutionProviderId') ?? undefined;
    if (provider !== undefined && !/^[A-Za-z0-9-]{1,64}$/.test(provider)) {
      throw badRequest('indirectCloudSolutionProviderId is not a valid id.');
    }
    return ok({
      url: sim.relationshipRequestUrl(provider),
      attributes: { objectType: 'RelationshipRequest' },
    });
  });

  api('GET', '/v1/customers/:id', (req) => ok(customerToWire(sim.getCustomer(param(req, 'id')), true)));

  api('PATCH', '/v1/customers/:id', async (req) => {
    const id = param(req, 'id');
    const body = normalizeKeys(await readJson(req, maxBody));
    if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
    const relationship = body['relationshiptopartner'];
    if (typeof relationship === 'string' && relationship.toLowerCase() === 'none') {
      return ok(pascalize(customerToWire(sim.removeRelationship(id), true)));
    }
    if (body['allowdelegatedaccess'] === false) {
      return ok(pascalize(customerToWire(sim.setDelegatedAccess(id, false), true)));
    }
    throw badRequest('Only relationshipToPartner "none" or allowDelegatedAccess false can be changed.');
  });

  api('GET', '/v1/customers/:id/subscriptions', (req) => {
    const id = param(req, 'id');
    const items = sim.listSubscriptions(id).map((s) => subscriptionToWire(s, id));
    return ok(collection(items, items.length, `/v1/customers/${id}/subscriptions`));
  });

  api('GET', '/v1/customers/:id/subscriptions/:sid', (req) => {
    const id = param(req, 'id');
    return ok(subscriptionToWire(sim.getSubscription(id, param(req, 'sid')), id));
  });

  api('PATCH', '/v1/customers/:id/subscriptions/:sid', async (req) => {
    const id = param(req, 'id');
    const sid = param(req, 'sid');
    const body = normalizeKeys(await readJson(req, maxBody));
    if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
    const status = body['status'];
    if (typeof status !== 'string' || status.toLowerCase() !== 'suspended') {
      throw badRequest('The simulator only supports changing a subscription status to "suspended".');
    }
    sim.getSubscription(id, sid); // 404 first
    return ok(subscriptionToWire(sim.suspendSubscription(id, sid), id));
  });

  api('GET', '/v1/customers/:id/users', (req, url) => {
    const id = param(req, 'id');
    const page = readPaging(req, url, `users:${id}`);
    const result = sim.pageUsers(id, page.cursor, page.size);
    const next =
      result.next === undefined
        ? undefined
        : nextLink(
            `/v1/customers/${id}/users?size=${page.sizeParam}&seekOperation=Next`,
            encodeToken({ r: `users:${id}`, c: result.next, s: page.size, z: page.sizeParam }),
          );
    return ok(
      collection(
        result.items.map((u) => userToWire(u, id)),
        result.totalCount,
        `/v1/customers/${id}/users?size=${page.sizeParam}`,
        next,
      ),
    );
  });

  api('GET', '/v1/customers/:id/subscribedskus', (req) => {
    const id = param(req, 'id');
    const items = sim.listSubscribedSkus(id).map(skuToWire);
    return ok(collection(items, items.length, `/v1/customers/${id}/subscribedskus`));
  });

  api('GET', '/v1/customers/:id/relationships', (req) => {
    const id = param(req, 'id');
    const items = sim.listCustomerRelationships(id).map(providerToWire);
    // Partner Center answers `items: null` when a customer has no partner relationships.
    return ok(collection(items.length ? items : null, items.length, `/v1/customers/${id}/relationships`));
  });

  api('GET', '/v1/relationships', (_req, url) => {
    const type = url.searchParams.get('relationship_type') ?? '';
    if (type.toLowerCase() === 'isindirectresellerof') {
      const items = sim.providers.map(providerToWire);
      return ok(collection(items, items.length, '/v1/relationships?relationship_type=IsIndirectResellerOf'));
    }
    if (type.toLowerCase() === 'isindirectcloudsolutionproviderof') {
      return ok(collection([], 0, '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf'));
    }
    throw badRequest('relationship_type must be IsIndirectResellerOf or IsIndirectCloudSolutionProviderOf.');
  });

  api('GET', '/v1/roles', () => {
    const items = sim.listRoles().map(roleToWire);
    return ok(collection(items, items.length, '/v1/roles'));
  });

  api('GET', '/v1/roles/:id/usermembers', (req) => {
    const id = param(req, 'id');
    const items = sim.listRoleMembers(id).map(memberToWire);
    return ok(collection(items, items.length, `/v1/roles/${id}/usermembers`));
  });

  // ----------------------------------------------------------------- pages

  const pages = SIMULATOR_PAGES_PATH;

  register('GET', pages, async (_req, res) => {
    sendHtml(
      res,
      200,
      indexPage({
        partnerName: sim.partner.name,
        partnerId: sim.partner.tenantId,
        directLink: sim.relationshipRequestUrl(),
        providerLinks: sim.providers.map((provider) => ({
          provider,
          url: sim.relationshipRequestUrl(provider.id),
        })),
        customers: sim.customerCount(),
        apiBase: `${sim.publicBaseUrl}${basePath}`,
        certificateUrl: sim.certificateUrl,
      }),
    );
  });

  register('GET', `${pages}/accept`, async (req, res) => {
    const url = requestUrl(req);
    const q = url.searchParams;
    if (q.get('invType') !== 'ResellerRelationship' || q.get('partnerId') !== sim.partner.tenantId) {
      sendHtml(
        res,
        400,
        messagePage('Invalid invitation', 'This invitation link is not valid for this partner.'),
      );
      return;
    }
    const providerId = q.get('indirectCSPId') ?? undefined;
    const provider = providerId
      ? sim.providers.find((p) => p.id.toLowerCase() === providerId.toLowerCase())
      : undefined;
    if (providerId && !provider) {
      sendHtml(
        res,
        400,
        messagePage('Invalid invitation', 'The indirect provider in this link is not known.'),
      );
      return;
    }
    const n = 1000 + Math.floor(Math.random() * 9000);
    sendHtml(
      res,
      200,
      acceptPage({
        partnerName: sim.partner.name,
        partnerId: sim.partner.tenantId,
        provider,
        formAction: `${pages}/accept`,
        defaults: { companyName: `Tailwind Traders ${n} GmbH`, domain: `tailwindtraders${n}` },
      }),
    );
  });

  register('POST', `${pages}/accept`, async (req, res) => {
    let form: URLSearchParams;
    try {
      form = new URLSearchParams((await readBody(req, maxBody)).toString('utf8'));
    } catch {
      sendHtml(res, 413, messagePage('Request too large', 'The form data is too large.'));
      return;
    }
    if (form.get('partnerId') !== sim.partner.tenantId) {
      sendHtml(res, 400, messagePage('Invalid invitation', 'This invitation is not valid for this partner.'));
      return;
    }
    const providerId = form.get('indirectCSPId') || undefined;
    const provider = providerId
      ? sim.providers.find((p) => p.id.toLowerCase() === providerId.toLowerCase())
      : undefined;
    const companyName = form.get('companyName') ?? '';
    const domain = form.get('domain') ?? '';
    try {
      const result = sim.acceptInvitation({ companyName, domain, indirectProviderId: providerId });
      sendHtml(
        res,
        200,
        acceptedPage({
          partnerName: sim.partner.name,
          provider,
          customer: result.customer,
          reactivated: result.reactivated,
          webhookConfigured: sim.webhookUrl !== undefined,
        }),
      );
    } catch (e) {
      if (!(e instanceof SimulatorApiError)) throw e;
      const page =
        e.status === 409 || e.status === 400
          ? acceptPage({
              partnerName: sim.partner.name,
              partnerId: sim.partner.tenantId,
              provider,
              formAction: `${pages}/accept`,
              defaults: { companyName, domain },
              error: e.description,
            })
          : messagePage('Could not accept', e.description);
      sendHtml(res, e.status, page);
    }
  });

  register('GET', `${pages}/certs/webhook.cer`, async (_req, res) => {
    sendText(res, 200, sim.leafCertificatePem, 'application/x-pem-file');
  });

  register('GET', `${pages}/certs/root.cer`, async (_req, res) => {
    sendText(res, 200, sim.trustedRootPem, 'application/x-pem-file');
  });

  register('GET', `${pages}/roles/:aadObjectId`, async (req, res) => {
    const id = param(req, 'aadObjectId');
    sendJson(res, 200, { aadObjectId: id, roles: sim.rolesOf(id), known: sim.isKnownUser(id) });
  });

  if (options.admin === false) return;

  register('GET', `${pages}/admin/faults`, async (_req, res) => {
    sendJson(res, 200, { faults: sim.faults.list().map(serializableRule) });
  });

  register('POST', `${pages}/admin/faults`, async (req, res) => {
    let rules: FaultRule[];
    try {
      const parsed = faultRulesSchema.safeParse(await readJson(req, maxBody));
      if (!parsed.success) {
        sendJson(res, 400, { error: 'invalid fault rules', issues: parsed.error.issues.slice(0, 10) });
        return;
      }
      rules = parsed.data;
      for (const r of rules) if (r.pattern !== undefined) new RegExp(r.pattern);
    } catch (e) {
      sendJson(res, 400, { error: e instanceof SimulatorApiError ? e.description : 'invalid fault rules' });
      return;
    }
    if (requestUrl(req).searchParams.get('append') === 'true') for (const r of rules) sim.faults.add(r);
    else sim.setFaults(rules);
    log.info({ rules: rules.length }, 'simulator: faults set');
    sendJson(res, 200, { faults: sim.faults.list().map(serializableRule) });
  });

  register('DELETE', `${pages}/admin/faults`, async (_req, res) => {
    sim.clearFaults();
    sendJson(res, 204, undefined);
  });

  register('GET', `${pages}/admin/stats`, async (_req, res) => {
    sendJson(res, 200, { requests: sim.requestStats(), customers: sim.customerCount() });
  });

  register('DELETE', `${pages}/admin/stats`, async (_req, res) => {
    sim.resetStats();
    sendJson(res, 204, undefined);
  });

  // ---------------------------------------------------------------- helpers

  function applyFault(rule: FaultRule, req: Request, res: Response, echo: Record<string, string>): void {
    if (rule.type === 'drop') {
      req.socket.destroy();
      return;
    }
    if (rule.type === 'throttle') {
      const seconds = rule.retryAfterSeconds ?? 1;
      sendJson(
        res,
        429,
        { statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
        { ...echo, 'Retry-After': String(seconds) },
      );
      return;
    }
    const status = rule.status ?? 500;
    sendJson(res, status, errorBody(status, 'Simulated failure (fault injection).'), echo);
  }
}

// ------------------------------------------------------------------ paging

interface PagingRequest {
  cursor: number;
  size: number;
  /** The size parameter as given (0 = default), repeated in next links. */
  sizeParam: number;
  filter?: CustomerFilter;
}

interface SimToken {
  r: string;
  c: number;
  s: number;
  z: number;
  f?: CustomerFilter;
}

function encodeToken(t: SimToken): string {
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

function readPaging(req: Request, url: URL, resource: string): PagingRequest {
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

// ------------------------------------------------------------------- http

function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

function badRequest(description: string): SimulatorApiError {
  return new SimulatorApiError(400, SIMULATOR_ERROR_CODES.invalidInput, description);
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function param(req: Request, name: string): string {
  const params = (req as { params?: Record<string, unknown> }).params;
  const v = params?.[name];
  return typeof v === 'string' ? v : '';
}

function requestUrl(req: Request): URL {
  return new URL(req.url ?? '/', 'http://simulator.local');
}

function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  const text = body === undefined || status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendText(res: Response, status: number, text: string, contentType: string): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function sendHtml(res: Response, status: number, html: string): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}

/** Reads the raw body (or what a body parser left behind, if the host installed one). */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const parsed = req as { rawBody?: unknown; body?: unknown };
  if (Buffer.isBuffer(parsed.rawBody)) return parsed.rawBody;
  if (typeof parsed.rawBody === 'string') return Buffer.from(parsed.rawBody);
  if (req.readableEnded || req.complete) {
    const b = parsed.body;
    if (Buffer.isBuffer(b)) return b;
    if (typeof b === 'string') return Buffer.from(b);
    if (b !== undefined && b !== null) return Buffer.from(JSON.stringify(b));
    if (req.readableEnded) return Buffer.alloc(0);
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new SimulatorApiError(413, SIMULATOR_ERROR_CODES.invalidInput, 'Request body too large.'));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJson(req: Request, limit: number): Promise<unknown> {
  const raw = await readBody(req, limit);
  if (raw.length === 0) throw badRequest('A JSON request body is required.');
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

function waitUnlessClosed(res: Response, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      res.removeListener('close', done);
      resolve();
    }
    res.once('close', done);
  });
}

function serializableRule(r: FaultRule): FaultRule {
  return r.pattern instanceof RegExp ? { ...r, pattern: r.pattern.source } : r;
}
