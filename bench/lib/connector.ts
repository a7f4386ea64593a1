import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rng } from './stats';

interface Waiter {
  count: number;
  resolve(): void;
}

export interface ThrottleOptions {
  /** Chance that a message attempt is answered 429. */
  probability: number;
  retryAfterSeconds: number;
  seed: number;
}

/** Per notification (keyed by its text): every attempt with its answer. */
interface KeyedAttempts {
  attempts: { at: number; status: number }[];
}

/**
 * The Teams connector stand-in for the bench: counts messages per conversation (waiters resolve
 * when a conversation has received n), keeps only the last activity of each conversation, and can
 * answer a share of message attempts with 429 + Retry-After. Notification attempts are grouped by
 * a key (the company name in the card) to find duplicates and retries that came too early.
 */
export class BenchConnector {
  private server?: http.Server;
  private readonly received = new Map<string, number>();
  private readonly last = new Map<string, { activity: Record<string, any>; at: number }>();
  private readonly waiters = new Map<string, Waiter[]>();
  readonly keyed = new Map<string, KeyedAttempts>();
  private throttleRandom?: () => number;
  private throttle?: ThrottleOptions;
  keyOf?: (activity: Record<string, any>) => string | undefined;
  messages = 0;
  typing = 0;
  throttled = 0;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  setThrottle(options: ThrottleOptions | undefined): void {
    this.throttle = options;
    this.throttleRandom = options ? rng(options.seed) : undefined;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const at = performance.now();
    const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    const conversationId = decodeURIComponent(match?.[1] ?? '');
    let activity: Record<string, any> = {};
    try {
      activity = body ? JSON.parse(body) : {};
    } catch {
      /* counted as an empty activity */
    }
    if (activity['type'] === 'typing') {
      this.typing++;
      return this.reply(res, 200, { id: 'typing' });
    }
    const key = this.keyOf?.(activity);
    const throttle =
      this.throttle && this.throttleRandom && this.throttleRandom() < this.throttle.probability;
    if (key !== undefined) {
      const entry = this.keyed.get(key) ?? { attempts: [] };
      entry.attempts.push({ at, status: throttle ? 429 : 200 });
      this.keyed.set(key, entry);
    }
    if (throttle) {
      this.throttled++;
      res.setHeader('Retry-After', String(this.throttle!.retryAfterSeconds));
      return this.reply(res, 429, { error: { code: 'Throttled', message: 'slow down (bench)' } });
    }
    this.messages++;
    const n = (this.received.get(conversationId) ?? 0) + 1;
    this.received.set(conversationId, n);
    this.last.set(conversationId, { activity, at });
    const waiting = this.waiters.get(conversationId);
    if (waiting) {
      const due = waiting.filter((w) => w.count <= n);
      if (due.length) {
        this.waiters.set(
          conversationId,
          waiting.filter((w) => w.count > n),
        );
        due.forEach((w) => w.resolve());
      }
    }
    this.reply(res, 200, { id: `r-${this.messages}` });
  }

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  count(conversationId: string): number {
    return this.received.get(conversationId) ?? 0;
  }

  lastOf(conversationId: string): { activity: Record<string, any>; at: number } | undefined {
    return this.last.get(conversationId);
  }

  /** Resolves when the conversation has received `count` messages in all; rejects after the timeout. */
  waitFor(conversationId: string, count: number, timeoutMs = 15_000): Promise<void> {
    if (this.count(conversationId) >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(conversationId) ?? [];
        this.waiters.set(
          conversationId,
          list.filter((w) => w !== waiter),
        );
        reject(new Error(`no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const list = this.waiters.get(conversationId) ?? [];
      list.push(waiter);
      this.waiters.set(conversationId, list);
    });
  }

  /** Forgets per-conversation data (between sections). */
  reset(): void {
    this.received.clear();
    this.last.clear();
    this.keyed.clear();
    this.messages = this.typing = this.throttled = 0;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}
