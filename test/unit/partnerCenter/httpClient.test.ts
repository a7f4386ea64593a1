import { silentLogger } from '../../../src/logging/logger';
import type { CallContext, TokenProvider } from '../../../src/partnerCenter/client';
import { PartnerCenterError } from '../../../src/partnerCenter/errors';
import {
  decodeContinuation,
  encodeContinuation,
  HttpPartnerCenterClient,
  parseRetryAfterMs,
  type HttpPartnerCenterClientOptions,
} from '../../../src/partnerCenter/httpClient';
import { StaticTokenProvider } from '../../../src/partnerCenter/tokenProviders';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fetch stand-in answering from a queue and recording requests. */
function stubFetch(replies: Reply[]) {
  const seen: Seen[] = [];
  const fn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    seen.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    });
    const reply = replies.shift() ?? { status: 200, body: {} };
    if (reply instanceof Error) throw reply;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    return new Response(text, { status: reply.status ?? 200, headers: reply.headers });
  };
  return { fetch: fn as typeof fetch, seen };
}

function client(replies: Reply[], options: Partial<HttpPartnerCenterClientOptions> = {}) {
  const stub = stubFetch(replies);
  const waits: number[] = [];
  const c = new HttpPartnerCenterClient({
    baseUrl: 'https://api.partnercenter.microsoft.com',
    tokenProvider: new StaticTokenProvider('SECRET-TOKEN-VALUE'),
    logger: silentLogger(),
    fetch: stub.fetch,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    maxRetries: 2,
    ...options,
  });
  return { c, seen: stub.seen, waits };
}

const ctx: CallContext = { auth: 'user', locale: 'de-DE', correlationId: 'turn-42' };
const CUSTOMER = '1c3b9b6a-0000-4000-8000-000000000001';

async function failure(p: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PartnerCenterError);
    return e as PartnerCenterError;
  }
  throw new Error('expected failure');
}

function customerPage(ids: string[], next?: { uri: string; token: string }) {
  return {
    totalCount: ids.length,
    items: ids.map((id) => ({
      id,
      companyProfile: { tenantId: id, domain: `${id}.example`, companyName: id },
    })),
    links: next
      ? {
          next: {
            uri: next.uri,
            method: 'GET',
            headers: [{ key: 'MS-ContinuationToken', value: next.token }],
          },
        }
      : {},
  };
}

