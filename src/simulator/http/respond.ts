/** Request reading and response writing shared by the simulator's routes. */
import type { Next, Request, Response, Server } from 'restify';
import { BodyError, readRawBody } from '../../common/httpBody';
import { badRequest, SIMULATOR_ERROR_CODES, SimulatorApiError } from '../model';

/** An API handler's answer; the pipeline adds the echoed ids and applies faults. */
export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

export function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function param(req: Request, name: string): string {
  const params = (req as { params?: Record<string, unknown> }).params;
  const v = params?.[name];
  return typeof v === 'string' ? v : '';
}

export function requestUrl(req: Request): URL {
  return new URL(req.url ?? '/', 'http://simulator.local');
}

/** The raw body (413 as a SimulatorApiError when over `limit`). */
export async function readBody(req: Request, limit: number): Promise<Buffer> {
  try {
    return await readRawBody(req, limit);
  } catch (e) {
    if (e instanceof BodyError) {
      throw new SimulatorApiError(e.status, SIMULATOR_ERROR_CODES.invalidInput, 'Request body too large.');
    }
    throw e;
  }
}

/** A JSON body (400 when missing or invalid). */
export async function readJson(req: Request, limit: number): Promise<unknown> {
  const raw = await readBody(req, limit);
  if (raw.length === 0) throw badRequest('A JSON request body is required.');
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

function writable(res: Response): boolean {
  return !(res.headersSent || res.writableEnded || res.destroyed);
}

export function sendJson(
  res: Response,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (!writable(res)) return;
  const text = body === undefined || status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendText(res: Response, status: number, text: string, contentType: string): void {
  if (!writable(res)) return;
  res.writeHead(status, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function sendHtml(res: Response, status: number, html: string): void {
  if (!writable(res)) return;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}

/**
 * Registers a plain handler (it may answer synchronously). A throw or rejection goes to
 * `onError`, which logs and answers 500 in the simulated API's own error shape.
 */
export function addRoute(
  server: Server,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  fn: (req: Request, res: Response) => void | Promise<void>,
  onError: (err: unknown, res: Response) => void,
): void {
  const handler = (req: Request, res: Response, next: Next): void => {
    // A synchronous throw becomes a rejection too.
    new Promise<void>((resolve) => {
      resolve(fn(req, res));
    }).then(
      () => next(),
      (err: unknown) => {
        onError(err, res);
        next();
      },
    );
  };
  if (method === 'GET') server.get(path, handler);
  else if (method === 'POST') server.post(path, handler);
  else if (method === 'PATCH') server.patch(path, handler);
  else if (method === 'PUT') server.put(path, handler);
  else server.del(path, handler);
}
