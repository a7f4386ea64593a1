import { translatorFor } from '../../src/i18n/i18n';
import { SIMULATOR_USERS } from '../../src/simulator/seed';
import type { BenchConnector } from '../lib/connector';
import { diffCounts, type CosmosCounts } from '../lib/countingCosmos';
import { postJson } from '../lib/http';
import type { Child } from '../lib/ipc';
import { rng, summarize, type Summary } from '../lib/stats';
import { actionData, cardOf, Chat, choiceIds, inputValue } from '../lib/teams';

export type TurnKind =
  'help' | 'customers' | 'next' | 'expand' | 'search' | 'invite' | 'choose' | 'details' | 'echo';
/** One user session of the app; after `details` the invite flow waits on the draft card. */
export const APP_SCRIPT: readonly TurnKind[] = [
  'help',
  'customers',
  'next',
  'expand',
  'search',
  'invite',
  'choose',
  'details',
];
const SEARCH_TERMS = ['co', 'fa', 'no', 'ad', 'be', 'ma', 'li', 'tr', 'wo', 'al'];

export interface TurnResult {
  kind: TurnKind;
  ms: number;
  ok: boolean;
  error?: string;
}

export interface Target {
  baseUrl: string;
  connector: BenchConnector;
}

/**
 * Shares a turn budget between concurrent conversations; with a think time, each conversation
 * pauses 0.5–1.5 × thinkMs (seeded) between its turns, like a user reading the card.
 */
class Budget {
  private issued = 0;
  private readonly random = rng(4711);
  constructor(
    private readonly total: number,
    private readonly thinkMs = 0,
  ) {}
  take(): boolean {
    if (this.issued >= this.total) return false;
    this.issued++;
    return true;
  }
  async think(): Promise<void> {
    if (this.thinkMs <= 0) return;
    await new Promise((r) => setTimeout(r, this.thinkMs * (0.5 + this.random())));
  }
}

/** A conversation of one bench user: sends turns over HTTP and times them. */
export class BenchUser {
  readonly chat: Chat;
  private readonly t;
  private readonly de: boolean;

  constructor(
    private readonly target: Target,
    readonly index: number,
  ) {
    const locale = index % 2 ? 'de-DE' : 'en-US';
    this.de = locale === 'de-DE';
    this.t = translatorFor(locale);
    const user = index % 3 === 0 ? SIMULATOR_USERS.adminAgent : SIMULATOR_USERS.globalAdmin;
    this.chat = new Chat(target.connector.url, locale, user.aadObjectId);
  }

  /** A typed message; done when the HTTP answer and the expected reply have both arrived. */
  async say(
    kind: TurnKind,
    text: string,
    check: (reply: Record<string, any>) => boolean,
  ): Promise<TurnResult & { reply?: any }> {
    const { connector, baseUrl } = this.target;
    const conv = this.chat.conversationId;
    const expected = connector.count(conv) + 1;
    const started = performance.now();
    try {
      const res = await postJson(`${baseUrl}/api/messages`, this.chat.message(text));
      if (res.status !== 200)
        return { kind, ms: performance.now() - started, ok: false, error: `HTTP ${res.status}` };
      await connector.waitFor(conv, expected);
      const ms = performance.now() - started;
      const reply = connector.lastOf(conv)!.activity;
      if (!check(reply))
        return {
          kind,
          ms,
          ok: false,
          error: `unexpected reply: ${String(reply['text'] ?? '').slice(0, 120)}`,
        };
      return { kind, ms, ok: true, reply };
    } catch (err) {
      return { kind, ms: performance.now() - started, ok: false, error: (err as Error).message };
    }
  }

  /** A card button (invoke): done when the HTTP answer carrying the new card has arrived. */
  async click(
    kind: TurnKind,
    verb: string,
    data: Record<string, unknown>,
    check: (card: any) => boolean = () => true,
  ): Promise<TurnResult & { card?: any }> {
    const started = performance.now();
    try {
      const res = await postJson(`${this.target.baseUrl}/api/messages`, this.chat.cardAction(verb, data));
      const ms = performance.now() - started;
      const body = res.body as { type?: string; value?: unknown } | undefined;
      if (
        res.status !== 200 ||
        body?.type !== 'application/vnd.microsoft.card.adaptive' ||
        !check(body.value)
      ) {
        return { kind, ms, ok: false, error: `HTTP ${res.status} ${String(res.text).slice(0, 120)}` };
      }
      return { kind, ms, ok: true, card: body.value };
    } catch (err) {
      return { kind, ms: performance.now() - started, ok: false, error: (err as Error).message };
    }
  }

