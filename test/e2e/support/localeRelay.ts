/**
 * The Agents Playground (0.2.x) hard-codes `locale: "en-US"` (and the clientInfo entity's locale)
 * in every message and invoke activity it sends, and its config file has no locale setting. For the
 * German run this relay sits between the Playground and the bot and sets the locale a German Teams
 * client sends (`de-DE`) on each activity; nothing else is touched. The bot is unchanged and its
 * replies go straight back to the Playground's connector (the activity's serviceUrl); the invoke
 * response (the refreshed card) travels back through the relay.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocaleRelay {
  endpoint: string;
  /** Number of activities relayed (to prove the German run went through it). */
  relayed(): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function withLocale(activity: any, locale: string): any {
  if (!activity || typeof activity !== 'object') return activity;
  activity.locale = locale;
  if (Array.isArray(activity.entities)) {
    for (const entity of activity.entities) {
      if (entity && typeof entity === 'object' && entity.type === 'clientInfo') entity.locale = locale;
    }
  }
  return activity;
}

export async function startLocaleRelay(botEndpoint: string, locale: string): Promise<LocaleRelay> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        let payload: Buffer = body;
        if (req.method === 'POST' && body.length > 0) {
          payload = Buffer.from(JSON.stringify(withLocale(JSON.parse(body.toString('utf8')), locale)));
          count += 1;
        }
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'authorization']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const target = new URL(req.url ?? '/', botEndpoint);
        const answer = await fetch(new URL(target.pathname + target.search, botEndpoint), {
          method: req.method,
          headers,
          body: req.method === 'GET' || req.method === 'HEAD' ? undefined : payload,
          signal: AbortSignal.timeout(30_000),
        });
        const out = Buffer.from(await answer.arrayBuffer());
        res.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
          'content-length': String(out.length),
        });
        res.end(out);
      } catch (err) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`locale relay: ${(err as Error).message}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${new URL(botEndpoint).pathname}`,
    relayed: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
