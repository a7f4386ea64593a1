import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';
import { MAX_PAGE_SIZE, type CallContext, type PartnerCenterClient, type TokenProvider } from './client';
import {
  classifyHttpError,
  PartnerCenterError,
  type ErrorClassificationHints,
  type PartnerCenterErrorKind,
} from './errors';
import {
  collectionItems,
  nextLink,
  ResponseShapeError,
  toCustomer,
  toCustomerRelationship,
  toCustomerUser,
  toIndirectProvider,
  toRole,
  toRoleMember,
  toSubscribedSku,
  toSubscription,
  type WireNextLink,
} from './mappers';
import { isRecord, normalizeKeys, num, str } from './normalize';
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

export const PARTNER_CENTER_BASE_URL = 'https://api.partnercenter.microsoft.com';

export interface HttpPartnerCenterClientOptions {
  /**
   * API root, e.g. https://api.partnercenter.microsoft.com or, for the simulator,
   * http://127.0.0.1:3978/simulator/partner-center. A trailing '/' or '/v1' is ignored. A function
   * is asked on every call (embedded mode: the simulator's port is known only once the server listens).
   */
  baseUrl: string | (() => string);
  tokenProvider: TokenProvider;
  logger: Logger;
  /** Per-attempt timeout (headers and body). Default 15 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /** Exponential backoff: attempt n waits random(0, min(maxDelayMs, baseDelayMs * 2^(n-1))). Default 500. */
  baseDelayMs?: number;
  /** Cap of one backoff delay. Default 10 000. */
  maxDelayMs?: number;
  /** Longest Retry-After honoured; a longer one surfaces 'throttled' at once (with retryAfterMs). Default 30 000. */
  maxRetryAfterMs?: number;
  /** Optional deadline for a whole logical call incl. retries and waits. */
  totalTimeoutMs?: number;
  /** Sent as MS-PartnerCenter-Application. */
  applicationName?: string;
  /** Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: [0, 1). */
  random?: () => number;
  fetch?: typeof fetch;
  newId?: () => string;
}

type RetryMode = 'always' | 'idempotent-write' | 'throttle-only';

interface Operation {
  name: string;
  method: 'GET' | 'PATCH' | 'POST';
  /** Path and query relative to the API root, starting with /v1/. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  retry: RetryMode;
  hints?: ErrorClassificationHints;
  /** After an attempt whose outcome is unknown (timeout, dropped, 5xx), this kind means "done already". */
  successAfterAmbiguous?: PartnerCenterErrorKind;
}

type AttemptOutcome =
  | { type: 'response'; status: number; retryAfter: string | null; text: string }
  | { type: 'timeout' }
  | { type: 'network'; cause: unknown }
  | { type: 'cancelled' };

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;
const CONTINUATION_PREFIX = 'pc1.';
const CONTINUATION_HEADER = 'ms-continuationtoken';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Retry-After: delta-seconds (fractions accepted) or an HTTP date. */
export function parseRetryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Partner Center over HTTPS (or the simulator over HTTP). See `PartnerCenterClient` for the
 * operations and `errors.ts` for the error kinds.
 *
 * Retries: GETs on 429/408/5xx/timeouts/connection failures; the two PATCHes (removal, suspend)
 * likewise — they are idempotent in effect and are re-sent with the same MS-RequestId; a removal
 * answered "relationship does not exist" (3000) after an attempt with unknown outcome counts as done.
 */
export class HttpPartnerCenterClient implements PartnerCenterClient {
  private readonly baseUrl: () => string;
  private cachedRoot?: { baseUrl: string; root: string };
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly fetchImpl: typeof fetch;
  private readonly newId: () => string;
  private readonly logger: Logger;

  constructor(private readonly options: HttpPartnerCenterClientOptions) {
    const baseUrl = options.baseUrl;
    this.baseUrl = typeof baseUrl === 'function' ? baseUrl : () => baseUrl;
    void this.root; // a bad base URL fails here, not on the first call
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxRetries = Math.max(0, options.maxRetries ?? 4);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.fetchImpl = options.fetch ?? fetch;
    this.newId = options.newId ?? randomUUID;
    this.logger = options.logger;
  }

  /** The API root used (without trailing slash or /v1). */
  get apiRoot(): string {
    return this.root;
  }

