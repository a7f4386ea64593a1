import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchConnector } from './lib/connector';
import { Child } from './lib/ipc';
import { runCatalog, type CatalogResult } from './sections/catalog';
import { runColdStart, type ColdStartResult } from './sections/coldStart';
import { cosmosPerTurn, runLoad, type LoadResult, type TurnCosmos } from './sections/load';
import { runNotifications, type NotificationsResult } from './sections/notifications';
import { runOverload, type OverloadResult } from './sections/overload';
import { findRepoRoot } from '../src/tools/repoRoot';
import { printReport } from './report';

/**
 * `npm run bench`: turn latency and throughput of the app against a minimal echo bot on the same
 * stack, Cosmos requests per turn, a customer base of 10,000, memory over many turns, and
 * acceptance notifications through several instances. Knobs: `--name=value` or BENCH_NAME.
 */
const KNOBS = {
  conversations: 50,
  /** Paced phase (latency at a realistic load): turns, and each user's pause between turns. */
  pacedTurns: 1000,
  thinkMs: 2000,
  /** Saturation phase (throughput, memory): turns without pauses, memory sampled every `chunk`. */
  turns: 2000,
  warmup: 400,
  chunk: 1000,
  customers: 10000,
  catalogRepeats: 30,
  acceptances: 300,
  instances: 3,
  inviters: 50,
  redelivered: 0.1,
  throttle: 0.05,
  retryAfter: 1,
  reconcileSeconds: 30,
  /** 0: print only, do not write bench/results.json nor append to the history (experiments). */
  record: 1,
  /** 1: the Cosmos server keeps connections alive (as Cosmos DB does); 0: as the embedded default. */
  cosmosKeepAlive: 1,
  /** Cold starts of the compiled src/index.ts in embedded mode (a new process each). */
  coldStarts: 3,
  sections: 'coldStart,load,catalog,notifications',
  /** overload section: conversations flat out against one instance, its turn gate settings. */
  overloadConversations: 200,
  overloadTurns: 3500,
  maxTurnsInFlight: 24,
  maxQueuedTurns: 48,
};
type Knobs = { [K in keyof typeof KNOBS]: (typeof KNOBS)[K] };

