import {
  context,
  createContextKey,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { routeTemplate, statusClass, turnAttributes } from './attributes';
import { instruments } from './instruments';
import { SPANS } from './names';
import { sampledOut, telemetryOn, tracer } from './state';

/**
 * Runs `fn` in a new active span; the span ends (status error on a throw) when it settles. In a
 * trace the sampler dropped (the parent span does not record) no child span is made — it would
 * not be recorded either — and `fn` gets the parent's span, in the parent's context.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
  options: { kind?: SpanKind; parent?: Context; links?: Link[] } = {},
): Promise<T> {
  if (!telemetryOn()) return fn(trace.wrapSpanContext(INVALID));
  const parent = options.parent ?? context.active();
  const parentSpan = trace.getSpan(parent);
  if (parentSpan && sampledOut(parentSpan))
    return options.parent ? context.with(parent, fn, undefined, parentSpan) : fn(parentSpan);
  return tracer().startActiveSpan(
    name,
    {
      kind: options.kind ?? SpanKind.INTERNAL,
      attributes,
      ...(options.links ? { links: options.links } : {}),
    },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (err) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: errorName(err) });
        span.setAttribute('error.type', errorName(err));
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

const INVALID = { traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: TraceFlags.NONE };

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : 'error';
}

// ---------------------------------------------------------------- turns

const failedTurns = new WeakSet<Span>();

/**
 * One span per turn (POST /api/messages) with the activity type, command or card verb, locale
 * and outcome; `turns` and `turn.duration` metrics. `body` is the parsed activity, never copied.
 */
export async function traceTurn<T>(
  body: unknown,
  res: { statusCode?: number },
  fn: () => Promise<T>,
): Promise<T> {
  if (!telemetryOn()) return fn();
  const attributes = turnAttributes(body);
  const started = performance.now();
  let outcome = 'ok';
  try {
    return await withSpan(
      SPANS.turn,
      attributes,
      async (span) => {
        try {
          return await fn();
        } finally {
          const status = res.statusCode;
          outcome = failedTurns.has(span)
            ? 'error'
            : status && status >= 500
              ? 'error'
              : status && status >= 400
                ? 'refused'
                : 'ok';
          span.setAttribute('bot.turn.outcome', outcome);
          if (status) span.setAttribute('http.response.status_code', status);
          if (outcome === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
        }
      },
      { kind: SpanKind.SERVER },
    );
  } catch (err) {
    outcome = 'error';
    throw err;
  } finally {
    const metricAttributes = { ...attributes, 'bot.turn.outcome': outcome };
    instruments().turns.add(1, metricAttributes);
    instruments().turnDuration.record(performance.now() - started, metricAttributes);
  }
}

/** Marks the active turn failed (the adapter's onTurnError answered the user with an error). */
export function recordTurnError(error: unknown): void {
  if (!telemetryOn()) return;
  const span = trace.getActiveSpan();
  if (!span) return;
  failedTurns.add(span);
  span.setAttribute('error.type', errorName(error));
}

// ---------------------------------------------------------------- Partner Center / Graph attempts

export interface HttpAttemptInfo {
  system: 'partner_center' | 'graph';
  /** The client's operation name (e.g. getCustomer). */
  operation: string;
  method: string;
  /** Path (or URL): only its route template is recorded. */
  path: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** MS-RequestId (Partner Center) or client-request-id (Graph): a GUID this app generated. */
  requestId?: string;
}

/** What the attempt resolved with (the resilience module's HttpAttemptOutcome fits). */
export interface HttpAttemptResult {
  type: string;
  status?: number;
  headers?: { get(name: string): string | null };
}

/** Attribute keys per system, built once (not a template string per attempt). */
const SYSTEM_KEYS = {
  partner_center: {
    operation: 'partner_center.operation',
    requestId: 'partner_center.request_id',
    serverRequestId: 'partner_center.server_request_id',
  },
  graph: {
    operation: 'graph.operation',
    requestId: 'graph.request_id',
    serverRequestId: 'graph.server_request_id',
  },
} as const;

/**
 * A CLIENT span and the dependency metrics around one HTTP attempt. The metrics are recorded in
 * every trace; the span only in a sampled one (or outside any trace).
 */
export async function traceHttpAttempt<O extends HttpAttemptResult>(
  info: HttpAttemptInfo,
  fn: () => Promise<O>,
): Promise<O> {
  if (!telemetryOn()) return fn();
  const route = routeTemplate(info.path);
  const deps = info.system === 'partner_center' ? instruments().partnerCenter : instruments().graph;
  const keys = SYSTEM_KEYS[info.system];
  const started = performance.now();
  const active = trace.getActiveSpan();
  if (active && sampledOut(active)) {
    const outcome = await fn();
    recordAttempt(outcome, info.method, route, deps, started);
    return outcome;
  }
  const attributes: Attributes = {
    'peer.service': info.system,
    'http.request.method': info.method,
    'http.route': route,
    'http.request.resend_count': info.attempt - 1,
    [keys.operation]: info.operation,
  };
  if (info.requestId) attributes[keys.requestId] = info.requestId;
  return withSpan(
    `${info.method} ${route}`,
    attributes,
    async (span) => {
      const outcome = await fn();
      const { status, cls, failed } = recordAttempt(outcome, info.method, route, deps, started);
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      const serverRequestId = outcome.headers?.get('request-id') ?? outcome.headers?.get('ms-requestid');
      if (serverRequestId && /^[\w-]{1,64}$/.test(serverRequestId))
        span.setAttribute(keys.serverRequestId, serverRequestId);
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: cls });
      return outcome;
    },
    { kind: SpanKind.CLIENT },
  );
}