  private get root(): string {
    const baseUrl = this.baseUrl() || PARTNER_CENTER_BASE_URL;
    if (this.cachedRoot?.baseUrl !== baseUrl) {
      const url = new URL(baseUrl);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('baseUrl must be http(s)');
      url.search = '';
      url.hash = '';
      this.cachedRoot = { baseUrl, root: url.toString().replace(/\/+$/, '').replace(/\/v1$/i, '') };
    }
    return this.cachedRoot.root;
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
    const op = this.pageOperation(name, path, continuation, '/v1/customers');
    const body = await this.send(op, ctx);
    return this.toPage(name, body, toCustomer, '/v1/customers');
  }

  async getCustomer(customerId: string, ctx: CallContext): Promise<Customer> {
    const id = checkId(customerId, 'customer id');
    const body = await this.send(
      { name: 'getCustomer', method: 'GET', path: `/v1/customers/${id}`, retry: 'always' },
      ctx,
    );
    return this.parse('getCustomer', () => toCustomer(body));
  }

  async listSubscriptions(customerId: string, ctx: CallContext): Promise<Subscription[]> {
    const id = checkId(customerId, 'customer id');
    const body = await this.send(
      {
        name: 'listSubscriptions',
        method: 'GET',
        path: `/v1/customers/${id}/subscriptions`,
        retry: 'always',
      },
      ctx,
    );
    return this.parse('listSubscriptions', () => collectionItems(body).map(toSubscription));
  }

  async listUsers(customerId: string, request: PageRequest, ctx: CallContext): Promise<Page<CustomerUser>> {
    const id = checkId(customerId, 'customer id');
    const size = checkPageSize(request.size, false);
    const resource = `/v1/customers/${id}/users`;
    const op = this.pageOperation(
      'listUsers',
      request.continuation ? undefined : `${resource}?size=${size}`,
      request.continuation,
      resource,
    );
    op.hints = { forbiddenMeansNoDelegatedAccess: true };
    const body = await this.send(op, ctx);
    return this.toPage('listUsers', body, toCustomerUser, resource);
  }

