import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchConnector } from '../lib/connector';
import { diffCounts, type CosmosCounts } from '../lib/countingCosmos';
import { postJson } from '../lib/http';
import { Child } from '../lib/ipc';
import { summarize, type Summary } from '../lib/stats';

export interface NotificationsResult {
  acceptances: number;
  instances: number;
  inviters: number;
  redeliveredShare: number;
  throttleProbability: number;
  retryAfterSeconds: number;
  /** From the first webhook POST until the last inviter notification arrived. */
  secondsUntilAllDelivered: number;
  delivered: number;
  undelivered: number;
  duplicates: number;
  webhookPosts: number;
  webhookLatency: Summary;
  webhookNon202: number;
  connector429s: number;
  /** Retries of a throttled notification sent before its Retry-After had passed. */
  retryAfterViolations: number;
  /** Shortest wait between a 429 and the retry of the same notification (ms). */
  shortestRetryWaitMs: number;
  cosmosRequestsPerAcceptance: number;
  crossPartitionRequests: number;
  /** All instances together, by request kind. */
  cosmosByKind: Record<string, number>;
  /** Webhook processing outcomes, all instances (failed = left to the reconciler). */
  webhookOutcomes: Record<string, number>;
  reconcileIntervalSeconds: number;
  /** CPU time used during the run: the Cosmos server process and each instance. */
  cpuSeconds: { cosmosServer: number; instances: number[] };
}

export interface NotificationOptions {
  endpoint: string;
  /** The Cosmos server's process (its CPU time is reported). */
  cosmos: Child;
  connector: BenchConnector;
  acceptances: number;
  instances: number;
  inviters: number;
  redeliveredShare: number;
  throttleProbability: number;
  retryAfterSeconds: number;
  reconcileIntervalSeconds: number;
  tmpDir: string;
  log: (s: string) => void;
}

const COMPANY = /Bench Customer \d{4}/;

/**
 * Several app instances (processes) share one Cosmos database; instance 0 hosts the Partner Center
 * simulator, the others reach it over HTTP and trust its webhook certificate. Pending invitations
 * are stored, the customers accept, and each signed webhook is posted to one instance (a share of
 * them a second time to another, as Partner Center's redelivery would), while every instance runs
 * its reconciler once in the middle. The connector answers a share of the sends with 429.
 */
