import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { BodyError, readJsonBody } from '../common/httpBody';
import { traceTurn } from '../telemetry/spans';

export interface ServerDependencies {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  maxRequestBodyBytes: number;
  /** True when every dependency the bot needs answers (Cosmos). */
  isReady: () => Promise<boolean>;
  /** Adds further routes (simulator, webhook) before the server is returned. */
  extraRoutes?: ((server: Server) => void)[];
}

/** Builds the HTTP server without listening, so tests pick their own port. */
export function createServer(deps: ServerDependencies): Server {
  const log = deps.logger.child({ module: 'server' });
  const server = restify.createServer({ name: 'customer-connect', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await deps.isReady().catch(() => false);
    res.json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', cosmos: ready });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    try {
      (req as Request & { body: unknown }).body = await readJsonBody(req, deps.maxRequestBodyBytes);
    } catch (err) {
      const status = err instanceof BodyError ? err.status : 400;
      log.warn({ status, reason: (err as Error).message }, 'refused /api/messages body');
      res.json(status, { error: (err as Error).message });
      return;
    }
    const body: unknown = (req as Request & { body: unknown }).body;
    await traceTurn(body, res, () => deps.adapter.process(req, res, (context) => deps.bot.run(context)));
  });

  for (const add of deps.extraRoutes ?? []) add(server);

  server.on('restifyError', (req: Request, res: Response, err: Error, callback: () => void) => {
    log.warn({ method: req.method, path: req.path?.(), err: err.message }, 'request error');
    callback();
  });
  return server;
}

/** Starts listening and resolves with the bound port. */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return address.port;
}

export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.server.closeAllConnections?.();
    server.close(() => resolve());
  });
}
