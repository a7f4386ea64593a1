import { context, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { sampledOut, telemetryOn, tracer } from './state';

/**
 * Cosmos DB request spans. @azure/cosmos 4.x creates no spans of its own (its core-tracing client
 * is never used and it bypasses the core-rest-pipeline tracing policy), so the Azure SDK
 * instrumentation of the distro sees nothing: src/storage hands the SDK an HTTP client that
 * calls this around every request. Only the method, the resource path's database and container
 * names and the response's status, sub-status and charge become attributes; never a document id,
 * partition key, query text, body or header value carrying a key or token.
 */

/** The request as the SDK's HTTP client receives it (core-rest-pipeline's PipelineRequest fits). */
export interface CosmosHttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | undefined };
}

/** What the request resolved with (core-rest-pipeline's PipelineResponse fits). */
export interface CosmosHttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | undefined };
}

export interface CosmosOperation {
  /** Semantic-convention style operation name: read_item, query_items, upsert_item, … */
  operation: string;
  database?: string;
  container?: string;
}

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const TYPE = /^[a-z]{1,32}$/;

const ITEM_OPERATIONS: Readonly<Record<string, string>> = {
  GET: 'read',
  PUT: 'replace',
  DELETE: 'delete',
  PATCH: 'patch',
};
const RESOURCE: Readonly<Record<string, string>> = {
  docs: 'item',
  colls: 'container',
  dbs: 'database',
  pkranges: 'partition_key_range',
};

function flag(headers: CosmosHttpRequest['headers'], name: string): boolean {
  return headers.get(name)?.toLowerCase() === 'true';
}

/** The operation of a Cosmos REST request from its method, resource path and flag headers. */
export function cosmosOperation(request: CosmosHttpRequest): CosmosOperation {
  const { method, url, headers } = request;
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const path = pathStart < 0 ? '' : (url.slice(pathStart).split(/[?#]/, 1)[0] ?? '');
  const segments = path.split('/').filter(Boolean);
  const database = segments[0] === 'dbs' && NAME.test(segments[1] ?? '') ? segments[1] : undefined;
  const container = segments[2] === 'colls' && NAME.test(segments[3] ?? '') ? segments[3] : undefined;
  const where = { ...(database ? { database } : {}), ...(container ? { container } : {}) };
  if (segments.length === 0) return { operation: 'read_database_account', ...where };
  const feed = segments.length % 2 === 1;
  const rawType = segments[segments.length - (feed ? 1 : 2)] ?? '';
  const type = TYPE.test(rawType) ? rawType : 'other';
  const resource = RESOURCE[type] ?? type;
  let operation: string;
  if (!feed) {
    operation = `${ITEM_OPERATIONS[method] ?? method.toLowerCase()}_${resource}`;
  } else if (method === 'GET') {
    operation = headers.get('a-im') ? `query_change_feed` : `read_all_${resource}s`;
  } else if (method === 'POST' && type === 'docs') {
    operation = flag(headers, 'x-ms-cosmos-is-query-plan-request')
      ? 'get_query_plan'
      : flag(headers, 'x-ms-documentdb-isquery')
        ? 'query_items'
        : flag(headers, 'x-ms-cosmos-is-batch-request')
          ? 'execute_batch'
          : flag(headers, 'x-ms-documentdb-is-upsert')
            ? 'upsert_item'
            : 'create_item';
  } else {
    operation = `${method === 'POST' ? 'create' : method.toLowerCase()}_${resource}`;
  }
  return { operation: /^[a-z_]{1,48}$/.test(operation) ? operation : 'other', ...where };
}

interface SpanStart {
  name: string;
  attributes: Attributes;
}

/** Name and start attributes per operation and container, built once (a few dozen in all). */
const starts = new Map<string, SpanStart>();

function spanStart(op: CosmosOperation): SpanStart {
  const key = `${op.operation}|${op.database ?? ''}|${op.container ?? ''}`;
  let start = starts.get(key);
  if (!start) {
    const attributes: Attributes = { 'db.system': 'cosmosdb', 'db.operation': op.operation };
    if (op.database) attributes['db.name'] = op.database;
    if (op.container) attributes['db.cosmosdb.container'] = op.container;
    start = { name: `${op.operation} ${op.container ?? op.database ?? 'account'}`, attributes };
    if (starts.size < 500) starts.set(key, start);
  }
  return start;
}

/**
 * The span start of a request. Document requests (nearly all) are looked up by method, item or
 * feed, the flags that tell POSTs apart and the URL up to `/docs` (account, database and
 * container: a handful of values), without parsing the path; the rest parse it.
 */
function spanStartFor(request: CosmosHttpRequest): SpanStart {
  const { method, url, headers } = request;
  const colls = url.indexOf('/colls/');
  const docs = colls < 0 ? -1 : url.indexOf('/docs', colls + 7);
  if (docs < 0) return spanStart(cosmosOperation(request));
  const item = url.charAt(docs + 5) === '/';
  let flags = '';
  if (method === 'POST')
    for (const name of POST_FLAGS) flags += headers.get(name)?.toLowerCase() === 'true' ? '1' : '0';
  else if (!item && headers.get('a-im')) flags = 'a';
  const key = `${method} ${item ? 'item' : 'feed'} ${flags} ${url.slice(0, docs)}`;
  let start = starts.get(key);
  if (!start) {
    start = spanStart(cosmosOperation(request));
    if (starts.size < 500) starts.set(key, start);
  }
  return start;
}

const POST_FLAGS = [
  'x-ms-cosmos-is-query-plan-request',
  'x-ms-documentdb-isquery',
  'x-ms-cosmos-is-batch-request',
  'x-ms-documentdb-is-upsert',
];

/** Expected answers the repositories handle (not found, already exists, ETag conflict): no error. */
const EXPECTED = new Set([304, 404, 409, 412]);

/**
 * A CLIENT span around one Cosmos HTTP request, only below a sampled span (a turn, a webhook,
 * a job): requests outside any trace (lease renewals, schema checks at start-up) and in traces
 * the sampler dropped cost nothing beyond this check and create no root spans of their own.
 */
export async function traceCosmosRequest<R extends CosmosHttpResponse>(
  request: CosmosHttpRequest,
  send: () => Promise<R>,
): Promise<R> {
  if (!telemetryOn()) return send();
  const active = context.active();
  const parent = trace.getSpan(active);
  if (!parent || sampledOut(parent)) return send();
  const { name, attributes } = spanStartFor(request);
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes }, active);
  try {
    const response = await send();
    const subStatus = Number(response.headers.get('x-ms-substatus'));
    const charge = Number(response.headers.get('x-ms-request-charge'));
    span.setAttribute('db.cosmosdb.status_code', response.status);
    if (Number.isInteger(subStatus) && subStatus > 0)
      span.setAttribute('db.cosmosdb.sub_status_code', subStatus);
    if (Number.isFinite(charge) && charge > 0) span.setAttribute('db.cosmosdb.request_charge', charge);
    if (response.status >= 400 && !EXPECTED.has(response.status))
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(response.status) });
    return response;
  } catch (err) {
    const name = err instanceof Error ? err.name : 'error';
    span.setAttribute('error.type', name);
    span.setStatus({ code: SpanStatusCode.ERROR, message: name });
    throw err;
  } finally {
    span.end();
  }
}