export async function runNotifications(o: NotificationOptions): Promise<NotificationsResult> {
  const database = `bench-notify-${Date.now()}`;
  // Every instance runs the reconciler on its timer (the lease lets one at a time do the work).
  const timer = { RECONCILE_INTERVAL_SECONDS: String(o.reconcileIntervalSeconds) };
  const children: Child[] = [];
  try {
    const first = Child.start('notify-0');
    children.push(first);
    const a = await first.call<{
      port: number;
      simulatorToken: string;
      simulatorBaseUrl: string;
      rootPem: string;
    }>('startApp', { endpoint: o.endpoint, database, env: { SIMULATOR_CUSTOMERS: '60', ...timer } });
    await first.call('noSimulatorWebhook');
    mkdirSync(o.tmpDir, { recursive: true });
    const rootFile = path.join(o.tmpDir, 'notify-root.pem');
    writeFileSync(rootFile, a.rootPem);
    const ports = [a.port];
    for (let i = 1; i < o.instances; i++) {
      const child = Child.start(`notify-${i}`);
      children.push(child);
      const started = await child.call<{ port: number }>('startApp', {
        endpoint: o.endpoint,
        database,
        env: {
          SIMULATOR_CUSTOMERS: '0',
          ...timer,
          WEBHOOK_TRUSTED_ROOTS_FILE: rootFile,
          WEBHOOK_ALLOWED_CERT_HOSTS: `127.0.0.1:${a.port}`,
        },
        partnerCenter: { baseUrl: a.simulatorBaseUrl, token: a.simulatorToken },
      });
      await child.call('noSimulatorWebhook');
      ports.push(started.port);
    }
    await first.call('seedInvitations', {
      count: o.acceptances,
      inviters: o.inviters,
      serviceUrl: o.connector.url,
    });
    // The first scheduled run anywhere records the reconciler's baseline (known customers).
    await Promise.all(children.map((c) => c.call('runScheduled')));
    const events = await first.call<{ raw: string; headers: Record<string, string>; company: string }[]>(
      'accept',
      {
        from: 0,
        count: o.acceptances,
      },
    );
    o.log(`  ${o.acceptances} invitations stored and accepted; posting webhooks to ${o.instances} instances`);

    o.connector.reset();
    o.connector.keyOf = (activity) => COMPANY.exec(JSON.stringify(activity))?.[0];
    o.connector.setThrottle({
      probability: o.throttleProbability,
      retryAfterSeconds: o.retryAfterSeconds,
      seed: 7,
    });
    const countsBefore = await Promise.all(children.map((c) => c.call<CosmosCounts>('counts')));
    const cpu = async () =>
      Promise.all(
        [o.cosmos, ...children].map(async (c) => (await c.call<{ cpu: NodeJS.CpuUsage }>('cpu')).cpu),
      );
    const cpuBefore = await cpu();

    const webhookMs: number[] = [];
    let non202 = 0;
    let posts = 0;
    const post = async (instance: number, e: { raw: string; headers: Record<string, string> }) => {
      const started = performance.now();
      const res = await postJson(
        `http://127.0.0.1:${ports[instance]}/api/partner-center/events`,
        Buffer.from(e.raw, 'base64'),
        e.headers,
      );
      webhookMs.push(performance.now() - started);
      posts++;
      if (res.status !== 202) non202++;
    };
    const started = performance.now();
    let nextEvent = 0;
    let reconciled = false;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (nextEvent < events.length) {
          const n = nextEvent++;
          const e = events[n]!;
          await post(n % o.instances, e);
          // Partner Center redelivers some events; here to another instance.
          if ((n * 7919) % 1000 < o.redeliveredShare * 1000) await post((n + 1) % o.instances, e);
          if (!reconciled && n >= events.length / 2) {
            reconciled = true;
            // A failed run (e.g. Cosmos overloaded) is the instances' business: their timers try again.
            void Promise.all(children.map((c) => c.call('runScheduled').catch(() => undefined)));
          }
        }
      }),
    );
    // Wait until every notification arrived (or nothing moved for 60 s).
    let lastDelivered = -1;
    let lastChange = performance.now();
    let allAt = NaN;
    for (;;) {
      const delivered = deliveredKeys(o.connector).size;
      if (delivered >= o.acceptances) {
        allAt = performance.now();
        break;
      }
      if (delivered !== lastDelivered) {
        lastDelivered = delivered;
        lastChange = performance.now();
      } else if (performance.now() - lastChange > 60_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(children.map((c) => c.call('whenIdle')));
    o.connector.setThrottle(undefined);
    const cpuAfter = await cpu();
    const cpuSeconds = cpuAfter.map((a, i) => {
      const b = cpuBefore[i]!;
      return Math.round((a.user + a.system - b.user - b.system) / 1e5) / 10;
    });

    const delivered = deliveredKeys(o.connector);
    let duplicates = 0;
    let violations = 0;
    let shortestWait = Infinity;
    for (const { attempts } of o.connector.keyed.values()) {
      duplicates += Math.max(0, attempts.filter((x) => x.status === 200).length - 1);
      for (let i = 0; i < attempts.length - 1; i++) {
        if (attempts[i]!.status !== 429) continue;
        const wait = attempts[i + 1]!.at - attempts[i]!.at;
        shortestWait = Math.min(shortestWait, wait);
        if (wait < o.retryAfterSeconds * 1000 - 5) violations++;
      }
    }
    const countsAfter = await Promise.all(children.map((c) => c.call<CosmosCounts>('counts')));
    const outcomes: Record<string, number> = {};
    for (const c of children) {
      for (const [key, n] of Object.entries(await c.call<Record<string, number>>('webhookOutcomes')))
        outcomes[key] = (outcomes[key] ?? 0) + n;
    }
    const cosmos = countsAfter.map((after, i) => diffCounts(after, countsBefore[i]!));
    const total = cosmos.reduce((s, c) => s + c.total, 0);
    return {
      acceptances: o.acceptances,
      instances: o.instances,
      inviters: o.inviters,
      redeliveredShare: o.redeliveredShare,
      throttleProbability: o.throttleProbability,
      retryAfterSeconds: o.retryAfterSeconds,
      secondsUntilAllDelivered:
        Math.round(((Number.isNaN(allAt) ? performance.now() : allAt) - started) / 100) / 10,
      delivered: delivered.size,
      undelivered: o.acceptances - delivered.size,
      duplicates,
      webhookPosts: posts,
      webhookLatency: summarize(webhookMs),
      webhookNon202: non202,
      connector429s: o.connector.throttled,
      retryAfterViolations: violations,
      shortestRetryWaitMs: Number.isFinite(shortestWait) ? Math.round(shortestWait) : 0,
      cosmosRequestsPerAcceptance: Math.round((total / o.acceptances) * 10) / 10,
      crossPartitionRequests: cosmos.reduce((s, c) => s + c.crossPartition, 0),
      webhookOutcomes: outcomes,
      cpuSeconds: { cosmosServer: cpuSeconds[0]!, instances: cpuSeconds.slice(1) },
      reconcileIntervalSeconds: o.reconcileIntervalSeconds,
      cosmosByKind: cosmos.reduce<Record<string, number>>((acc, c) => {
        for (const [kind, n] of Object.entries(c.byKind)) acc[kind] = (acc[kind] ?? 0) + n;
        return acc;
      }, {}),
    };
  } finally {
    o.connector.keyOf = undefined;
    o.connector.setThrottle(undefined);
    await Promise.all(children.map((c) => c.stop()));
  }
}

function deliveredKeys(connector: BenchConnector): Set<string> {
  const keys = new Set<string>();
  for (const [key, { attempts }] of connector.keyed)
    if (attempts.some((a) => a.status === 200)) keys.add(key);
  return keys;
}
