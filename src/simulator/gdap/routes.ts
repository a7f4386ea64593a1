import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logging/logger';
import type { FaultInjector, FaultRule } from '../faults';
import type { GdapSimulatorModel } from './model';
import { approvalPage, approvalResultPage } from './pages';
import type { SimRelationship } from './rules';
import {
  header,
  html,
  ok,
  origin,
  param,
  parseFilter,
  readBody,
  readInt,
  readJson,
  readSkipToken,
  send,
  type Answer,
} from './http';
import { addRoute } from '../http/respond';
import {
  assignmentToWire,
  badRequest,
  CONTEXT,
  GraphSimError,
  graphErrorBody,
  relationshipToWire,
} from './wire';

export const GDAP_SIMULATOR_API_PATH = '/simulator/graph/v1.0';
export const GDAP_SIMULATOR_PAGES_PATH = '/simulator/graph';
const RELS = '/tenantRelationships/delegatedAdminRelationships';
const MAX_TOP = 300;

export interface GdapSimulatorRouteOptions {
  logger: Logger;
  /** Shown on the approval page. */
  partnerName: string;
  /** Mount path of the API (default /simulator/graph/v1.0): the client's baseUrl is origin + this. */
  basePath?: string;
  /** Mount path of the approval page and the test clock (default /simulator/graph). */
  pagesPath?: string;
  /** Items per page when the caller gives no $top (default 100; Graph's is server-chosen). */
  pageSize?: number;
  /** Register POST {pagesPath}/admin/advance (test clock). Default true. */
  admin?: boolean;
  maxBodyBytes?: number;
  /**
   * Fault injection (the Partner Center simulator's injector): route keys are `METHOD /template`
   * without the base path, e.g. `POST /tenantRelationships/delegatedAdminRelationships/:id/requests`.
   */
  faults?: Pick<FaultInjector, 'decide'>;
}

/** The customer's approval link for a relationship on a simulator at `origin`. */
export function gdapSimulatorApprovalLink(
  origin: string,
  relationshipId: string,
  pagesPath = GDAP_SIMULATOR_PAGES_PATH,
): string {
  return `${origin.replace(/\/+$/, '')}${pagesPath}/approve/${encodeURIComponent(relationshipId)}`;
}

/**
 * Registers the simulated Graph GDAP API (bearer token required, Graph's JSON and errors) under
 * `basePath`, and under `pagesPath` the customer's approval page (GET/POST approve/:id) and the test
 * clock (POST admin/advance {days}). Reads bodies itself (no bodyParser needed).
 */