function knobs(): Knobs {
  const out: Record<string, unknown> = { ...KNOBS };
  for (const key of Object.keys(KNOBS)) {
    const env = process.env[`BENCH_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`];
    const arg = process.argv.find((a) => a.startsWith(`--${key}=`))?.split('=')[1];
    const value = arg ?? env;
    if (value === undefined) continue;
    out[key] = typeof KNOBS[key as keyof Knobs] === 'number' ? Number(value) : value;
    if (typeof out[key] === 'number' && !Number.isFinite(out[key]))
      throw new Error(`--${key} must be a number`);
  }
  return out as Knobs;
}

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; totalMemoryGb: number; node: string; platform: string };
  knobs: Knobs;
  coldStart?: ColdStartResult;
  overload?: OverloadResult;
  load?: {
    app: { paced: LoadResult; saturated: LoadResult };
    echo: { paced: LoadResult; saturated: LoadResult };
    ratios: {
      paced: { p50: number; p95: number; p99: number };
      saturated: { p50: number; p99: number; throughput: number; cpuPerTurn: number };
    };
    cosmosPerTurn: { app: Record<string, TurnCosmos>; echo: Record<string, TurnCosmos> };
    appInternals: Record<string, unknown>;
    cosmosDocuments: Record<string, number>;
    cosmosServerRssMb: number;
  };
  catalog?: CatalogResult;
  notifications?: NotificationsResult;
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function main(): Promise<void> {
  const k = knobs();
  const sections = new Set(k.sections.split(',').map((s) => s.trim()));
  const started = Date.now();
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    durationSeconds: 0,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemoryGb: Math.round(os.totalmem() / 1e8) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    knobs: k,
  };
  log(`bench: ${JSON.stringify(k)}`);

  const connector = new BenchConnector();
  await connector.start();
  const cosmos = Child.start('cosmos');
  const children: Child[] = [cosmos];
  try {
    const { endpoint } = await cosmos.call<{ endpoint: string }>('startCosmos', {
      keepAlive: !!k.cosmosKeepAlive,
    });

    // Partner Center (the simulator with the customer base) runs in its own process, as the real
    // one is remote: the app's process then holds the bot alone.
    if (sections.has('coldStart')) {
      // First, while nothing else of the bench runs.
      log(`cold start: ${k.coldStarts} runs`);
      results.coldStart = await runColdStart(
        connector,
        k.coldStarts,
        path.join(findRepoRoot(__dirname), 'bench', 'tmp'),
        log,
      );
      connector.reset();
    }

    let partnerCenter: { baseUrl: string; token: string } | undefined;
    if (sections.has('load') || sections.has('catalog') || sections.has('overload')) {
      const pc = Child.start('partner-center');
      children.push(pc);
      const started = await pc.call<{ simulatorBaseUrl: string; simulatorToken: string }>('startApp', {
        endpoint,
        database: 'bench-partner-center',
        env: { SIMULATOR_CUSTOMERS: String(k.customers) },
      });
      partnerCenter = { baseUrl: started.simulatorBaseUrl, token: started.simulatorToken };
    }

    if (sections.has('load')) {
      log('load: the app');
      const appChild = Child.start('app');
      children.push(appChild);
      const app = await appChild.call<{ port: number }>('startApp', {
        endpoint,
        database: 'bench-app',
        env: { SIMULATOR_CUSTOMERS: '0' },
        partnerCenter,
      });
      const appTarget = { baseUrl: `http://127.0.0.1:${app.port}`, connector };
      const phases = async (
        child: Child,
        target: { baseUrl: string; connector: BenchConnector },
        mode: 'app' | 'echo',
      ) => {
        const paced = await runLoad(child, target, mode, {
          conversations: k.conversations,
          warmupTurns: k.warmup,
          turns: k.pacedTurns,
          chunkTurns: k.pacedTurns,
          thinkMs: k.thinkMs,
          cosmos,
          log,
        });
        const saturated = await runLoad(child, target, mode, {
          conversations: k.conversations,
          warmupTurns: 0,
          turns: k.turns,
          chunkTurns: k.chunk,
          thinkMs: 0,
          cosmos,
          log,
        });
        return { paced, saturated };
      };
      const appPerTurn = await cosmosPerTurn(appChild, appTarget, 'app');
      const appLoad = await phases(appChild, appTarget, 'app');
      const appInternals = await appChild.call<Record<string, unknown>>('internals');
      await appChild.stop();

      log('load: the echo baseline');
      const echoChild = Child.start('echo');
      children.push(echoChild);
      const echo = await echoChild.call<{ port: number }>('startEcho', { endpoint, database: 'bench-echo' });
      const echoTarget = { baseUrl: `http://127.0.0.1:${echo.port}`, connector };
      const echoPerTurn = await cosmosPerTurn(echoChild, echoTarget, 'echo');
      const echoLoad = await phases(echoChild, echoTarget, 'echo');
      await echoChild.stop();
      const cosmosMemory = await cosmos.call<NodeJS.MemoryUsage>('memory', { collect: true });
      results.load = {
        app: appLoad,
        echo: echoLoad,
        ratios: {
          paced: {
            p50: ratio(appLoad.paced.latency.p50, echoLoad.paced.latency.p50),
            p95: ratio(appLoad.paced.latency.p95, echoLoad.paced.latency.p95),
            p99: ratio(appLoad.paced.latency.p99, echoLoad.paced.latency.p99),
          },
          saturated: {
            p50: ratio(appLoad.saturated.latency.p50, echoLoad.saturated.latency.p50),
            p99: ratio(appLoad.saturated.latency.p99, echoLoad.saturated.latency.p99),
            throughput: ratio(appLoad.saturated.turnsPerSecond, echoLoad.saturated.turnsPerSecond),
            cpuPerTurn: ratio(appLoad.saturated.cpuMsPerTurn, echoLoad.saturated.cpuMsPerTurn),
          },
        },
        cosmosPerTurn: { app: appPerTurn, echo: echoPerTurn },
        appInternals,
        cosmosDocuments: await cosmos.call<Record<string, number>>('docCounts', { database: 'bench-app' }),
        cosmosServerRssMb: Math.round((cosmosMemory.rss / 1048576) * 10) / 10,
      };
      connector.reset();
    }

    if (sections.has('catalog')) {
      log(`catalog: ${k.customers} customers`);
      const child = Child.start('catalog');
      children.push(child);
      const started = await child.call<{ port: number }>('startApp', {
        endpoint,
        database: 'bench-catalog',
        env: { SIMULATOR_CUSTOMERS: '0', CUSTOMER_CACHE_TTL_SECONDS: '0' },
        partnerCenter,
      });
      results.catalog = await runCatalog(
        { baseUrl: `http://127.0.0.1:${started.port}`, connector },
        k.customers,
        k.catalogRepeats,
      );
      await child.stop();
      connector.reset();
    }

    if (sections.has('overload')) {
      log(`overload: ${k.overloadConversations} conversations flat out, ${k.overloadTurns} turns`);
      const child = Child.start('app');
      children.push(child);
      const started = await child.call<{ port: number }>('startApp', {
        endpoint,
        database: 'bench-overload',
        env: {
          SIMULATOR_CUSTOMERS: '0',
          MAX_TURNS_IN_FLIGHT: String(k.maxTurnsInFlight),
          MAX_QUEUED_TURNS: String(k.maxQueuedTurns),
        },
        partnerCenter,
      });
      results.overload = await runOverload(
        child,
        { baseUrl: `http://127.0.0.1:${started.port}`, connector },
        {
          conversations: k.overloadConversations,
          turns: k.overloadTurns,
          maxTurnsInFlight: k.maxTurnsInFlight,
          maxQueuedTurns: k.maxQueuedTurns,
        },
      );
      log(`overload: ${JSON.stringify(results.overload)}`);
      await child.stop();
      connector.reset();
    }

    if (sections.has('notifications')) {
      log(`notifications: ${k.acceptances} acceptances, ${k.instances} instances`);
      results.notifications = await runNotifications({
        endpoint,
        cosmos,
        connector,
        acceptances: k.acceptances,
        instances: k.instances,
        inviters: k.inviters,
        redeliveredShare: k.redelivered,
        throttleProbability: k.throttle,
        retryAfterSeconds: k.retryAfter,
        reconcileIntervalSeconds: k.reconcileSeconds,
        tmpDir: path.join(findRepoRoot(__dirname), 'bench', 'tmp'),
        log,
      });
    }
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await connector.stop();
  }

  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  printReport(results);
  if (!k.record) return;
  const benchDir = path.join(findRepoRoot(__dirname), 'bench');
  const resultsFile = path.join(benchDir, 'results.json');
  writeFileSync(resultsFile, await formatJson(resultsFile, results));
  mkdirSync(path.join(benchDir, 'history'), { recursive: true });
  appendFileSync(path.join(benchDir, 'history', 'results.jsonl'), `${JSON.stringify(results)}\n`);
  log(`written: bench/results.json, appended to bench/history/results.jsonl (${results.durationSeconds} s)`);
}

/** JSON as the repository's Prettier settings format it (so `npm run lint` stays clean). */
async function formatJson(file: string, value: unknown): Promise<string> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
