import net from 'node:net';
import type { AddressInfo } from 'node:net';
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { openCosmosHandle, startEmbeddedCosmosServer } from '../../../src/storage/cosmos';
import type { CosmosHandle } from '../../../src/storage/cosmos';
import { loadConfig } from '../../../src/config/config';
import { actionData as findActionData } from '../../../bench/lib/teams';

/**
 * A loopback TCP proxy in front of the embedded Cosmos server that can be switched off and on
 * again on the same port: "down" closes the listener and cuts every open connection (the SDK
 * then sees ECONNREFUSED / ECONNRESET, as when the server stops), "up" listens again. The data
 * lives in the server behind the proxy, so it survives the outage.
 */
export class SwitchableProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  /** When set, connections are accepted but nothing is forwarded (a server that stopped answering). */
  blackhole = false;

  constructor(private readonly targetPort: number) {}

  async up(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      if (this.blackhole) {
        this.sockets.add(client);
        client.on('close', () => this.sockets.delete(client));
        client.on('error', () => client.destroy());
        return;
      }
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface SwitchableCosmos {
  /** What the app uses: its client talks to Cosmos through the proxy. */
  handle: CosmosHandle;
  /** A second handle straight to the server (assertions during the outage). */
  direct: CosmosHandle;
  proxy: SwitchableProxy;
  dispose(): Promise<void>;
}

/**
 * An https.Agent that can make single Cosmos requests fail as a dropped connection would
 * (`failWhen(method, path)` → true), to stop "Cosmos" between two writes of one turn.
 */
export class FaultyAgent extends https.Agent {
  failWhen?: (method: string, path: string) => boolean;

  constructor() {
    super({ rejectUnauthorized: false, keepAlive: true });
  }
}
const originalAddRequest = (https.Agent.prototype as unknown as { addRequest: (...a: any[]) => void })
  .addRequest;
(FaultyAgent.prototype as unknown as { addRequest: (...a: any[]) => void }).addRequest = function (
  this: FaultyAgent,
  req: import('node:http').ClientRequest,
  ...rest: unknown[]
) {
  if (this.failWhen?.(req.method, req.path)) {
    const err = Object.assign(new Error('socket hang up (injected)'), { code: 'ECONNRESET' });
    process.nextTick(() => req.destroy(err));
    return;
  }
  originalAddRequest.call(this, req, ...rest);
};

async function handleOf(
  endpoint: string,
  agent: https.Agent,
  requestTimeoutMs: number,
): Promise<CosmosHandle> {
  // As createCosmosClient (src/storage/cosmos.ts) for the embedded server, with our agent and timeout.
  const client = new CosmosClient({
    endpoint,
    key: 'embedded',
    agent,
    connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: requestTimeoutMs },
  });
  return openCosmosHandle(client, loadConfig({}).cosmos.database, { endpoint, embedded: true });
}

/**
 * The embedded Cosmos server behind a switchable proxy, with one handle through it (the app's,
 * with a FaultyAgent and a short request timeout) and one direct (assertions during the outage).
 */
export async function startSwitchableCosmos(
  requestTimeoutMs = 1500,
): Promise<SwitchableCosmos & { agent: FaultyAgent }> {
  const server = await startEmbeddedCosmosServer();
  const proxy = new SwitchableProxy(Number(new URL(server.endpoint).port));
  await proxy.up();
  const direct = await handleOf(server.endpoint, new https.Agent({ rejectUnauthorized: false }), 10_000);
  const agent = new FaultyAgent();
  const handle = await handleOf(`https://127.0.0.1:${proxy.port}`, agent, requestTimeoutMs);
  return {
    handle,
    direct,
    proxy,
    agent,
    async dispose() {
      await proxy.down();
      await handle.dispose();
      await direct.dispose();
      await server.close();
    },
  };
}

// Card queries shared with the benchmark driver (one implementation for both).
export { cardOf, choiceIds, executeActions, inputValue } from '../../../bench/lib/teams';

/** The data of the card's Action.Execute with this verb (and title); throws when the card has none. */
export function actionData(card: unknown, verb: string, title?: string): Record<string, unknown> {
  const found = findActionData(card, verb, title);
  if (!found) throw new Error(`no ${verb} ${title ?? ''} action on the card`);
  return found;
}

export interface ConnectorAttempt {
  conversationId: string;
  at: number;
  status: number;
  activity: Record<string, any>;
}

/**
 * A connector (Teams' serviceUrl) that records every attempt, answered or not, and answers the
 * next attempts from a plan (e.g. 429 with Retry-After, then 200).
 */
export class RecordingConnector {
  readonly attempts: ConnectorAttempt[] = [];
  private server?: import('node:http').Server;
  private readonly plan: { status: number; headers?: Record<string, string> }[] = [];
  url = '';

  async start(): Promise<void> {
    const http = await import('node:http');
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        let activity: Record<string, any> = {};
        try {
          activity = body ? JSON.parse(body) : {};
        } catch {
          /* recorded as empty */
        }
        // Typing indicators are answered but take no planned answer.
        const planned = activity['type'] === 'typing' ? undefined : this.plan.shift();
        const status = planned?.status ?? 200;
        this.attempts.push({
          conversationId: decodeURIComponent(match?.[1] ?? ''),
          at: Date.now(),
          status,
          activity,
        });
        res.writeHead(status, { 'content-type': 'application/json', ...(planned?.headers ?? {}) });
        res.end(
          JSON.stringify(
            status === 200
              ? { id: `r-${this.attempts.length}` }
              : { error: { code: 'Throttled', message: 'injected' } },
          ),
        );
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  answerNext(status: number, headers?: Record<string, string>): void {
    this.plan.push({ status, headers });
  }

  /** Messages delivered (answered 200) to one conversation. */
  delivered(conversationId: string): Record<string, any>[] {
    return this.attempts
      .filter(
        (a) => a.conversationId === conversationId && a.status === 200 && a.activity['type'] === 'message',
      )
      .map((a) => a.activity);
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}