describe('HttpPartnerCenterClient (stubbed transport)', () => {
  it('sends the Partner Center headers', async () => {
    const { c, seen } = client([{ body: customerPage(['a']) }]);
    await c.listCustomersPage({ size: 5 }, ctx);
    const req = seen[0]!;
    expect(req.url).toBe('https://api.partnercenter.microsoft.com/v1/customers?size=5');
    expect(req.headers['Authorization']).toBe('Bearer SECRET-TOKEN-VALUE');
    expect(req.headers['Accept']).toBe('application/json');
    expect(req.headers['X-Locale']).toBe('de-DE');
    expect(req.headers['MS-CorrelationId']).toBe('turn-42');
    expect(req.headers['MS-RequestId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('defaults the locale and correlation id and refuses header-unsafe values', async () => {
    const { c, seen } = client([{ body: customerPage([]) }, { body: customerPage([]) }]);
    await c.listCustomersPage({ size: 5 }, { auth: 'app' });
    await c.listCustomersPage(
      { size: 5 },
      { auth: 'app', locale: 'de-DE\r\nX-Evil: 1', correlationId: 'a b' },
    );
    expect(seen[0]!.headers['X-Locale']).toBe('en-US');
    expect(seen[0]!.headers['MS-CorrelationId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]!.headers['X-Locale']).toBe('en-US');
    expect(seen[1]!.headers['MS-CorrelationId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [
      'https://api.partnercenter.microsoft.com',
      '/v1/customers?size=2&seekOperation=Next',
      'https://api.partnercenter.microsoft.com/v1/customers?size=2&seekOperation=Next',
    ],
    [
      'https://api.partnercenter.microsoft.com/v1',
      '/v1/customers?size=2&seekOperation=Next',
      'https://api.partnercenter.microsoft.com/v1/customers?size=2&seekOperation=Next',
    ],
    [
      'http://127.0.0.1:3978/simulator/partner-center',
      '/v1/customers?size=2&seekOperation=Next',
      'http://127.0.0.1:3978/simulator/partner-center/v1/customers?size=2&seekOperation=Next',
    ],
    [
      'http://127.0.0.1:3978/simulator/partner-center/',
      'customers?size=2&seekOperation=Next',
      'http://127.0.0.1:3978/simulator/partner-center/v1/customers?size=2&seekOperation=Next',
    ],
    [
      'http://127.0.0.1:3978/simulator/partner-center',
      'http://127.0.0.1:3978/simulator/partner-center/v1/customers?size=2&seekOperation=Next',
      'http://127.0.0.1:3978/simulator/partner-center/v1/customers?size=2&seekOperation=Next',
    ],
  ])('resolves next links against %s without doubling /v1 (%s)', async (baseUrl, uri, expected) => {
    const { c, seen } = client(
      [{ body: customerPage(['a', 'b'], { uri, token: 'tok-1' }) }, { body: customerPage(['c']) }],
      {
        baseUrl,
      },
    );
    const first = await c.listCustomersPage({ size: 2 }, ctx);
    expect(first.continuation).toBeDefined();
    const second = await c.listCustomersPage({ size: 2, continuation: first.continuation }, ctx);
    expect(second.items.map((x) => x.id)).toEqual(['c']);
    expect(second.continuation).toBeUndefined();
    expect(seen[1]!.url).toBe(expected);
    expect(seen[1]!.headers['MS-ContinuationToken']).toBe('tok-1');
  });

  it('refuses a next link that leaves the API root', async () => {
    const { c } = client([
      { body: customerPage(['a'], { uri: 'https://evil.example/v1/customers', token: 't' }) },
    ]);
    const e = await failure(c.listCustomersPage({ size: 1 }, ctx));
    expect(e.kind).toBe('unknown');
  });

  it('iterates all pages', async () => {
    const { c } = client([
      { body: customerPage(['a', 'b'], { uri: '/v1/customers?seekOperation=Next', token: '1' }) },
      { body: customerPage(['c', 'd'], { uri: '/v1/customers?seekOperation=Next', token: '2' }) },
      { body: customerPage(['e']) },
    ]);
    const ids: string[] = [];
    for await (const x of c.iterateCustomers(ctx)) ids.push(x.id);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('stops when the service repeats a page', async () => {
    const same = { uri: '/v1/customers?seekOperation=Next', token: 'same' };
    const { c } = client([{ body: customerPage(['a'], same) }, { body: customerPage(['b'], same) }]);
    const ids: string[] = [];
    await expect(
      (async () => {
        for await (const x of c.iterateCustomers(ctx)) ids.push(x.id);
      })(),
    ).rejects.toMatchObject({ kind: 'unknown' });
    expect(ids).toEqual(['a', 'b']);
  });

  it('encodes the search filter as Partner Center expects', async () => {
    const { c, seen } = client([{ body: customerPage([]) }]);
    await c.searchCustomers({ field: 'Domain', prefix: 'müller & "söhne"' }, ctx);
    const url = new URL(seen[0]!.url);
    expect(url.searchParams.get('size')).toBe('0');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({
      Field: 'Domain',
      Value: 'müller & "söhne"',
      Operator: 'starts_with',
    });
  });

  it('parses PascalCase and camelCase alike', async () => {
    const { c } = client([
      {
        body: {
          Id: CUSTOMER,
          CompanyProfile: {
            TenantId: CUSTOMER,
            Domain: 'contoso.onmicrosoft.com',
            CompanyName: 'Contoso GmbH',
          },
          RelationshipToPartner: 'reseller',
          AllowDelegatedAccess: true,
          CustomDomains: ['contoso.de'],
        },
      },
      { body: { RelationshipToPartner: 'none', Attributes: { ObjectType: 'Customer' } } },
    ]);
    expect(await c.getCustomer(CUSTOMER, ctx)).toEqual({
      id: CUSTOMER,
      tenantId: CUSTOMER,
      companyName: 'Contoso GmbH',
      domain: 'contoso.onmicrosoft.com',
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
      customDomains: ['contoso.de'],
    });
    expect(await c.removeResellerRelationship(CUSTOMER, ctx)).toEqual({
      customerId: CUSTOMER,
      relationshipToPartner: 'none',
    });
  });

  it('sends the removal PATCH body', async () => {
    const { c, seen } = client([{ body: { RelationshipToPartner: 'none' } }]);
    await c.removeResellerRelationship(CUSTOMER, ctx);
    expect(seen[0]!.method).toBe('PATCH');
    expect(seen[0]!.url).toBe(`https://api.partnercenter.microsoft.com/v1/customers/${CUSTOMER}`);
    expect(seen[0]!.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body!)).toEqual({
      relationshipToPartner: 'none',
      attributes: { objectType: 'Customer' },
    });
  });

  it('treats items: null and an empty body as no relationships', async () => {
    const { c } = client([{ body: { totalCount: 0, items: null } }, { body: '' }]);
    expect(await c.listCustomerRelationships(CUSTOMER, ctx)).toEqual([]);
    expect(await c.listCustomerRelationships(CUSTOMER, ctx)).toEqual([]);
  });

  it('classifies error answers', async () => {
    const pc = (code: number, description = 'x') => ({ code, description, data: [], source: 'PartnerFD' });
    const { c } = client([
      { status: 403, body: pc(20002) },
      { status: 401, body: pc(1002) },
      { status: 403, body: pc(1002) },
      { status: 404, body: pc(600) },
      { status: 400, body: pc(3010, 'active subscriptions') },
      { status: 400, body: pc(3000) },
      { status: 400, body: pc(1000) },
      { status: 409, body: pc(1) },
    ]);
    expect((await failure(c.listUsers(CUSTOMER, { size: 5 }, ctx))).kind).toBe('no_delegated_access');
    expect((await failure(c.listSubscribedSkus(CUSTOMER, ctx))).kind).toBe('no_delegated_access');
    expect((await failure(c.getCustomer(CUSTOMER, ctx))).kind).toBe('unauthorized');
    expect((await failure(c.getCustomer(CUSTOMER, ctx))).kind).toBe('not_found');
    const pre = await failure(c.removeResellerRelationship(CUSTOMER, ctx));
    expect(pre).toMatchObject({
      kind: 'precondition',
      status: 400,
      pcCode: 3010,
      description: 'active subscriptions',
    });
    expect((await failure(c.removeResellerRelationship(CUSTOMER, ctx))).kind).toBe('relationship_not_found');
    expect((await failure(c.getRelationshipRequestLink({}, ctx))).kind).toBe('bad_request');
    expect((await failure(c.listSubscriptions(CUSTOMER, ctx))).kind).toBe('precondition');
  });

  it('reports a non-JSON success answer as unknown', async () => {
    const { c } = client([{ body: '<html>proxy</html>' }]);
    expect((await failure(c.getCustomer(CUSTOMER, ctx))).kind).toBe('unknown');
  });

  it('never puts the token into errors or logs', async () => {
    const lines: string[] = [];
    const pino = (await import('pino')).default;
    const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
    const { c } = client(
      [{ status: 503, body: {} }, new TypeError('fetch failed'), { status: 401, body: {} }],
      {
        logger,
      },
    );
    const e = await failure(c.getCustomer(CUSTOMER, ctx));
    const everything = [e.message, JSON.stringify(e.toLogObject()), String(e.stack), ...lines].join('\n');
    expect(everything).not.toContain('SECRET-TOKEN-VALUE');
    expect(lines.some((l) => l.includes('retrying'))).toBe(true);
  });

  it('refuses bad input before sending anything', async () => {
    const { c, seen } = client([]);
    for (const p of [
      c.getCustomer('a/b', ctx),
      c.getCustomer('..', ctx),
      c.listSubscriptions('%2e%2e', ctx),
      c.suspendSubscription(CUSTOMER, 'x?y', ctx),
      c.listCustomersPage({ size: 1.5 }, ctx),
      c.searchCustomers({ field: 'Tenant' as never, prefix: 'x' }, ctx),
      c.listRoleMembers('', ctx),
    ]) {
      expect((await failure(p)).kind).toBe('bad_request');
    }
    expect(seen).toHaveLength(0);
  });

  it('rejects forged continuations', async () => {
    const { c, seen } = client([]);
    const forged = [
      encodeForTest({ u: '/v1/roles', h: [] }),
      encodeForTest({ u: '/v1/customers', h: [{ key: 'Authorization', value: 'Bearer x' }] }),
      encodeForTest({ u: '/v1/customers?x=a b', h: [] }),
      encodeForTest({ u: '//evil.example/v1/customers', h: [] }),
      encodeForTest({ u: '/v1/customers', h: [{ key: 'MS-ContinuationToken', value: 'a\r\nb' }] }),
      'pc1.!!!',
      'garbage',
    ];
    for (const continuation of forged) {
      expect((await failure(c.listCustomersPage({ size: 5, continuation }, ctx))).kind).toBe('bad_request');
    }
    // A users continuation of one customer does not work for another.
    const other = encodeContinuation(
      { uri: `/v1/customers/${CUSTOMER}/users?size=5`, headers: [] },
      `/v1/customers/${CUSTOMER}/users`,
    );
    expect(
      (
        await failure(
          c.listUsers('2c3b9b6a-0000-4000-8000-000000000002', { size: 5, continuation: other }, ctx),
        )
      ).kind,
    ).toBe('bad_request');
    expect(seen).toHaveLength(0);
    expect(decodeContinuation(other, `/v1/customers/${CUSTOMER}/users`).uri).toBe(
      `/v1/customers/${CUSTOMER}/users?size=5`,
    );
  });

  it('backs off exponentially with full jitter, capped', async () => {
    const { c, waits } = client(
      [
        { status: 500 },
        { status: 502 },
        { status: 503 },
        { status: 504 },
        { status: 200, body: { items: [] } },
      ],
      { maxRetries: 4, baseDelayMs: 100, maxDelayMs: 300, random: () => 0.5 },
    );
    await c.listRoles(ctx);
    expect(waits).toEqual([50, 100, 150, 150]);
  });

  it('uses Retry-After for 429 (seconds or HTTP date)', async () => {
    const { c, waits } = client([
      {
        status: 429,
        headers: { 'Retry-After': '3' },
        body: { statusCode: 429, message: 'Rate limit is exceeded.' },
      },
      { status: 429, body: { statusCode: 429, message: 'no header' } },
      { status: 200, body: { items: [] } },
    ]);
    await c.listRoles(ctx);
    expect(waits[0]).toBe(3000);
    expect(waits[1]).toBeLessThanOrEqual(1000);
    expect(
      parseRetryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfterMs('0.25')).toBe(250);
    expect(parseRetryAfterMs(null)).toBeUndefined();
    expect(parseRetryAfterMs('soon')).toBeUndefined();
  });

  it('treats 3000 as success only after an attempt with unknown outcome', async () => {
    const rel3000 = {
      status: 400,
      body: { code: 3000, description: 'does not exist', data: [], source: 'PartnerFD' },
    };
    const a = client([{ status: 503 }, rel3000]);
    expect(await a.c.removeResellerRelationship(CUSTOMER, ctx)).toEqual({
      customerId: CUSTOMER,
      relationshipToPartner: 'none',
    });
    expect(a.seen[0]!.headers['MS-RequestId']).toBe(a.seen[1]!.headers['MS-RequestId']);

    const b = client([new TypeError('fetch failed'), rel3000]);
    expect((await b.c.removeResellerRelationship(CUSTOMER, ctx)).relationshipToPartner).toBe('none');

    const d = client([{ status: 429, headers: { 'Retry-After': '0' } }, rel3000]);
    expect((await failure(d.c.removeResellerRelationship(CUSTOMER, ctx))).kind).toBe(
      'relationship_not_found',
    );
  });

  it('stops at once when the caller cancels', async () => {
    const controller = new AbortController();
    const slowFetch = ((_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof fetch;
    const c = new HttpPartnerCenterClient({
      baseUrl: 'https://api.partnercenter.microsoft.com',
      tokenProvider: new StaticTokenProvider('t'),
      logger: silentLogger(),
      fetch: slowFetch,
    });
    setTimeout(() => controller.abort(), 20);
    const e = await failure(c.listRoles({ auth: 'app', signal: controller.signal }));
    expect(e.kind).toBe('unavailable');
    expect(e.message).toMatch(/cancelled/);
  });

  it("issue 17: the call context's deadline stops retries and cuts each attempt's timeout", async () => {
    const slowFetch = ((_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'TimeoutError')));
      })) as typeof fetch;
    let attempts = 0;
    const c = new HttpPartnerCenterClient({
      baseUrl: 'https://api.partnercenter.microsoft.com',
      tokenProvider: new StaticTokenProvider('t'),
      logger: silentLogger(),
      fetch: ((input: string, init?: RequestInit) => (attempts++, slowFetch(input, init))) as typeof fetch,
      timeoutMs: 15_000,
      maxRetries: 4,
      baseDelayMs: 10,
      maxDelayMs: 10,
    });
    const started = Date.now();
    const e = await failure(c.listRoles({ auth: 'app', deadline: Date.now() + 600 }));
    expect(e.kind).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(attempts).toBeLessThanOrEqual(2);
  });

  it('issue 17: no attempt is sent once the deadline has passed (a write would only add an unknown outcome)', async () => {
    const { c, seen } = client([{ body: {} }]);
    const e = await failure(c.removeResellerRelationship(CUSTOMER, { ...ctx, deadline: Date.now() - 1 }));
    expect(e.kind).toBe('unavailable');
    expect(e.message).toMatch(/deadline/);
    expect(seen).toHaveLength(0);
  });

  it('asks the token provider for the kind of token the context names', async () => {
    const kinds: string[] = [];
    const provider: TokenProvider = { getToken: async (kind) => (kinds.push(kind), `tok-${kind}`) };
    const { c, seen } = client([{ body: { items: [] } }, { body: { items: [] } }], {
      tokenProvider: provider,
    });
    await c.listRoles({ auth: 'app' });
    await c.listIndirectProviders({ auth: 'user' });
    expect(kinds).toEqual(['app', 'user']);
    expect(seen[1]!.headers['Authorization']).toBe('Bearer tok-user');
    expect(seen[1]!.url).toBe(
      'https://api.partnercenter.microsoft.com/v1/relationships?relationship_type=IsIndirectResellerOf',
    );
  });

  it('follows role member pages', async () => {
    const member = (id: string) => ({ id, displayName: id, userPrincipalName: `${id}@x` });
    const { c, seen } = client([
      {
        body: {
          items: [member('a')],
          links: {
            next: {
              uri: '/v1/roles/r1/usermembers?seekOperation=Next',
              headers: [{ key: 'MS-ContinuationToken', value: 'n' }],
            },
          },
        },
      },
      { body: { items: [member('b')] } },
    ]);
    expect((await c.listRoleMembers('r1', ctx)).map((m) => m.id)).toEqual(['a', 'b']);
    expect(seen[1]!.url).toBe(
      'https://api.partnercenter.microsoft.com/v1/roles/r1/usermembers?seekOperation=Next',
    );
  });
});

function encodeForTest(v: unknown): string {
  return 'pc1.' + Buffer.from(JSON.stringify(v)).toString('base64url');
}