  /** Runs the app's session script while the budget lasts; a failed step restarts the session. */
  async runApp(budget: Budget, record: (r: TurnResult) => void | Promise<void>): Promise<void> {
    const hasCard = (reply: Record<string, any>) => !!cardOf(reply);
    let session = 0;
    await budget.think(); // staggered start when pacing
    for (;;) {
      session++;
      let list: any;
      let next: any;
      let flow: Record<string, unknown> | undefined;
      for (const kind of APP_SCRIPT) {
        if (!budget.take()) return;
        let r: TurnResult & { card?: any; reply?: any };
        switch (kind) {
          case 'help':
            r = await this.say(kind, this.de ? 'hilfe' : 'help', hasCard);
            break;
          case 'customers':
            r = await this.say(kind, this.de ? 'kunden' : 'customers', hasCard);
            list = cardOf(r.reply);
            break;
          case 'next': {
            const data = actionData(list, 'customers.page', this.t.t('customers.next'));
            r = data
              ? await this.click(kind, 'customers.page', data, (c) => choiceIds(c).length > 0)
              : missing(kind);
            next = r.card;
            break;
          }
          case 'expand': {
            const data = actionData(next, 'customers.expand');
            const id = choiceIds(next)[(this.index + session) % 10];
            r =
              data && id
                ? await this.click(kind, 'customers.expand', { ...data, customerId: id })
                : missing(kind);
            break;
          }
          case 'search': {
            const term = SEARCH_TERMS[(this.index + session) % SEARCH_TERMS.length]!;
            r = await this.say(kind, `${this.de ? 'kunden' : 'customers'} ${term}`, hasCard);
            break;
          }
          case 'invite':
            r = await this.say(kind, this.de ? 'einladen' : 'invite', hasCard);
            flow = actionData(cardOf(r.reply), 'invite.cancel');
            break;
          case 'choose':
            r = flow ? await this.click(kind, 'invite.choose', { ...flow, kind: 'reseller' }) : missing(kind);
            break;
          case 'details':
            r = flow
              ? await this.click(
                  kind,
                  'invite.details',
                  {
                    ...flow,
                    companyName: `Bench ${this.index} GmbH`,
                    contactEmail: `it@bench-${this.index}.example`,
                    channel: 'ownMarketing',
                  },
                  (c) => inputValue(c, 'body') !== undefined,
                )
              : missing(kind);
            break;
          default:
            r = missing(kind);
        }
        await record(r);
        if (!r.ok) break;
        await budget.think();
      }
    }
  }

  async runEcho(budget: Budget, record: (r: TurnResult) => void | Promise<void>): Promise<void> {
    let n = 0;
    await budget.think();
    while (budget.take()) {
      n++;
      await record(
        await this.say('echo', `hello ${n}`, (reply) => String(reply['text'] ?? '').startsWith('echo')),
      );
      await budget.think();
    }
  }
}

function missing(kind: TurnKind): TurnResult {
  return { kind, ms: 0, ok: false, error: 'previous step gave no card to click' };
}

export interface PhaseResult {
  turns: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  samples: Map<TurnKind, number[]>;
}

/** N conversations at once until `turns` turns are spent. */
export async function runPhase(
  users: BenchUser[],
  mode: 'app' | 'echo',
  turns: number,
  thinkMs = 0,
  observe?: (r: TurnResult) => void,
): Promise<PhaseResult> {
  const budget = new Budget(turns, thinkMs);
  const samples = new Map<TurnKind, number[]>();
  let errors = 0;
  let done = 0;
  const errorSamples: string[] = [];
  const record = (r: TurnResult) => {
    done++;
    observe?.(r);
    if (!r.ok) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(`${r.kind}: ${r.error}`);
      return;
    }
    const list = samples.get(r.kind) ?? [];
    list.push(r.ms);
    samples.set(r.kind, list);
  };
  const started = performance.now();
  await Promise.all(
    users.map((u) => (mode === 'app' ? u.runApp(budget, record) : u.runEcho(budget, record))),
  );
  return { turns: done, errors, errorSamples, seconds: (performance.now() - started) / 1000, samples };
}

export interface MemorySample {
  afterTurns: number;
  rssMb: number;
  /** Heap V8 has reserved (committed pages). */
  heapTotalMb: number;
  heapUsedMb: number;
  externalMb: number;
}

export interface LoadResult {
  conversations: number;
  /** Pause between a conversation's turns (0 = as fast as answered: saturation). */
  thinkMs: number;
  warmupTurns: number;
  turns: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  turnsPerSecond: number;
  latency: Summary;
  byKind: Record<string, Summary>;
  memory: MemorySample[];
  /** CPU time of the bot process per measured turn (user + system). */
  cpuMsPerTurn: number;
  /** CPU time of the Cosmos server process per measured turn. */
  cosmosCpuMsPerTurn: number;
  cosmosRequestsPerTurn: number;
  crossPartitionRequests: number;
}

async function memorySample(bot: Child, afterTurns: number): Promise<MemorySample> {
  const m = await bot.call<NodeJS.MemoryUsage>('memory', { collect: true });
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return {
    afterTurns,
    rssMb: mb(m.rss),
    heapTotalMb: mb(m.heapTotal),
    heapUsedMb: mb(m.heapUsed),
    externalMb: mb(m.external),
  };
}

