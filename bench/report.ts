import type { BenchResults } from './run';
import type { Summary } from './lib/stats';

function table(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of cells.slice(1)) process.stdout.write(`${line(r)}\n`);
}

const lat = (s: Summary) => [s.n, s.p50, s.p95, s.p99, s.max];

/** Prints the bench results as plain-text tables (stdout). */
export function printReport(r: BenchResults): void {
  const m = r.machine;
  process.stdout.write(
    `\nCustomer Connect bench — ${r.startedAt} — ${m.cpus} × ${m.cpuModel}, ${m.totalMemoryGb} GB, Node ${m.node}\n`,
  );
  if (r.coldStart) {
    const c = r.coldStart;
    table(
      `Cold start (${c.note}; ${c.runs.length} runs; ms)`,
      ['measure', 'n', 'p50', 'p95', 'p99', 'max'],
      [
        ['process start → ready (/readyz 200)', ...lat(c.readyMs)],
        ['first help turn (POST → card)', ...lat(c.firstHelpMs)],
        ['first help in German', ...lat(c.firstGermanHelpMs)],
        ['a later help turn (warm)', ...lat(c.secondHelpMs)],
      ],
    );
  }
  if (r.load) {
    const { app, echo, ratios } = r.load;
    const p = app.paced;
    table(
      `Latency at a realistic load: ${p.conversations} conversations, each pausing ~${p.thinkMs} ms between turns; ${p.turns} turns after ${p.warmupTurns} warm-up (ms, POST → last reply)`,
      ['bot / turn', 'n', 'p50', 'p95', 'p99', 'max'],
      [
        ['app (all turns)', ...lat(p.latency)],
        ...Object.entries(p.byKind).map(([k, s]) => [`  ${k}`, ...lat(s)]),
        ['echo baseline', ...lat(echo.paced.latency)],
        ['ratio app/echo', '', ratios.paced.p50, ratios.paced.p95, ratios.paced.p99, ''],
      ],
    );
    const s = app.saturated;
    table(
      `Saturation: ${s.conversations} conversations without pauses, ${s.turns} turns`,
      [
        'bot',
        'turns/s',
        'p50',
        'p99',
        'errors',
        'CPU ms/turn',
        'Cosmos CPU ms/turn',
        'Cosmos req/turn',
        'cross-partition',
      ],
      [
        [
          'app',
          s.turnsPerSecond,
          s.latency.p50,
          s.latency.p99,
          p.errors + s.errors,
          s.cpuMsPerTurn,
          s.cosmosCpuMsPerTurn,
          s.cosmosRequestsPerTurn,
          s.crossPartitionRequests + p.crossPartitionRequests,
        ],
        [
          'echo',
          echo.saturated.turnsPerSecond,
          echo.saturated.latency.p50,
          echo.saturated.latency.p99,
          echo.paced.errors + echo.saturated.errors,
          echo.saturated.cpuMsPerTurn,
          echo.saturated.cosmosCpuMsPerTurn,
          echo.saturated.cosmosRequestsPerTurn,
          echo.saturated.crossPartitionRequests + echo.paced.crossPartitionRequests,
        ],
        [
          'ratio app/echo',
          ratios.saturated.throughput,
          ratios.saturated.p50,
          ratios.saturated.p99,
          '',
          ratios.saturated.cpuPerTurn,
          '',
          '',
          '',
        ],
      ],
    );
    const samples = [...p.errorSamples, ...s.errorSamples];
    if (samples.length) process.stdout.write(`app errors, first: ${samples.join(' | ')}\n`);
    table(
      'Cosmos requests per turn type (one conversation at a time)',
      ['turn', 'first session', 'later sessions', 'cross-partition', 'later sessions by kind'],
      Object.entries({ ...r.load.cosmosPerTurn.app, ...r.load.cosmosPerTurn.echo }).map(([k, c]) => [
        k,
        c.first,
        c.steady,
        c.crossPartition,
        Object.entries(c.steadyByKind)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', '),
      ]),
    );
    table(
      `Memory of the bot process after a GC (MB), over the saturation phase (0 = after ${p.warmupTurns} warm-up + ${p.turns} paced turns)`,
      ['bot', 'after turns', 'RSS', 'heap total', 'heap used', 'external'],
      [
        ...app.saturated.memory.map((m) => [
          'app',
          m.afterTurns,
          m.rssMb,
          m.heapTotalMb,
          m.heapUsedMb,
          m.externalMb,
        ]),
        ...echo.saturated.memory.map((m) => [
          'echo',
          m.afterTurns,
          m.rssMb,
          m.heapTotalMb,
          m.heapUsedMb,
          m.externalMb,
        ]),
      ],
    );
    process.stdout.write(
      `Cosmos documents (app database): ${JSON.stringify(r.load.cosmosDocuments)}; Cosmos server RSS ${r.load.cosmosServerRssMb} MB; app internals ${JSON.stringify(r.load.appInternals)}\n`,
    );
  }
  if (r.catalog) {
    const c = r.catalog;
    table(
      `Customer base of ${c.customers} (${c.note}; ${c.repeats} each)`,
      ['action', 'n', 'p50', 'p95', 'p99', 'max', 'card bytes', 'errors'],
      Object.entries(c.ops).map(([k, op]) => [
        k,
        ...lat(op.latency),
        `${op.cardBytes.min}–${op.cardBytes.max}`,
        op.errors,
      ]),
    );
  }
  if (r.notifications) {
    const n = r.notifications;
    table(
      `Notifications: ${n.acceptances} acceptances via webhook, ${n.instances} instances, ${n.inviters} inviters, ${n.redeliveredShare * 100}% redelivered, connector 429 on ${n.throttleProbability * 100}% (Retry-After ${n.retryAfterSeconds} s)`,
      ['metric', 'value'],
      [
        ['time until all delivered (s)', n.secondsUntilAllDelivered],
        ['delivered / undelivered', `${n.delivered} / ${n.undelivered}`],
        ['duplicates', n.duplicates],
        ['webhook POSTs (non-202)', `${n.webhookPosts} (${n.webhookNon202})`],
        [
          'webhook processing outcomes',
          Object.entries(n.webhookOutcomes)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        ],
        ['reconciler interval (s)', n.reconcileIntervalSeconds],
        ['webhook answer p50 / p99 (ms)', `${n.webhookLatency.p50} / ${n.webhookLatency.p99}`],
        ['connector 429s answered', n.connector429s],
        ['retries before Retry-After', n.retryAfterViolations],
        ['shortest wait after a 429 (ms)', n.shortestRetryWaitMs],
        ['Cosmos requests per acceptance', n.cosmosRequestsPerAcceptance],
        ['cross-partition requests', n.crossPartitionRequests],
        [
          'CPU s: Cosmos server / instances',
          `${n.cpuSeconds.cosmosServer} / ${n.cpuSeconds.instances.join(', ')}`,
        ],
      ],
    );
    process.stdout.write(
      `Cosmos requests of the notification run by kind (all instances): ${Object.entries(n.cosmosByKind)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ')}\n`,
    );
  }
  process.stdout.write(`\nduration ${r.durationSeconds} s\n`);
}