/** The dependency metrics of one attempt (latency; 429s; failures). */
function recordAttempt(
  outcome: HttpAttemptResult,
  method: string,
  route: string,
  deps: ReturnType<typeof instruments>['graph'],
  started: number,
): { status: number | undefined; cls: string; failed: boolean } {
  const status = outcome.type === 'response' ? outcome.status : undefined;
  const cls = statusClass(status, outcome.type);
  const metric = { 'http.route': route, 'http.request.method': method, 'http.status_class': cls };
  deps.duration.record(performance.now() - started, metric);
  if (status === 429) deps.throttled.add(1, { 'http.route': route });
  const failed = outcome.type !== 'cancelled' && (status === undefined || (status >= 400 && status !== 429));
  if (failed) deps.failed.add(1, metric);
  return { status, cls, failed };
}

// ---------------------------------------------------------------- webhook → inbox → processing → send

/** The webhook's stored body is accepted: the span every later step of this event belongs to. */
export function traceWebhook<T>(fn: () => Promise<T>): Promise<T> {
  if (!telemetryOn()) return fn();
  return withSpan(
    SPANS.webhook,
    { 'http.request.method': 'POST', 'http.route': '/api/partner-center/events' },
    fn,
    {
      kind: SpanKind.SERVER,
    },
  );
}

/** W3C `traceparent` of the active span, stored with an inbox entry; undefined when off. */
export function currentTraceparent(): string | undefined {
  if (!telemetryOn()) return undefined;
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const c = span.spanContext();
  return `00-${c.traceId}-${c.spanId}-0${(c.traceFlags & TraceFlags.SAMPLED).toString(16)}`;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The context whose parent is the stored `traceparent` (else the active context). */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  const [, traceId, spanId, flags] = (traceparent ? TRACEPARENT.exec(traceparent) : null) ?? [];
  if (traceId === undefined || spanId === undefined || flags === undefined) return context.active();
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags: parseInt(flags, 16) & TraceFlags.SAMPLED,
    isRemote: true,
  });
}

