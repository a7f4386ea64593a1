import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  conversationId: string;
  activity: Record<string, any>;
  method: string;
  path: string;
}

/**
 * A small stand-in for the Bot Framework connector (Teams' serviceUrl): it records every
 * activity the bot sends and answers like the real service. `failNext` injects faults.
 */
export class CapturingConnector {
  readonly activities: CapturedActivity[] = [];
  private server?: http.Server;
  private waiters: (() => void)[] = [];
  private faults: { status: number; headers?: Record<string, string>; body?: unknown }[] = [];
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const fault = this.faults.shift();
        if (fault) {
          res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.headers ?? {}) });
          res.end(JSON.stringify(fault.body ?? { error: { code: 'Fault', message: 'injected' } }));
          return;
        }
        const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        let activity: Record<string, any> = {};
        try {
          activity = body ? JSON.parse(body) : {};
        } catch {
          /* a malformed body is recorded as empty */
        }
        this.activities.push({
          conversationId: decodeURIComponent(match?.[1] ?? ''),
          activity,
          method: req.method ?? '',
          path: req.url ?? '',
        });
        const waiters = this.waiters;
        this.waiters = [];
        waiters.forEach((w) => w());
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.activities.length}` }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  failNext(status: number, headers?: Record<string, string>, body?: unknown): void {
    this.faults.push({ status, headers, body });
  }

  /** Messages (not typing indicators) sent to one conversation. */
  messages(conversationId?: string): Record<string, any>[] {
    return this.activities
      .filter(
        (a) => (!conversationId || a.conversationId === conversationId) && a.activity.type === 'message',
      )
      .map((a) => a.activity);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for the connector');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  clear(): void {
    this.activities.length = 0;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}
