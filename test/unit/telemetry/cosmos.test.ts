import { traceCosmosRequest, withSpan } from '../../../src/telemetry';
import { cosmosOperation } from '../../../src/telemetry/cosmos';
import { startInMemoryTelemetry, type InMemoryTelemetry } from '../../support/telemetry';

const BASE = 'https://contoso.documents.azure.com:443';
const DOCS = `${BASE}/dbs/customer-connect/colls/bot-state/docs`;

function request(method: string, url: string, headers: Record<string, string> = {}) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, url, headers: { get: (name: string) => lower[name.toLowerCase()] } };
}

const DOCUMENT_CASES: [string, string, Record<string, string>, string][] = [
  ['GET', `${DOCS}/msteams%2Fconversations%2Fa%3A1xyz`, {}, 'read_item'],
  ['PUT', `${DOCS}/user-42`, {}, 'replace_item'],
  ['DELETE', `${DOCS}/user-42`, {}, 'delete_item'],
  ['PATCH', `${DOCS}/user-42`, {}, 'patch_item'],
  ['POST', DOCS, {}, 'create_item'],
  ['POST', DOCS, { 'x-ms-documentdb-is-upsert': 'True' }, 'upsert_item'],
  ['POST', DOCS, { 'x-ms-documentdb-isquery': 'True' }, 'query_items'],
  [
    'POST',
    DOCS,
    { 'x-ms-cosmos-is-query-plan-request': 'True', 'x-ms-documentdb-isquery': 'True' },
    'get_query_plan',
  ],
  ['POST', DOCS, { 'x-ms-cosmos-is-batch-request': 'True' }, 'execute_batch'],
  ['GET', DOCS, {}, 'read_all_items'],
  ['GET', DOCS, { 'A-IM': 'Incremental feed' }, 'query_change_feed'],
];

describe('cosmosOperation: the operation of a Cosmos REST request, without ids or keys', () => {
  it.each(DOCUMENT_CASES)('%s %s %j → %s on container bot-state', (method, url, headers, operation) => {
    expect(cosmosOperation(request(method, url, headers))).toEqual({
      operation,
      database: 'customer-connect',
      container: 'bot-state',
    });
  });

  it.each([
    ['GET', `${BASE}/`, { operation: 'read_database_account' }],
    ['GET', `${BASE}/dbs/customer-connect`, { operation: 'read_database', database: 'customer-connect' }],
    ['POST', `${BASE}/dbs`, { operation: 'create_database' }],
    [
      'POST',
      `${BASE}/dbs/customer-connect/colls`,
      { operation: 'create_container', database: 'customer-connect' },
    ],
    [
      'GET',
      `${BASE}/dbs/customer-connect/colls/dedupe`,
      { operation: 'read_container', database: 'customer-connect', container: 'dedupe' },
    ],
    [
      'GET',
      `${BASE}/dbs/customer-connect/colls/dedupe/pkranges?x=1`,
      { operation: 'read_all_partition_key_ranges', database: 'customer-connect', container: 'dedupe' },
    ],
    // Names that do not look like resource names never become attributes.
    ['GET', `${BASE}/dbs/a%20b%40c/colls/x y/docs/1`, { operation: 'read_item' }],
    ['GET', `${BASE}/dbs/d/colls/c/W31rD/1`, { operation: 'read_other', database: 'd', container: 'c' }],
  ])('%s %s → %j', (method, url, expected) => {
    expect(cosmosOperation(request(method, url))).toEqual(expected);
  });
});

describe('traceCosmosRequest: one CLIENT span per request below a sampled span', () => {
  let t: InMemoryTelemetry;
  beforeAll(async () => {
    t = await startInMemoryTelemetry();
  });
  afterAll(() => t.telemetry.shutdown());

  it('names and attributes match cosmosOperation, also for a second request of the same kind (cached)', async () => {
    const response = { status: 200, headers: { get: (n: string) => ({ 'x-ms-request-charge': '1.5' })[n] } };
    await withSpan('parent', {}, async () => {
      for (const [method, url, headers] of [...DOCUMENT_CASES, ...DOCUMENT_CASES])
        await traceCosmosRequest(request(method, url, headers), () => Promise.resolve(response));
    });
    const cosmos = t.spans.getFinishedSpans().filter((s) => s.attributes['db.system'] === 'cosmosdb');
    const expected = DOCUMENT_CASES.map(([, , , operation]) => operation);
    expect(cosmos.map((s) => s.name)).toEqual([...expected, ...expected].map((o) => `${o} bot-state`));
    expect(cosmos.map((s) => s.attributes['db.operation'])).toEqual([...expected, ...expected]);
    expect(cosmos[0]!.attributes).toEqual({
      'db.system': 'cosmosdb',
      'db.operation': 'read_item',
      'db.name': 'customer-connect',
      'db.cosmosdb.container': 'bot-state',
      'db.cosmosdb.status_code': 200,
      'db.cosmosdb.request_charge': 1.5,
    });
  });

  it('no span outside any trace', async () => {
    t.spans.reset();
    const response = { status: 200, headers: { get: () => undefined } };
    await traceCosmosRequest(request('GET', `${DOCS}/1`), () => Promise.resolve(response));
    expect(t.spans.getFinishedSpans()).toEqual([]);
  });
});