const RECEIVED_AT = createContextKey('customer-connect.webhook.receivedAt');

export interface InboxEntryInfo {
  eventName?: string;
  receivedAt?: string;
  attempts?: number;
  traceparent?: string;
}

/**
 * Processing of one inbox entry, as a child of the webhook's span (its stored traceparent), so a
 * drain on another instance continues the same trace. Sends below it measure the acceptance delay.
 */
export function traceInboxProcessing<T>(entry: InboxEntryInfo, fn: () => Promise<T>): Promise<T> {
  if (!telemetryOn()) return fn();
  const event =
    entry.eventName && /^[a-z][a-z0-9-]{0,80}$/i.test(entry.eventName) ? entry.eventName : 'unknown';
  let parent = contextFromTraceparent(entry.traceparent);
  const received = entry.receivedAt ? Date.parse(entry.receivedAt) : NaN;
  if (Number.isFinite(received)) parent = parent.setValue(RECEIVED_AT, received);
  return withSpan(
    SPANS.webhookProcess,
    { 'notifications.event': event, 'notifications.attempt': entry.attempts ?? 1 },
    async (span) => {
      const result = await fn();
      if (typeof result === 'string') span.setAttribute('notifications.outcome', result);
      return result;
    },
    { parent },
  );
}

/** What a proactive send resolved with (the ProactiveSender's DeliveryOutcome fits). */
export interface SendResult {
  status: string;
  attempts: number;
  statusCode?: number;
  reason?: string;
}

/** A CLIENT span around one proactive send; delivered / failed / retried and the acceptance delay. */
export function traceProactiveSend<O extends SendResult>(fn: () => Promise<O>): Promise<O> {
  if (!telemetryOn()) return fn();
  return withSpan(
    SPANS.proactiveSend,
    {},
    async (span) => {
      const outcome = await fn();
      const reason = outcome.reason && /^[a-z_]{1,64}$/.test(outcome.reason) ? outcome.reason : undefined;
      span.setAttributes({
        'notifications.delivery.status': outcome.status,
        'notifications.delivery.attempts': outcome.attempts,
        ...(outcome.statusCode ? { 'http.response.status_code': outcome.statusCode } : {}),
        ...(reason ? { 'notifications.delivery.reason': reason } : {}),
      });
      const i = instruments();
      if (outcome.attempts > 1) i.retried.add(outcome.attempts - 1);
      if (outcome.status === 'sent') {
        i.delivered.add(1);
        const received = context.active().getValue(RECEIVED_AT);
        if (typeof received === 'number') i.acceptanceDelay.record(Math.max(0, Date.now() - received) / 1000);
      } else {
        i.failed.add(1, {
          'notifications.delivery.status': outcome.status,
          'notifications.delivery.reason': reason ?? 'unknown',
        });
        span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.status });
      }
      return outcome;
    },
    { kind: SpanKind.CLIENT },
  );
}

/**
 * An outbox retry of a notification that failed earlier: a child of the span that stored the
 * entry (its `traceparent`: the webhook's processing or the reconciler run), so the late delivery
 * joins the acceptance's trace; linked to the span active now (a scheduled run), if any.
 */
export function traceOutboxRetry<T>(
  entry: { traceparent?: string; round: number },
  fn: () => Promise<T>,
): Promise<T> {
  if (!telemetryOn()) return fn();
  const now = entry.traceparent ? trace.getSpan(context.active())?.spanContext() : undefined;
  return withSpan(SPANS.outboxRetry, { 'notifications.outbox.round': entry.round }, fn, {
    parent: contextFromTraceparent(entry.traceparent),
    ...(now && trace.isSpanContextValid(now) ? { links: [{ context: now }] } : {}),
  });
}

/** A background job (reconciler run) as its own trace root. */
export function traceJob<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!telemetryOn()) return fn();
  return withSpan(name, {}, fn, { parent: ROOT_CONTEXT });
}
