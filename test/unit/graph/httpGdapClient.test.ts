import { GraphError } from '../../../src/graph/errors';
import { HttpGdapClient } from '../../../src/graph/httpGdapClient';
import { StaticGraphTokenProvider } from '../../../src/graph/tokens';
import { silentLogger } from '../../../src/logging/logger';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'refused' | 'hang';

function client(replies: Reply[], extra: Record<string, unknown> = {}) {
  const seen: { method: string; url: string; headers: Record<string, string> }[] = [];
  const waits: number[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({ method: init.method ?? 'GET', url, headers: init.headers as Record<string, string> });
    const r = replies.shift() ?? { status: 500 };
    if (r === 'refused')
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    if (r === 'hang') {
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), {
      status: r.status,
      headers: r.headers,
    });
  }) as unknown as typeof fetch;
  const c = new HttpGdapClient({
    baseUrl: 'https://graph.example/v1.0',
    tokenProvider: new StaticGraphTokenProvider('t'),
    logger: silentLogger(),
    fetch: fetchImpl,
    maxRetries: 3,
    timeoutMs: 50,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...extra,
  });
  return { c, seen, waits };
}

const REL = { id: 'r1', displayName: 'X', duration: 'P730D', status: 'created', '@odata.etag': 'W/"1"' };
const graphError = (code: string, message: string) => ({
  error: { code, message, innerError: { 'request-id': 'req-123', date: '2025-01-01T00:00:00' } },
});

describe('HttpGdapClient', () => {
  it('retries a GET on 429 honouring Retry-After, then on 503', async () => {
    const { c, waits, seen } = client([
      { status: 429, headers: { 'Retry-After': '2' }, body: graphError('TooManyRequests', 'slow down') },
      { status: 503 },
      { status: 200, body: REL },
    ]);
    expect((await c.getRelationship('r1')).status).toBe('created');
    expect(waits[0]).toBe(2000);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.headers['client-request-id'])).size).toBe(1);
    expect(seen[0]!.headers.Authorization).toBe('Bearer t');
  });

  it('gives up on a Retry-After longer than it waits, as throttled with the request-id', async () => {
    const { c } = client([
      { status: 429, headers: { 'Retry-After': '120' }, body: graphError('TooManyRequests', 'x') },
    ]);
    const e = await c.getRelationship('r1').catch((x: unknown) => x as GraphError);
    expect(e).toMatchObject({ kind: 'throttled', requestId: 'req-123', retryAfterMs: 120_000 });
  });

  it('times out each attempt and reports unavailable after the retries', async () => {
    const { c, seen } = client(['hang', 'hang', 'hang', 'hang']);
    await expect(c.getRelationship('r1')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(seen).toHaveLength(4);
  });

  it('stops at the deadline', async () => {
    const { c, seen } = client(['hang', 'hang'], { sleep: undefined, baseDelayMs: 1000, maxDelayMs: 1000 });
    await expect(c.getRelationship('r1', { deadline: Date.now() + 100 })).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(seen).toHaveLength(1);
    await expect(c.getRelationship('r1', { deadline: Date.now() - 1 })).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });

  it('repeats a create only when Graph cannot have acted (429, refused)', async () => {
    const { c, seen } = client([
      { status: 429, headers: { 'Retry-After': '0' } },
      'refused',
      { status: 201, body: REL, headers: { Location: 'https://graph.example/v1.0/x/r1' } },
    ]);
    const r = await c.createRelationship({ displayName: 'X', duration: 'P730D', roleDefinitionIds: ['a'] });
    expect(r.id).toBe('r1');
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('after a create with unknown outcome, looks it up by displayName instead of posting again', async () => {
    const { c, seen } = client([
      { status: 504 },
      {
        status: 200,
        body: { value: [{ ...REL, accessDetails: { unifiedRoles: [{ roleDefinitionId: 'a' }] } }] },
      },
    ]);
    const r = await c.createRelationship({ displayName: 'X', duration: 'P730D', roleDefinitionIds: ['a'] });
    expect(r.id).toBe('r1');
    expect(seen.map((s) => s.method)).toEqual(['POST', 'GET']);
    expect(decodeURIComponent(seen[1]!.url)).toContain("$filter=displayName eq 'X'");
  });

  it('maps Graph errors to kinds with the request-id', async () => {
    const { c } = client([
      {
        status: 400,
        body: graphError('BadRequest', 'A relationship with the same displayName already exists.'),
      },
      { status: 403, body: graphError('Forbidden', 'no') },
      { status: 412, body: graphError('PreconditionFailed', 'etag') },
    ]);
    const input = { displayName: 'X', duration: 'P730D', roleDefinitionIds: ['a'] };
    await expect(c.createRelationship(input)).rejects.toMatchObject({
      kind: 'duplicateDisplayName',
      requestId: 'req-123',
    });
    await expect(c.listRelationships()).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(c.deleteRelationship('r1', 'W/"1"')).rejects.toMatchObject({ kind: 'preconditionFailed' });
  });

  it('follows @odata.nextLink only on its own Graph root', async () => {
    const { c } = client([
      { status: 200, body: { value: [REL], '@odata.nextLink': 'https://evil.example/v1.0/next' } },
    ]);
    await expect(c.listRelationships()).rejects.toMatchObject({ kind: 'unknown' });
  });

  it('sends If-Match on delete and refuses bad input before sending', async () => {
    const { c, seen } = client([{ status: 204 }]);
    await c.deleteRelationship('r1', 'W/"7"');
    expect(seen[0]!.headers['If-Match']).toBe('W/"7"');
    await expect(c.getRelationship('../x')).rejects.toMatchObject({ kind: 'badRequest' });
    await expect(c.listRelationships({ customerTenantId: "x' or 1 eq 1" })).rejects.toMatchObject({
      kind: 'badRequest',
    });
  });
});