  async listSubscribedSkus(customerId: string, ctx: CallContext): Promise<SubscribedSku[]> {
    const id = checkId(customerId, 'customer id');
    const body = await this.send(
      {
        name: 'listSubscribedSkus',
        method: 'GET',
        path: `/v1/customers/${id}/subscribedskus`,
        retry: 'always',
        hints: { forbiddenMeansNoDelegatedAccess: true },
      },
      ctx,
    );
    return this.parse('listSubscribedSkus', () => collectionItems(body).map(toSubscribedSku));
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
    const body = await this.send(
      { name: 'getRelationshipRequestLink', method: 'GET', path, retry: 'always' },
      ctx,
    );
    return this.parse('getRelationshipRequestLink', () => {
      const url = isRecord(body) ? str(body, 'url') : undefined;
      if (!url || !/^https?:\/\//i.test(url)) throw new ResponseShapeError('missing url');
      return { url };
    });
  }

  async listIndirectProviders(ctx: CallContext): Promise<IndirectProvider[]> {
    const body = await this.send(
      {
        name: 'listIndirectProviders',
        method: 'GET',
        path: '/v1/relationships?relationship_type=IsIndirectResellerOf',
        retry: 'always',
      },
      ctx,
    );
    return this.parse('listIndirectProviders', () => collectionItems(body).map(toIndirectProvider));
  }

  async listCustomerRelationships(customerId: string, ctx: CallContext): Promise<CustomerRelationship[]> {
    const id = checkId(customerId, 'customer id');
    const body = await this.send(
      {
        name: 'listCustomerRelationships',
        method: 'GET',
        path: `/v1/customers/${id}/relationships`,
        retry: 'always',
      },
      ctx,
    );
    return this.parse('listCustomerRelationships', () =>
      body === undefined || body === null ? [] : collectionItems(body).map(toCustomerRelationship),
    );
  }

  async removeResellerRelationship(customerId: string, ctx: CallContext): Promise<RemoveRelationshipResult> {
    const id = checkId(customerId, 'customer id');
    const result = await this.send(
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
    return { customerId: id, relationshipToPartner: relationship ?? 'none' };
  }

  async suspendSubscription(
    customerId: string,
    subscriptionId: string,
    ctx: CallContext,
  ): Promise<Subscription> {
    const id = checkId(customerId, 'customer id');
    const sid = checkId(subscriptionId, 'subscription id');
    const body = await this.send(
      {
        name: 'suspendSubscription',
        method: 'PATCH',
        path: `/v1/customers/${id}/subscriptions/${sid}`,
        body: { id: sid, status: 'suspended', attributes: { objectType: 'Subscription' } },
        retry: 'idempotent-write',
      },
      ctx,
    );
    return this.parse('suspendSubscription', () => toSubscription(body));
  }

  // -------------------------------------------------------------------- roles

  async listRoles(ctx: CallContext): Promise<PartnerRole[]> {
    const body = await this.send(
      { name: 'listRoles', method: 'GET', path: '/v1/roles', retry: 'always' },
      ctx,
    );
    return this.parse('listRoles', () => collectionItems(body).map(toRole));
  }

  async listRoleMembers(roleId: string, ctx: CallContext): Promise<PartnerRoleMember[]> {
    const id = checkId(roleId, 'role id');
    const resource = `/v1/roles/${id}/usermembers`;
    const members: PartnerRoleMember[] = [];
    let continuation: string | undefined;
    const seen = new Set<string>();
    do {
      const op = this.pageOperation(
        'listRoleMembers',
        continuation ? undefined : resource,
        continuation,
        resource,
      );
      const body = await this.send(op, ctx);
      const page = this.toPage('listRoleMembers', body, toRoleMember, resource);
      members.push(...page.items);
      continuation = page.continuation;
      if (continuation !== undefined && seen.has(continuation)) break;
      if (continuation !== undefined) seen.add(continuation);
    } while (continuation !== undefined);
    return members;
  }

  // ------------------------------------------------------------------ paging

  private pageOperation(
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

  private toPage<T>(name: string, body: unknown, map: (v: unknown) => T, resource: string): Page<T> {
    return this.parse(name, () => {
      const items = collectionItems(body).map(map);
      const totalCount = (isRecord(body) ? num(body, 'totalCount') : undefined) ?? items.length;
      const next = nextLink(body);
      const page: Page<T> = { items, totalCount };
      if (next) {
        try {
          page.continuation = encodeContinuation(this.relativeNext(next), resource);
        } catch {
          throw new ResponseShapeError('unexpected next link');
        }
      }
      return page;
    });
  }

  /**
   * `links.next.uri` is relative to the API root and already starts with /v1 (never prefix it again);
   * tolerate a uri without /v1, and an absolute uri on our own root.
   */
  private relativeNext(next: WireNextLink): WireNextLink {
    let uri = next.uri.trim();
    if (/^https?:\/\//i.test(uri)) {
      if (!uri.toLowerCase().startsWith(this.root.toLowerCase() + '/')) {
        throw new ResponseShapeError('next link points outside the API root');
      }
      uri = uri.slice(this.root.length);
    }
    if (!uri.startsWith('/')) uri = '/' + uri;
    if (!/^\/v1(\/|\?|$)/i.test(uri)) uri = '/v1' + uri;
    return { uri, headers: next.headers };
  }

  // ----------------------------------------------------------------- transport

  private parse<T>(operation: string, fn: () => T): T {
    try {
      return fn();
    } catch (cause) {
      if (cause instanceof PartnerCenterError) throw cause;
      throw new PartnerCenterError('unknown', `Unexpected Partner Center answer to ${operation}`, {
        operation,
        cause,
      });
    }
  }

  private async send(op: Operation, ctx: CallContext): Promise<unknown> {
    const requestId = ctx.requestId && GUID.test(ctx.requestId) ? ctx.requestId : this.newId();
    const correlationId =
      ctx.correlationId && /^[\w.-]{1,128}$/.test(ctx.correlationId) ? ctx.correlationId : this.newId();
    const locale = ctx.locale && LOCALE.test(ctx.locale) ? ctx.locale : 'en-US';
    const url = this.root + op.path;
    const maxAttempts = this.maxRetries + 1;
    const deadline =
      this.options.totalTimeoutMs !== undefined ? Date.now() + this.options.totalTimeoutMs : undefined;
    const base = { operation: op.name, requestId, correlationId };
    let ambiguous = false;

    for (let attempt = 1; ; attempt++) {
      if (ctx.signal?.aborted) throw cancelled(base, attempt - 1);
      let token: string;
      try {
        token = await this.options.tokenProvider.getToken(ctx.auth, ctx);
      } catch (cause) {
        if (cause instanceof PartnerCenterError) throw cause;
        // The cause is not attached: token stores may put secrets into their messages.
        throw new PartnerCenterError('unauthorized', 'Could not obtain a Partner Center token', base);
      }
      const headers: Record<string, string> = {
        ...op.headers,
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'MS-RequestId': requestId,
        'MS-CorrelationId': correlationId,
        'X-Locale': locale,
        'MS-PartnerCenter-Application': this.options.applicationName ?? 'customer-connect',
      };
      if (op.body !== undefined) headers['Content-Type'] = 'application/json';
      const remaining = deadline !== undefined ? deadline - Date.now() : Infinity;
      const timeoutMs = Math.max(1, Math.min(this.timeoutMs, remaining));
      const started = Date.now();
      const outcome = await this.attempt(url, op, headers, timeoutMs, ctx.signal);
      const elapsedMs = Date.now() - started;

      let error: PartnerCenterError;
      let delayMs: number | undefined;
      let retryable: boolean;
      if (outcome.type === 'response' && outcome.status >= 200 && outcome.status < 300) {
        this.logger.debug({ ...base, status: outcome.status, attempt, elapsedMs }, 'partner center call');
        return this.parse(op.name, () =>
          outcome.text.trim() === '' ? undefined : normalizeKeys(JSON.parse(outcome.text)),
        );
      } else if (outcome.type === 'response') {
        const details = parseErrorBody(outcome.text);
        const kind = classifyHttpError(outcome.status, details.pcCode, op.hints);
        if (ambiguous && op.successAfterAmbiguous === kind) {
          this.logger.info(
            { ...base, status: outcome.status, pcCode: details.pcCode, attempt },
            'partner center: earlier attempt had already succeeded',
          );
          return undefined;
        }
        const retryAfterMs = outcome.status === 429 ? parseRetryAfterMs(outcome.retryAfter) : undefined;
        error = new PartnerCenterError(kind, describe(op.name, outcome.status, details), {
          ...base,
          status: outcome.status,
          pcCode: details.pcCode,
          description: details.description,
          retryAfterMs,
          attempts: attempt,
        });
        if (outcome.status === 429) {
          if (retryAfterMs !== undefined && retryAfterMs > this.maxRetryAfterMs) throw error;
          retryable = true;
          delayMs = retryAfterMs;
        } else if (outcome.status >= 500 || outcome.status === 408) {
          ambiguous = true;
          retryable = op.retry !== 'throttle-only';
        } else {
          retryable = false;
        }
      } else if (outcome.type === 'cancelled') {
        throw cancelled(base, attempt);
      } else {
        ambiguous = true;
        retryable = op.retry !== 'throttle-only';
        const what = outcome.type === 'timeout' ? `timed out after ${timeoutMs} ms` : 'connection failed';
        error = new PartnerCenterError('unavailable', `Partner Center ${op.name}: ${what}`, {
          ...base,
          attempts: attempt,
          cause: outcome.type === 'network' ? outcome.cause : undefined,
        });
      }

      if (!retryable || attempt >= maxAttempts) throw error;
      const backoff = this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
      const wait = Math.round(delayMs ?? backoff);
      if (deadline !== undefined && Date.now() + wait >= deadline) throw error;
      this.logger.warn(
        {
          ...base,
          status: error.status,
          pcCode: error.pcCode,
          kind: error.kind,
          attempt,
          elapsedMs,
          delayMs: wait,
        },
        'partner center call failed; retrying',
      );
      await this.sleep(wait, ctx.signal);
    }
  }

  private async attempt(
    url: string,
    op: Operation,
    headers: Record<string, string>,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<AttemptOutcome> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = callerSignal ? AbortSignal.any([timeout.signal, callerSignal]) : timeout.signal;
    try {
      const res = await this.fetchImpl(url, {
        method: op.method,
        headers,
        body: op.body === undefined ? undefined : JSON.stringify(op.body),
        signal,
        redirect: 'error',
      });
      const text = await res.text();
      return { type: 'response', status: res.status, retryAfter: res.headers.get('retry-after'), text };
    } catch (cause) {
      if (callerSignal?.aborted) return { type: 'cancelled' };
      if (timeout.signal.aborted) return { type: 'timeout' };
      return { type: 'network', cause };
    } finally {
      clearTimeout(timer);
    }
  }
}

function cancelled(base: { operation: string; requestId: string; correlationId: string }, attempts: number) {
  return new PartnerCenterError('unavailable', `Partner Center ${base.operation}: cancelled`, {
    ...base,
    attempts,
  });
}

function parseErrorBody(text: string): { pcCode?: number; description?: string } {
  try {
    const body = normalizeKeys(JSON.parse(text));
    if (!isRecord(body)) return {};
    return {
      pcCode: num(body, 'code'),
      description: (str(body, 'description') ?? str(body, 'message'))?.slice(0, 500),
    };
  } catch {
    return {};
  }
}

function describe(operation: string, status: number, d: { pcCode?: number; description?: string }): string {
  const code = d.pcCode !== undefined ? ` (code ${d.pcCode})` : '';
  return `Partner Center ${operation} failed with HTTP ${status}${code}${d.description ? `: ${d.description}` : ''}`;
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

// ------------------------------------------------------------- continuation

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