/** Warm-up, then the measured turns in chunks with a memory sample (after a GC) between chunks. */
export async function runLoad(
  bot: Child,
  target: Target,
  mode: 'app' | 'echo',
  options: {
    conversations: number;
    warmupTurns: number;
    turns: number;
    chunkTurns: number;
    thinkMs: number;
    cosmos: Child;
    log: (s: string) => void;
  },
): Promise<LoadResult> {
  const cpuOf = async (c: Child) => {
    const { cpu } = await c.call<{ cpu: NodeJS.CpuUsage }>('cpu');
    return cpu.user + cpu.system;
  };
  const users = Array.from({ length: options.conversations }, (_, i) => new BenchUser(target, i));
  const warm = await runPhase(users, mode, options.warmupTurns, options.thinkMs);
  const memory: MemorySample[] = [await memorySample(bot, 0)];
  const cpuBefore = await cpuOf(bot);
  const cosmosCpuBefore = await cpuOf(options.cosmos);
  const countsBefore = await bot.call<CosmosCounts>('counts');
  const all = new Map<TurnKind, number[]>();
  let turns = 0;
  let errors = warm.errors;
  const errorSamples = [...warm.errorSamples];
  let seconds = 0;
  while (turns < options.turns) {
    const chunk = Math.min(options.chunkTurns, options.turns - turns);
    const phase = await runPhase(users, mode, chunk, options.thinkMs);
    turns += phase.turns;
    errors += phase.errors;
    errorSamples.push(...phase.errorSamples.slice(0, Math.max(0, 5 - errorSamples.length)));
    seconds += phase.seconds;
    for (const [k, v] of phase.samples) all.set(k, [...(all.get(k) ?? []), ...v]);
    memory.push(await memorySample(bot, turns));
    options.log(
      `  ${mode}${options.thinkMs ? ` (think ${options.thinkMs} ms)` : ''}: ${turns}/${options.turns} turns, ${Math.round(phase.turns / phase.seconds)} turns/s, rss ${memory.at(-1)!.rssMb} MB`,
    );
  }
  const cpuAfter = await cpuOf(bot);
  const cosmosCpuAfter = await cpuOf(options.cosmos);
  const counts = diffCounts(await bot.call<CosmosCounts>('counts'), countsBefore);
  const byKind: Record<string, Summary> = {};
  for (const [k, v] of all) byKind[k] = summarize(v);
  return {
    conversations: options.conversations,
    thinkMs: options.thinkMs,
    warmupTurns: warm.turns,
    turns,
    errors,
    errorSamples,
    seconds: Math.round(seconds * 10) / 10,
    turnsPerSecond: Math.round((turns / seconds) * 10) / 10,
    latency: summarize([...all.values()].flat()),
    byKind,
    memory,
    cpuMsPerTurn: Math.round(((cpuAfter - cpuBefore) / 1000 / turns) * 100) / 100,
    cosmosCpuMsPerTurn: Math.round(((cosmosCpuAfter - cosmosCpuBefore) / 1000 / turns) * 100) / 100,
    cosmosRequestsPerTurn: Math.round((counts.total / turns) * 100) / 100,
    crossPartitionRequests: counts.crossPartition,
  };
}

export interface TurnCosmos {
  /** Requests of the turn the first time (first session of a new conversation). */
  first: number;
  /** Requests of the turn in a later session (steady state), by kind. */
  steady: number;
  steadyByKind: Record<string, number>;
  crossPartition: number;
}

/** One conversation at a time: Cosmos requests of each turn type (counts read before and after each turn). */
export async function cosmosPerTurn(
  bot: Child,
  target: Target,
  mode: 'app' | 'echo',
  sessions = 3,
): Promise<Record<string, TurnCosmos>> {
  const user = new BenchUser(target, 0);
  const out: Record<string, TurnCosmos> = {};
  let before = await bot.call<CosmosCounts>('counts');
  for (let session = 1; session <= sessions; session++) {
    const record = async (r: TurnResult) => {
      const after = await bot.call<CosmosCounts>('counts');
      const d = diffCounts(after, before);
      before = after;
      if (!r.ok) throw new Error(`calibration turn ${r.kind} failed: ${r.error}`);
      const entry = out[r.kind] ?? {
        first: d.total,
        steady: d.total,
        steadyByKind: d.byKind,
        crossPartition: 0,
      };
      if (session > 1) {
        entry.steady = d.total;
        entry.steadyByKind = d.byKind;
      }
      entry.crossPartition += d.crossPartition;
      out[r.kind] = entry;
    };
    const budget = new Budget(mode === 'app' ? APP_SCRIPT.length : 1);
    await (mode === 'app' ? user.runApp(budget, record) : user.runEcho(budget, record));
  }
  return out;
}
