import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';
import { DefaultAzureCredential } from '@azure/identity';
import createCosmosServer from '@vercel/cosmosdb-server';
import type { AppConfig } from '../config/config';
import type { Logger } from '../logging/logger';
import { telemetryOn, traceCosmosRequest } from '../telemetry';
import { CONTAINERS, type ContainerName } from './containers';

export interface CosmosHandle {
  readonly client: CosmosClient;
  readonly database: Database;
  readonly containers: Readonly<Record<ContainerName, Container>>;
  /** True when the data lives in the in-process server (lost on exit). */
  readonly embedded: boolean;
  /** Endpoint the SDK talks to (embedded: https://127.0.0.1:<port>). */
  readonly endpoint: string;
  /** Cheap reachability probe for /readyz. */
  ping(): Promise<boolean>;
  /** Stops the embedded server (if any) and releases the client. */
  dispose(): Promise<void>;
}

export interface EmbeddedCosmosServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Starts `@vercel/cosmosdb-server` in-process on a free loopback port (or the given one). */
export async function startEmbeddedCosmosServer(port = 0): Promise<EmbeddedCosmosServer> {
  // Keep connections open between requests, as Azure does: otherwise every SDK call pays a TLS
  // handshake, and a pooled socket the server just closed fails a write with ECONNRESET.
  const server = createCosmosServer({ keepAlive: true });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface CosmosClientOptions {
  endpoint: string;
  key?: string;
  /** Only for the embedded server's self-signed certificate: relaxes TLS for this client alone. */
  trustSelfSigned?: boolean;
}

/**
 * A CosmosClient that owns its keep-alive agent: `dispose()` also destroys the agent's pooled
 * sockets. `CosmosClient.dispose()` alone only clears the SDK's timers, and the idle keep-alive
 * sockets kept Node (and Jest workers) alive until the server closed them.
 */
class AgentOwningCosmosClient extends CosmosClient {
  constructor(
    options: ConstructorParameters<typeof CosmosClient>[0],
    private readonly ownAgent: https.Agent,
  ) {
    super({ ...options, agent: ownAgent });
  }

  override dispose(): void {
    super.dispose();
    this.ownAgent.destroy();
  }
}

/**
 * CosmosClient options for telemetry: with telemetry on (started before the client is created),
 * the SDK's default HTTP client with a span per request (the SDK creates none of its own); off,
 * nothing: the SDK's own client, exactly as without telemetry.
 */
export function cosmosTelemetryOptions(): { httpClient?: HttpClient } {
  if (!telemetryOn()) return {};
  const inner = createDefaultHttpClient();
  return {
    httpClient: { sendRequest: (request) => traceCosmosRequest(request, () => inner.sendRequest(request)) },
  };
}

export function createCosmosClient(options: CosmosClientOptions): CosmosClient {
  const agent = options.trustSelfSigned
    ? // The embedded server's certificate is self-signed; this agent is used by this one client only.
      new https.Agent({ rejectUnauthorized: false, keepAlive: true })
    : new https.Agent({ keepAlive: true });
  return new AgentOwningCosmosClient(
    {
      endpoint: options.endpoint,
      ...(options.key ? { key: options.key } : { aadCredentials: new DefaultAzureCredential() }),
      connectionPolicy: { enableEndpointDiscovery: !options.trustSelfSigned, requestTimeout: 10000 },
      ...cosmosTelemetryOptions(),
    },
    agent,
  );
}

/** Creates the database and every container if absent. Idempotent. */
export async function ensureSchema(
  client: CosmosClient,
  databaseId: string,
): Promise<{ database: Database; containers: Record<ContainerName, Container> }> {
  let database: Database;
  try {
    ({ database } = await client.databases.createIfNotExists({ id: databaseId }));
  } catch (err) {
    // Managed identity: the database is created by the infrastructure (see above).
    if ((err as { code?: unknown }).code !== 403) throw err;
    database = client.database(databaseId);
    await database.read();
  }
  const entries = await Promise.all(
    (Object.keys(CONTAINERS) as ContainerName[]).map(async (name) => {
      const def = CONTAINERS[name];
      try {
        const { container } = await database.containers.createIfNotExists({
          id: def.id,
          partitionKey: { paths: [def.partitionKey] },
          ...('defaultTtl' in def ? { defaultTtl: def.defaultTtl } : {}),
        });
        return [name, container] as const;
      } catch (err) {
        // With Entra (managed identity) data-plane access, creating containers is a control-plane
        // action and answers 403: the infrastructure (deployment/main.bicep) creates them; verify they exist.
        if ((err as { code?: unknown }).code !== 403) throw err;
        const container = database.container(def.id);
        await container.read();
        return [name, container] as const;
      }
    }),
  );
  return { database, containers: Object.fromEntries(entries) as Record<ContainerName, Container> };
}

/**
 * The one shared CosmosClient of the process. Without COSMOS_ENDPOINT the embedded server is
 * started in-process and the real SDK is pointed at it.
 */
export async function createCosmos(config: AppConfig, logger: Logger): Promise<CosmosHandle> {
  let embeddedServer: EmbeddedCosmosServer | undefined;
  let endpoint: string;
  let client: CosmosClient;
  if (config.cosmos.embedded || !config.cosmos.endpoint) {
    embeddedServer = await startEmbeddedCosmosServer();
    endpoint = embeddedServer.endpoint;
    client = createCosmosClient({ endpoint, key: 'embedded', trustSelfSigned: true });
  } else {
    endpoint = config.cosmos.endpoint;
    client = createCosmosClient({ endpoint, key: config.cosmos.key });
  }
  try {
    const handle = await openCosmosHandle(client, config.cosmos.database, {
      endpoint,
      embedded: !!embeddedServer,
      stop: () => embeddedServer?.close() ?? Promise.resolve(),
    });
    logger.info({ endpoint, database: config.cosmos.database, embedded: handle.embedded }, 'cosmos ready');
    return handle;
  } catch (err) {
    client.dispose();
    await embeddedServer?.close();
    throw err;
  }
}

/**
 * A handle on `client` with the schema of `databaseId` ensured: `ping` reads the database,
 * `dispose` releases the client and then runs `stop` (an embedded server's close). Also used by
 * the load tests and the bench, whose clients send through their own agents.
 */
export async function openCosmosHandle(
  client: CosmosClient,
  databaseId: string,
  options: { endpoint: string; embedded: boolean; stop?: () => Promise<void> },
): Promise<CosmosHandle> {
  const { database, containers } = await ensureSchema(client, databaseId);
  return {
    client,
    database,
    containers,
    embedded: options.embedded,
    endpoint: options.endpoint,
    async ping() {
      try {
        await database.read();
        return true;
      } catch {
        // Expected when Cosmos is down: /readyz reports not ready instead of failing.
        return false;
      }
    },
    async dispose() {
      client.dispose();
      await options.stop?.();
    },
  };
}
