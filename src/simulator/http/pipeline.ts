/**
 * The simulator's request pipeline, shared by every route area: error handling for plain routes,
 * and for API routes request-id echo, stats, bearer check and fault injection around the handler.
 */
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logging/logger';
import { sleep } from '../../resilience';
import type { FaultRule } from '../faults';
import { SIMULATOR_ERROR_CODES, SimulatorApiError } from '../model';
import type { PartnerCenterSimulator } from '../simulator';
import { errorBody as partnerCenterErrorBody } from '../wire';
import { addRoute, header, readJson, requestUrl, sendJson, type SimResponse } from './respond';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type ApiHandler = (req: Request, url: URL) => SimResponse | Promise<SimResponse>;
/** Registers one API route: `template` is relative to the mount's basePath and is the fault/stats route key. */
export type ApiRegistrar = (method: Method, template: string, handler: ApiHandler) => void;

/** Where an API lives and how it words its errors (Partner Center's by default). */
export interface ApiMount {
  basePath: string;
  /** The body of an error answer: a refusal (SimulatorApiError), a missing token, an injected error. */
  errorBody(status: number, code: number, description: string): unknown;
}

/** A plain route handler; may answer synchronously. */
type RouteHandler = (req: Request, res: Response) => void | Promise<void>;

/** What a route area gets to register its routes with. */
export interface SimulatorRoutes {
  readonly server: Server;
  readonly sim: PartnerCenterSimulator;
  readonly log: Logger;
  /** Mount path of the Partner Center API (e.g. /simulator/partner-center). */
  readonly apiBasePath: string;
  /** Path of the pages (/simulator). */
  readonly pagesPath: string;
  /** A plain route (pages, admin): a thrown error becomes a 500. */
  readonly route: (method: Method, path: string, fn: RouteHandler) => void;
  /** A Partner Center API route (under apiBasePath) through the pipeline. */
  readonly api: ApiRegistrar;
  /** API routes of another mount (e.g. Microsoft Graph) through the same pipeline. */
  apiAt(mount: ApiMount): ApiRegistrar;
  /** A JSON request body, bounded by maxBodyBytes (400/413 as SimulatorApiError). */
  readonly readJson: (req: Request) => Promise<unknown>;
  /** Largest request body a route reads. */
  readonly maxBodyBytes: number;
}

/** One area of routes (the Partner Center API, the pages, the admin endpoints, …). */
export type SimulatorRouteArea = (routes: SimulatorRoutes) => void;

export function createSimulatorRoutes(
  server: Server,
  sim: PartnerCenterSimulator,
  paths: { apiBasePath: string; pagesPath: string; maxBodyBytes: number },
): SimulatorRoutes {
  const log = sim.logger;

  function route(method: Method, path: string, fn: RouteHandler): void {
    addRoute(server, method, path, fn, (err, res) => {
      log.error({ err, path }, 'simulator: handler failed');
      sendJson(res, 500, partnerCenterErrorBody(500, 'Internal simulator error'));
    });
  }

  function apiAt(mount: ApiMount): ApiRegistrar {
    const basePath = mount.basePath.replace(/\/+$/, '');
    return (method, template, handler) => {
      const routeKey = `${method} ${template}`;
      route(method, basePath + template, async (req, res) => {
        const url = requestUrl(req);
        const rid = header(req, 'ms-requestid');
        const cid = header(req, 'ms-correlationid');
        sim.recordRequest(routeKey, rid);
        const echo: Record<string, string> = {};
        if (rid && /^[\w-]{1,64}$/.test(rid)) echo['MS-RequestId'] = rid;
        if (cid && /^[\w.-]{1,128}$/.test(cid)) echo['MS-CorrelationId'] = cid;

        if (!/^Bearer\s+\S+/i.test(header(req, 'authorization') ?? '')) {
          const body = mount.errorBody(
            401,
            SIMULATOR_ERROR_CODES.unauthorized,
            'Authorization Failed: no bearer token.',
          );
          sendJson(res, 401, body, { ...echo, 'WWW-Authenticate': 'Bearer' });
          return;
        }
        const closed = new AbortController();
        res.once('close', () => closed.abort());
        const gone = () => res.destroyed || req.socket.destroyed;

        const before = sim.faults.decide(routeKey, 'before');
        if (before.latencyMs > 0) await sleep(before.latencyMs, closed.signal);
        if (gone()) return;
        if (before.terminal) {
          applyFault(before.terminal, req, res, echo, mount);
          return;
        }

        let response: SimResponse;
        try {
          response = await handler(req, url);
        } catch (e) {
          if (!(e instanceof SimulatorApiError)) throw e;
          response = { status: e.status, body: mount.errorBody(e.status, e.code, e.description) };
        }

        const after = sim.faults.decide(routeKey, 'after');
        if (after.latencyMs > 0) await sleep(after.latencyMs, closed.signal);
        if (gone()) return;
        if (after.terminal) {
          applyFault(after.terminal, req, res, echo, mount);
          return;
        }
        sendJson(res, response.status, response.body, { ...echo, ...response.headers });
      });
    };
  }

  return {
    server,
    sim,
    log,
    apiBasePath: paths.apiBasePath,
    pagesPath: paths.pagesPath,
    maxBodyBytes: paths.maxBodyBytes,
    route,
    apiAt,
    api: apiAt({
      basePath: paths.apiBasePath,
      errorBody: (_status, code, description) => partnerCenterErrorBody(code, description),
    }),
    readJson: (req) => readJson(req, paths.maxBodyBytes),
  };
}

function applyFault(
  rule: FaultRule,
  req: Request,
  res: Response,
  echo: Record<string, string>,
  mount: ApiMount,
): void {
  if (rule.type === 'drop') {
    req.socket.destroy();
    return;
  }
  if (rule.type === 'throttle') {
    const seconds = rule.retryAfterSeconds ?? 1;
    sendJson(
      res,
      429,
      { statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
      { ...echo, 'Retry-After': String(seconds) },
    );
    return;
  }
  const status = rule.status ?? 500;
  sendJson(res, status, mount.errorBody(status, status, 'Simulated failure (fault injection).'), echo);
}
