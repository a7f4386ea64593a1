import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import createCosmosServer from '@vercel/cosmosdb-server';
import type { App, AppOverrides } from '../src/app';
import { startEmbeddedCosmosServer, type EmbeddedCosmosServer } from '../src/storage/cosmos';
import { CONTAINERS } from '../src/storage/containers';
import type { Invitation } from '../src/domain/invitations';
import { countingCosmos, type CountingAgent } from './lib/countingCosmos';
import type { EchoServer } from './lib/echoBot';
import { serve } from './lib/ipc';

/**
 * A child process of the bench: either the embedded Cosmos server, or one bot (the app or the
 * echo baseline) whose Cosmos client counts its requests. Driven by bench/run.ts over IPC.
 */
let cosmosServer: EmbeddedCosmosServer | undefined;
let app: App | undefined;
let echo: EchoServer | undefined;
let agent: CountingAgent | undefined;
let dispose: (() => Promise<void>) | undefined;
/** Outcomes of webhook processing in this instance: processed, duplicate, ignored, invalid, failed. */
const webhookOutcomes: Record<string, number> = {};

const gc = () => {
  const g = (globalThis as { gc?: () => void }).gc;
  g?.();
  g?.();
};

function requireApp(): App {
  if (!app) throw new Error('no app in this process');
  return app;
}

export interface StartAppArgs {
  endpoint: string;
  database: string;
  env: Record<string, string>;
  /** Another instance's simulator, for instances without their own Partner Center. */
  partnerCenter?: { baseUrl: string; token: string };
}

