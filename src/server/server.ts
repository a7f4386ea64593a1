import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { BodyError, readJsonBody } from '../common/httpBody';
import { activityShapeProblem } from './activityShape';
import { TurnGate } from './turnGate';
import { traceTurn } from '../telemetry/spans';

/** Seconds a caller refused for overload is asked to wait before trying again. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 1;

export interface ServerDependencies {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  maxRequestBodyBytes: number;
  /** Turns processed at once; the next `maxQueuedTurns` wait, beyond that 503 + Retry-After. */
  maxTurnsInFlight: number;
  maxQueuedTurns: number;
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

  server.get('/healthz', (_req: Request, res: Response, next: Next) => {
    res.json(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await deps.isReady().catch(() => false);
    res.json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', cosmos: ready });
  });

  const gate = new TurnGate(deps.maxTurnsInFlight, deps.maxQueuedTurns);
  server.post('/api/messages', async (req: Request, res: Response) => {
    const release = await gate.enter();
    if (!release) {
      // Refused before any work: no body read, no state touched; the channel retries later.
      log.warn({ ...gate.load }, 'overloaded: turn refused with 503');
      res.header('Retry-After', String(OVERLOAD_RETRY_AFTER_SECONDS));
      res.json(503, { error: 'Service temporarily overloaded, retry later' });
      return;
    }
    try {
      let body: unknown;
      try {
        body = await readJsonBody(req, deps.maxRequestBodyBytes);
      } catch (err) {
        const status = err instanceof BodyError ? err.status : 400;
        log.warn({ status, reason: (err as Error).message }, 'refused /api/messages body');
        // A body that is not a JSON object is a malformed activity like any other: one generic answer.
        res.json(status, { error: status === 400 ? 'Invalid activity' : (err as Error).message });
        return;
      }
      const problem = activityShapeProblem(body);
      if (problem) {
        log.warn({ status: 400, reason: problem }, 'refused malformed activity');
        res.json(400, { error: 'Invalid activity' });
        return;
      }
      (req as Request & { body: unknown }).body = body;
      await traceTurn(body, res, () => deps.adapter.process(req, res, (context) => deps.bot.run(context)));
    } finally {
      release();
    }
  });

  for (const add of deps.extraRoutes ?? []) add(server);

  server.on('restifyError', (req: Request, res: Response, err: Error, callback: () => void) => {
    log.warn({ method: req.method, path: req.path(), err: err.message }, 'request error');
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
    server.server.closeAllConnections();
    server.close(() => resolve());
  });
}