export function registerGdapSimulatorRoutes(
  server: Server,
  model: GdapSimulatorModel,
  options: GdapSimulatorRouteOptions,
): void {
  const base = (options.basePath ?? GDAP_SIMULATOR_API_PATH).replace(/\/+$/, '');
  const pages = (options.pagesPath ?? GDAP_SIMULATOR_PAGES_PATH).replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 100;
  const maxBody = options.maxBodyBytes ?? 64 * 1024;

  function route(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    fn: (req: Request, res: Response) => void | Promise<void>,
  ): void {
    addRoute(server, method, path, fn, (err, res) => {
      options.logger.error({ err, path }, 'gdap simulator: handler failed');
      send(
        res,
        500,
        graphErrorBody('InternalServerError', 'Internal simulator error.', new Date(model.now())),
      );
    });
  }

  function api(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    fn: (req: Request, url: URL) => Answer | Promise<Answer>,
  ): void {
    route(method, base + path, async (req, res) => {
      const clientRequestId = header(req, 'client-request-id');
      const echo: Record<string, string> = {};
      if (clientRequestId && /^[\w-]{1,64}$/.test(clientRequestId))
        echo['client-request-id'] = clientRequestId;
      const now = new Date(model.now());
      if (!/^Bearer\s+\S+/i.test(header(req, 'authorization') ?? '')) {
        send(
          res,
          401,
          graphErrorBody('InvalidAuthenticationToken', 'Access token is empty.', now, clientRequestId),
          {
            ...echo,
            'WWW-Authenticate': 'Bearer',
          },
        );
        return;
      }
      const routeKey = `${method} ${path}`;
      const before = options.faults?.decide(routeKey, 'before');
      if (before?.latencyMs) await new Promise((r) => setTimeout(r, before.latencyMs));
      if (before?.terminal) {
        sendFault(req, res, before.terminal, now, echo);
        return;
      }
      let answer: Answer;
      try {
        answer = await fn(req, new URL(req.url ?? '/', origin(req)));
      } catch (e) {
        if (!(e instanceof GraphSimError)) throw e;
        answer = { status: e.status, body: graphErrorBody(e.code, e.message, now, clientRequestId) };
      }
      // 'after' faults hit the answer of a request that was handled (its change happened).
      const after = options.faults?.decide(routeKey, 'after');
      if (after?.terminal) {
        sendFault(req, res, after.terminal, now, echo);
        return;
      }
      send(res, answer.status, answer.body, { ...echo, ...answer.headers });
    });
  }

  const relUrl = (req: Request, id: string) => `${origin(req)}${base}${RELS}/${id}`;

  api('POST', RELS, async (req) => {
    const r = model.createRelationship(await readJson(req, maxBody));
    return {
      status: 201,
      body: relationshipToWire(r, CONTEXT.relationship),
      headers: { Location: relUrl(req, r.id) },
    };
  });

  api('GET', RELS, (req, url) => {
    const predicate = parseFilter(url.searchParams.get('$filter'));
    const all = model.listRelationships(predicate);
    return page(
      req,
      url,
      all.map((r) => relationshipToWire(r)),
      CONTEXT.relationships,
      `${base}${RELS}`,
    );
  });

  api('GET', `${RELS}/:id`, (req) =>
    ok(relationshipToWire(model.getRelationship(param(req, 'id')), CONTEXT.relationship)),
  );

  api('PATCH', `${RELS}/:id`, async (req) => {
    const r = model.updateRelationship(
      param(req, 'id'),
      header(req, 'if-match'),
      await readJson(req, maxBody),
    );
    return ok(relationshipToWire(r, CONTEXT.relationship));
  });

  api('DELETE', `${RELS}/:id`, (req) => {
    model.deleteRelationship(param(req, 'id'), header(req, 'if-match'));
    return { status: 204 };
  });

  api('POST', `${RELS}/:id/requests`, async (req) => {
    const id = param(req, 'id');
    const q = model.createRequest(id, await readJson(req, maxBody));
    const body = {
      '@odata.context': CONTEXT.requests,
      '@odata.type': '#microsoft.graph.delegatedAdminRelationshipRequest',
      id: q.id,
      action: q.action,
      status: q.status,
      createdDateTime: new Date(q.createdAt).toISOString(),
      lastModifiedDateTime: new Date(q.createdAt).toISOString(),
    };
    return { status: 201, body, headers: { Location: `${relUrl(req, id)}/requests/${q.id}` } };
  });

  api('POST', `${RELS}/:id/accessAssignments`, async (req) => {
    const id = param(req, 'id');
    const a = model.createAccessAssignment(id, await readJson(req, maxBody));
    return {
      status: 201,
      body: assignmentToWire(a, CONTEXT.accessAssignment),
      headers: { Location: `${relUrl(req, id)}/accessAssignments/${a.id}` },
    };
  });

  api('GET', `${RELS}/:id/accessAssignments`, (req, url) => {
    const id = param(req, 'id');
    const all = model.listAccessAssignments(id).map((a) => assignmentToWire(a));
    return page(req, url, all, CONTEXT.accessAssignments, `${base}${RELS}/${id}/accessAssignments`);
  });

  function page(req: Request, url: URL, items: unknown[], context: string, path: string): Answer {
    const top = readInt(url.searchParams.get('$top'), '$top', 1, MAX_TOP) ?? pageSize;
    const skip = readSkipToken(url.searchParams.get('$skiptoken'));
    const value = items.slice(skip, skip + top);
    const body: Record<string, unknown> = { '@odata.context': context, value };
    if (skip + top < items.length) {
      const next = new URLSearchParams();
      const filter = url.searchParams.get('$filter');
      if (filter !== null) next.set('$filter', filter);
      next.set('$top', String(top));
      next.set('$skiptoken', Buffer.from(JSON.stringify({ o: skip + top })).toString('base64url'));
      body['@odata.nextLink'] = `${origin(req)}${path}?${next.toString()}`;
    }
    return ok(body);
  }

  // ------------------------------------------------------ approval page

  const approvePath = `${pages}/approve/:id`;

  route('GET', approvePath, (req, res) => {
    const r = findForPage(req, res);
    if (!r) return;
    const defaults = { companyName: r.customer?.displayName ?? '', domain: '' };
    html(
      res,
      200,
      approvalPage({
        partnerName: options.partnerName,
        relationship: r,
        formAction: formAction(r),
        defaults,
      }),
    );
  });

  route('POST', approvePath, async (req, res) => {
    const r = findForPage(req, res);
    if (!r) return;
    const form = new URLSearchParams((await readBody(req, maxBody)).toString('utf8'));
    const input = { companyName: form.get('companyName') ?? '', domain: form.get('domain') ?? '' };
    try {
      if (form.get('decision') === 'decline') {
        model.decline(r.id);
        html(
          res,
          200,
          approvalResultPage(
            'Request declined',
            `You declined the admin roles requested by ${options.partnerName}.`,
          ),
        );
        return;
      }
      if (form.get('decision') !== 'approve') throw badRequest('Choose Approve or Decline.');
      const approved = model.approve(r.id, input);
      const end = approved.endAt ? new Date(approved.endAt).toISOString().slice(0, 10) : '';
      html(
        res,
        200,
        approvalResultPage(
          'Admin roles approved',
          `${options.partnerName} has the approved roles until ${end}.`,
        ),
      );
    } catch (e) {
      if (!(e instanceof GraphSimError)) throw e;
      html(
        res,
        e.status,
        approvalPage({
          partnerName: options.partnerName,
          relationship: r,
          formAction: formAction(r),
          defaults: input,
          error: e.message,
        }),
      );
    }
  });

  function formAction(r: SimRelationship): string {
    return `${pages}/approve/${encodeURIComponent(r.id)}`;
  }

  function findForPage(req: Request, res: Response): SimRelationship | undefined {
    try {
      const r = model.getRelationship(param(req, 'id'));
      if (r.status === 'approvalPending' && r.declinedAt === undefined) return r;
      const why = r.declinedAt !== undefined && r.status === 'approvalPending' ? 'declined' : r.status;
      html(
        res,
        409,
        approvalResultPage('Request not open', `This request can no longer be approved (${why}).`),
      );
    } catch {
      html(
        res,
        404,
        approvalResultPage('Request not found', 'This link does not point to an admin relationship request.'),
      );
    }
    return undefined;
  }

  if (options.admin === false) return;

  route('POST', `${pages}/admin/advance`, async (req, res) => {
    try {
      const body = await readJson(req, maxBody);
      const days = (body as { days?: unknown } | null)?.days;
      if (typeof days !== 'number') throw badRequest('Send {"days": <number>}.');
      const result = model.advanceDays(days);
      send(res, 200, { now: new Date(model.now()).toISOString(), ...result });
    } catch (e) {
      if (!(e instanceof GraphSimError)) throw e;
      send(res, e.status, graphErrorBody(e.code, e.message, new Date(model.now())));
    }
  });
}

/** A simulated fault in Graph's shape: a dropped connection, 429 with Retry-After, or an error status. */
function sendFault(
  req: Request,
  res: Response,
  rule: FaultRule,
  now: Date,
  echo: Record<string, string>,
): void {
  if (rule.type === 'drop') {
    req.socket.destroy();
    return;
  }
  if (rule.type === 'throttle') {
    const seconds = rule.retryAfterSeconds ?? 1;
    send(res, 429, graphErrorBody('TooManyRequests', 'Too many requests.', now), {
      ...echo,
      'Retry-After': String(seconds),
    });
    return;
  }
  const status = rule.status ?? 500;
  send(res, status, graphErrorBody('ServiceUnavailable', 'Simulated failure (fault injection).', now), echo);
}