serve({
  /**
   * The embedded Cosmos server. keepAlive: true (the default here) keeps TLS connections open as a
   * real Cosmos account does; src/storage/cosmos.ts starts it with `connection: close`, which makes
   * every request a new TLS handshake (set --cosmosKeepAlive=0 to measure that).
   */
  async startCosmos({ keepAlive }: { keepAlive: boolean }) {
    if (!keepAlive) {
      cosmosServer = await startEmbeddedCosmosServer();
      return { endpoint: cosmosServer.endpoint };
    }
    const server = createCosmosServer({ keepAlive: true });
    // Longer than any pause in the bench: Node's default 5 s lets the server close a pooled socket
    // just as the client reuses it (ECONNRESET on a write, which the SDK does not retry).
    server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    cosmosServer = {
      endpoint: `https://127.0.0.1:${port}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
    return { endpoint: cosmosServer.endpoint };
  },

  /** Documents per container of a database (cosmos process; its own client, not counted). */
  async docCounts({ database }: { database: string }) {
    if (!cosmosServer) throw new Error('no Cosmos server in this process');
    const client = new CosmosClient({
      endpoint: cosmosServer.endpoint,
      key: 'embedded',
      agent: new https.Agent({ rejectUnauthorized: false }),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const out: Record<string, number> = {};
    try {
      for (const def of Object.values(CONTAINERS)) {
        const { resources } = await client
          .database(database)
          .container(def.id)
          .items.query<number>('SELECT VALUE COUNT(1) FROM c')
          .fetchAll();
        out[def.id] = resources.reduce((a, b) => a + b, 0);
      }
    } finally {
      client.dispose();
    }
    return out;
  },

  async startApp({ endpoint, database, env, partnerCenter }: StartAppArgs) {
    // BENCH_TELEMETRY=memory: OpenTelemetry on, spans and metrics exported in memory (issue 19).
    if (process.env['BENCH_TELEMETRY'] === 'memory') await startMemoryTelemetry();
    // Loaded here, not at the top: the echo baseline's process must not carry the app's modules.
    const { createApp } = await import('../src/app');
    const { loadConfig } = await import('../src/config/config');
    const { createLogger, silentLogger } = await import('../src/logging/logger');
    const { HttpPartnerCenterClient, StaticTokenProvider } = await import('../src/partnerCenter');
    const { SIMULATOR_API_BASE_PATH } = await import('../src/simulator');
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', RECONCILE_INTERVAL_SECONDS: '0', ...env });
    const level = process.env['BENCH_APP_LOG_LEVEL'];
    const logger = level ? createLogger({ level, destination: process.stderr }) : silentLogger();
    const counting = await countingCosmos(endpoint, database);
    agent = counting.agent;
    const overrides: AppOverrides = { cosmos: counting.handle };
    if (partnerCenter) {
      overrides.partnerCenter = new HttpPartnerCenterClient({
        baseUrl: partnerCenter.baseUrl,
        tokenProvider: new StaticTokenProvider(partnerCenter.token),
        logger,
        timeoutMs: config.partnerCenter.timeoutMs,
        maxRetries: config.partnerCenter.maxRetries,
      });
    }
    app = await createApp(config, logger, overrides);
    // Count what became of each verified webhook (the route hands it to enqueueWebhook).
    const service = app.notifications;
    const enqueue = service.enqueueWebhook.bind(service);
    service.enqueueWebhook = (raw: Buffer) => {
      const task = enqueue(raw);
      void task.then((outcome) => {
        const key = outcome ?? 'failed';
        webhookOutcomes[key] = (webhookOutcomes[key] ?? 0) + 1;
      });
      return task;
    };
    const port = await app.start(0);
    dispose = () => counting.handle.dispose();
    return {
      port,
      simulatorToken: app.simulatorToken,
      simulatorBaseUrl: `http://127.0.0.1:${port}${SIMULATOR_API_BASE_PATH}`,
      rootPem: app.simulator?.trustedRootPem,
    };
  },

  async startEcho({ endpoint, database }: { endpoint: string; database: string }) {
    const { startEchoBot } = await import('./lib/echoBot');
    const counting = await countingCosmos(endpoint, database);
    agent = counting.agent;
    echo = await startEchoBot(counting.handle);
    dispose = () => counting.handle.dispose();
    return { port: echo.port };
  },

  counts() {
    return agent?.snapshot();
  },

  cpu() {
    return { cpu: process.cpuUsage() };
  },

  memory({ collect }: { collect?: boolean } = {}) {
    if (collect) gc();
    return process.memoryUsage();
  },

  /** Sizes of the app's in-process caches and maps (to explain memory growth). */
  internals() {
    const a = requireApp();
    const sizeOf = (o: unknown, field: string) => {
      const v = (o as Record<string, unknown> | undefined)?.[field];
      return v instanceof Map || v instanceof Set ? v.size : undefined;
    };
    return {
      customerCacheEntries: sizeOf(a.services.customerCache, 'entries'),
      conversationsRecentlySaved: sizeOf(a.services.conversations, 'recentlySaved'),
    };
  },

  /** Stops the simulator's own webhook deliveries: the bench posts the events to the instances itself. */
  noSimulatorWebhook() {
    requireApp().simulator?.setWebhookUrl(undefined);
  },

  /** Pending invitations from `inviters` people, each with a 1:1 chat reference at `serviceUrl`. */
  async seedInvitations({
    count,
    inviters,
    serviceUrl,
  }: {
    count: number;
    inviters: number;
    serviceUrl: string;
  }) {
    const { SIMULATOR_PARTNER_TENANT_ID, SIMULATOR_USERS } = await import('../src/simulator/seed');
    const a = requireApp();
    const link = a.simulator?.relationshipRequestUrl() ?? 'https://example.invalid/accept';
    let next = 0;
    const one = async (n: number) => {
      const k = n % inviters;
      const now = new Date().toISOString();
      const conversationId = `a:bench-inviter-${k}`;
      const invitation: Invitation = {
        id: randomUUID(),
        partnerTenantId: a.services.partnerTenantId,
        kind: 'reseller',
        link,
        customer: { companyName: benchCompany(n), contactEmail: `it@${benchDomain(n)}` },
        createdBy: { aadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId, name: `Inviter ${k}` },
        conversationId,
        conversationReference: {
          activityId: randomUUID(),
          user: {
            id: `29:inviter-${k}`,
            name: `Inviter ${k}`,
            aadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
          },
          bot: { id: '28:bot', name: 'Customer Connect' },
          conversation: {
            id: conversationId,
            conversationType: 'personal',
            tenantId: SIMULATOR_PARTNER_TENANT_ID,
          },
          channelId: 'msteams',
          locale: 'en-US',
          serviceUrl,
        },
        locale: n % 2 ? 'de-DE' : 'en-US',
        status: 'pending',
        createdAt: now,
        updatedAt: now,
      };
      await a.services.invitations.create(invitation);
    };
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < count) await one(next++);
      }),
    );
    return { count };
  },

  /** The customers accept: returns each webhook body (base64) with Partner Center's signature headers. */
  accept({ from, count }: { from: number; count: number }) {
    const sim = requireApp().simulator;
    if (!sim) throw new Error('no simulator in this instance');
    const events: { raw: string; headers: Record<string, string>; company: string }[] = [];
    for (let n = from; n < from + count; n++) {
      const { event } = sim.acceptInvitation({ companyName: benchCompany(n), domain: benchDomain(n) });
      const raw = Buffer.from(JSON.stringify(event), 'utf8');
      events.push({
        raw: raw.toString('base64'),
        headers: sim.signWebhookBody(raw),
        company: benchCompany(n),
      });
    }
    return events;
  },

  async runScheduled() {
    const result = await requireApp().notifications.runScheduled();
    return result ? { reconciled: result.reconciled, resumed: result.resumed } : undefined;
  },

  webhookOutcomes() {
    return webhookOutcomes;
  },

  async whenIdle() {
    await requireApp().notifications.whenIdle();
  },

  async stop() {
    await app?.stop();
    await echo?.stop();
    await dispose?.();
    await cosmosServer?.close();
    setImmediate(() => process.exit(0));
  },
});

export function benchCompany(n: number): string {
  return `Bench Customer ${String(n).padStart(4, '0')}`;
}

export function benchDomain(n: number): string {
  return `bench-${String(n).padStart(4, '0')}.example`;
}

/** Telemetry with every span batched to an exporter that counts and drops it (no memory growth). */
async function startMemoryTelemetry(): Promise<void> {
  const { startTelemetry } = await import('../src/telemetry');
  const { BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const { InMemoryMetricExporter, AggregationTemporality, PeriodicExportingMetricReader } =
    await import('@opentelemetry/sdk-metrics');
  let exported = 0;
  const spans = {
    export(batch: unknown[], done: (r: { code: number }) => void) {
      exported += batch.length;
      done({ code: 0 });
    },
    shutdown: async () => undefined,
    exported: () => exported,
  };
  await startTelemetry(
    { samplingRatio: 1, liveMetrics: false },
    {
      spanProcessors: [new BatchSpanProcessor(spans as never)],
      metricReaders: [
        new PeriodicExportingMetricReader({
          exporter: new InMemoryMetricExporter(AggregationTemporality.DELTA),
          exportIntervalMillis: 10_000,
        }),
      ],
    },
  );
}
