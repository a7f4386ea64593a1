import type { ClientRequest } from 'node:http';
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { cosmosTelemetryOptions, openCosmosHandle, type CosmosHandle } from '../../src/storage/cosmos';

/** Cosmos requests seen by the counting agent, by kind (e.g. "read bot-state", "query invitations"). */
export interface CosmosCounts {
  total: number;
  /**
   * Queries and feeds sent without a partition key: they fan out over every partition. (A
   * "query-plan" request is the SDK asking the gateway how to run a query; with a partition key it
   * is an extra round trip, not a fan-out.)
   */
  crossPartition: number;
  byKind: Record<string, number>;
}

/**
 * An https.Agent that counts every request the Cosmos SDK sends through it and classifies it from
 * the method, the resource path and the SDK's headers. Only the bench uses it (passed to the client
 * as `agent`, the same hook createCosmosClient uses); the app's default client is unchanged.
 */
export class CountingAgent extends https.Agent {
  counts: CosmosCounts = { total: 0, crossPartition: 0, byKind: {} };

  constructor() {
    super({ rejectUnauthorized: false, keepAlive: true });
  }

  record(req: ClientRequest): void {
    const kind = classify(req.method, req.path, (name) => req.getHeader(name));
    this.counts.total++;
    this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
    if (kind.includes('cross-partition')) this.counts.crossPartition++;
  }

  snapshot(): CosmosCounts {
    return { ...this.counts, byKind: { ...this.counts.byKind } };
  }
}

const originalAddRequest = (https.Agent.prototype as unknown as { addRequest: (...a: any[]) => void })
  .addRequest;
(CountingAgent.prototype as unknown as { addRequest: (...a: any[]) => void }).addRequest = function (
  this: CountingAgent,
  req: ClientRequest,
  ...rest: unknown[]
) {
  this.record(req);
  originalAddRequest.call(this, req, ...rest);
};

/** "read bot-state", "upsert conversations", "query invitations", "query dedupe cross-partition", … */
export function classify(method: string, path: string, header: (name: string) => unknown): string {
  const clean = path.split('?')[0]!;
  const m = /^\/dbs\/[^/]+\/colls\/([^/]+)(?:\/(docs|pkranges)(?:\/([^/]+))?)?\/?$/.exec(clean);
  if (!m) return `meta ${method}`;
  const [, coll, sub, id] = m;
  if (sub === 'pkranges') return `pkranges ${coll}`;
  if (sub !== 'docs') return `meta ${method} ${coll}`;
  const isTrue = (name: string) => String(header(name) ?? '').toLowerCase() === 'true';
  if (isTrue('x-ms-cosmos-is-query-plan-request')) return `query-plan ${coll}`;
  const isQuery =
    isTrue('x-ms-documentdb-isquery') || /query\+json/.test(String(header('content-type') ?? ''));
  const hasPartitionKey = header('x-ms-documentdb-partitionkey') !== undefined;
  if (isQuery) return `query ${coll}${hasPartitionKey ? '' : ' cross-partition'}`;
  switch (method) {
    case 'GET':
      return id ? `read ${coll}` : `read-feed ${coll}${hasPartitionKey ? '' : ' cross-partition'}`;
    case 'POST':
      return `${isTrue('x-ms-documentdb-is-upsert') ? 'upsert' : 'create'} ${coll}`;
    case 'PUT':
      return `replace ${coll}`;
    case 'DELETE':
      return `delete ${coll}`;
    default:
      return `${method} ${coll}`;
  }
}

/** Counts[after] − counts[before]. */
export function diffCounts(after: CosmosCounts, before: CosmosCounts): CosmosCounts {
  const byKind: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.byKind)) {
    const d = v - (before.byKind[k] ?? 0);
    if (d) byKind[k] = d;
  }
  return {
    total: after.total - before.total,
    crossPartition: after.crossPartition - before.crossPartition,
    byKind,
  };
}

/**
 * A CosmosHandle like createCosmos's embedded one (self-signed certificate, no endpoint discovery,
 * 10 s request timeout) whose client sends through a CountingAgent.
 */
export async function countingCosmos(
  endpoint: string,
  databaseId: string,
): Promise<{ handle: CosmosHandle; agent: CountingAgent }> {
  const agent = new CountingAgent();
  const client = new CosmosClient({
    endpoint,
    key: 'embedded',
    agent,
    connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 10_000 },
    // BENCH_TELEMETRY=memory: Cosmos request spans as the app's own client has them.
    ...cosmosTelemetryOptions(),
  });
  const handle = await openCosmosHandle(client, databaseId, { endpoint, embedded: true });
  return { handle, agent };
}
