import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Clock } from '../../../src/notifications/clock';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { createLogger } from '../../../src/logging/logger';
import { METRICS, SPANS, withSpan, type Telemetry } from '../../../src/telemetry';
import { post, TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { startInMemoryTelemetry, type InMemoryTelemetry } from '../../support/telemetry';
import {
  acceptanceRecord,
  conversationIdOf,
  createInvitation,
  postWebhook,
  signedEvent,
} from '../notifications/helpers';

/**
 * Traces and metrics with in-memory exporters against the embedded app over real HTTP: the turn
 * span and its Partner Center and Cosmos children, webhook → processing → send in one trace, an
 * outbox retry continuing that trace, and no personal data, message text or token in any exported
 * attribute.
 */
describe('telemetry (in-memory exporters, embedded app)', () => {
  let memory: InMemoryTelemetry;
  let telemetry: Telemetry;
  let connector: CapturingConnector;
  let bot: TestApp;
  const USER_NAME = 'Zelda Quokkapants';
  const SEARCH = 'quokkasearchterm';
  /** Ids of stored documents (part of Cosmos document ids) must not become attributes either. */
  let retryCustomerId = 'unset';

  beforeAll(async () => {
    memory = await startInMemoryTelemetry();
    telemetry = memory.telemetry;
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '0', NOTIFICATION_DRAIN_INTERVAL_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
    await telemetry?.shutdown();
  });

  const attr = (s: ReadableSpan, k: string) => s.attributes[k];
  const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

  it('a customers turn over HTTP: a turn span with a child Partner Center span and the expected attributes', async () => {
    const chat = new TeamsChat({
      serviceUrl: connector.url,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
      userName: USER_NAME,
      locale: 'de-DE',
    });
    const res = await post(bot.baseUrl, chat.message('customers'));
    expect(res.status).toBeLessThan(300);
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 1);
    await post(bot.baseUrl, chat.message(`kunden ${SEARCH}`));
    await connector.waitFor(() => connector.messages(chat.conversationId).length >= 2);

    const finished = memory.spans.getFinishedSpans();
    const turn = finished.find((s) => s.name === SPANS.turn && attr(s, 'bot.turn.kind') === 'customers');
    expect(turn).toBeDefined();
    expect(turn!.attributes).toMatchObject({
      'bot.activity.type': 'message',
      'bot.turn.kind': 'customers',
      'bot.locale': 'de-DE',
      'bot.turn.outcome': 'ok',
      'http.response.status_code': 200,
    });
    const inTrace = finished.filter((s) => s.spanContext().traceId === turn!.spanContext().traceId);
    const pc = inTrace.filter((s) => attr(s, 'peer.service') === 'partner_center');
    expect(pc.length).toBeGreaterThan(0);
    const listCustomers = pc.find((s) => String(attr(s, 'http.route')).startsWith('/v1/customers'));
    expect(listCustomers).toBeDefined();
    expect(listCustomers!.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'http.request.resend_count': 0,
    });
    expect(String(attr(listCustomers!, 'partner_center.request_id'))).toMatch(/^[0-9a-f-]{36}$/);
    // A child of the turn (directly or below another span of the turn).
    const ids = new Set(inTrace.map((s) => s.spanContext().spanId));
    expect(ids.has(parentOf(listCustomers!)!)).toBe(true);
    // Route templates only: no raw ids, no query.
    for (const s of pc) expect(String(attr(s, 'http.route'))).not.toMatch(/[0-9a-f]{8}-|\?/);

    // Cosmos: the state read and write of the turn (bot-state) as CLIENT children in its trace.
    const cosmos = inTrace.filter((s) => attr(s, 'db.system') === 'cosmosdb');
    const stateRead = cosmos.find((s) => s.name === 'read_item bot-state');
    const stateWrite = cosmos.find((s) => /^(create|replace|upsert)_item bot-state$/.test(s.name));
    for (const s of [stateRead, stateWrite]) {
      expect(s).toBeDefined();
      expect(s!.kind).toBe(SpanKind.CLIENT);
      expect(ids.has(parentOf(s!)!)).toBe(true);
      expect(s!.attributes).toMatchObject({
        'db.system': 'cosmosdb',
        'db.name': expect.any(String),
        'db.cosmosdb.container': 'bot-state',
        'db.cosmosdb.status_code': expect.any(Number),
      });
    }
    expect(stateRead!.attributes['db.operation']).toBe('read_item');
    expect(Object.keys(stateRead!.attributes).sort()).toEqual(
      [
        'db.cosmosdb.container',
        'db.cosmosdb.status_code',
        'db.name',
        'db.operation',
        'db.system',
        ...(stateRead!.attributes['db.cosmosdb.request_charge'] === undefined
          ? []
          : ['db.cosmosdb.request_charge']),
      ].sort(),
    );
  });

  it('an acceptance: webhook → processing → send spans in one trace', async () => {
    const invitation = await createInvitation(bot.app, connector.url, {
      customer: { companyName: 'Quokka Holdings', contactEmail: 'it@quokka-holdings.example' },
    });
    const page = await fetch(`${bot.baseUrl}/simulator/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        partnerId: bot.app.simulator!.partner.tenantId,
        companyName: 'Quokka Holdings GmbH',
        domain: 'quokkaholdings',
      }).toString(),
    });
    expect(page.status).toBe(200);
    await page.text();
    await bot.app.simulator!.whenIdle();
    await bot.app.notifications.whenIdle();
    await connector.waitFor(() => connector.messages(conversationIdOf(invitation)).length >= 1);

    const finished = memory.spans.getFinishedSpans();
    const send = finished.find(
      (s) => s.name === SPANS.proactiveSend && attr(s, 'notifications.delivery.status') === 'sent',
    );
    expect(send).toBeDefined();
    const trace = finished.filter((s) => s.spanContext().traceId === send!.spanContext().traceId);
    const webhook = trace.find((s) => s.name === SPANS.webhook);
    const processing = trace.find((s) => s.name === SPANS.webhookProcess);
    expect(webhook).toBeDefined();
    expect(processing).toBeDefined();
    expect(parentOf(processing!)).toBe(webhook!.spanContext().spanId);
    expect(processing!.attributes['notifications.event']).toBe('reseller-relationship-accepted-by-customer');
    // Partner Center calls of the processing belong to the same trace.
    expect(trace.some((s) => attr(s, 'peer.service') === 'partner_center')).toBe(true);

    const names = await memory.metricNames();
    for (const name of [
      METRICS.turns,
      METRICS.turnDuration,
      METRICS.partnerCenterDuration,
      METRICS.notificationsDelivered,
      METRICS.acceptanceDelay,
    ]) {
      expect(names.has(name)).toBe(true);
    }
  });

  it('an outbox retry continues the trace of the acceptance whose notification failed', async () => {
    let offset = 0;
    const clock: Clock = {
      now: () => Date.now() + offset,
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
    };
    const sim = bot.app.simulator!;
    sim.setWebhookUrl(undefined); // the test delivers the webhook itself, to the instance with the clock
    const peer = await startTestApp(
      {
        RECONCILE_INTERVAL_SECONDS: '0',
        NOTIFICATION_DRAIN_INTERVAL_SECONDS: '0',
        WEBHOOK_ALLOWED_CERT_HOSTS: new URL(bot.baseUrl).host,
      },
      {
        cosmos: bot.app.cosmos,
        partnerCenter: bot.app.services.partnerCenter,
        notifications: { clock, sender: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } },
      },
    );
    try {
      const invitation = await createInvitation(bot.app, connector.url, {
        customer: { companyName: 'Quokka Retry AG', contactEmail: 'it@quokka-retry.example' },
      });
      const customer = sim.addCustomer({ companyName: 'Quokka Retry AG', domain: 'quokkaretry' });
      connector.failNext(503);
      connector.failNext(503);
      const { raw, headers } = signedEvent(sim, {
        EventName: 'reseller-relationship-accepted-by-customer',
        ResourceUri: `https://api.partnercenter.microsoft.com/v1/customers/${customer.id}`,
        ResourceName: 'Customer',
        AuditUri: 'https://api.partnercenter.microsoft.com/v1/auditrecords',
        ResourceChangeUtcDate: new Date().toISOString(),
      });
      expect(await postWebhook(peer.baseUrl, raw, headers)).toBe(202);
      await peer.app.notifications.whenIdle();
      const waiting = await acceptanceRecord(bot.app, customer.id);
      expect(waiting!.retryAt).toBeDefined();

      offset += 7 * 3600_000;
      // A scheduled run of its own trace (as a traced job would be): the retry links to it.
      const run = await withSpan('test.scheduled-run', {}, async (span) => ({
        result: await peer.app.notifications.runDrain(),
        context: span.spanContext(),
      }));
      expect(run.result?.redelivered).toBe(1);
      expect(connector.messages(conversationIdOf(invitation))).toHaveLength(1);

      const finished = memory.spans.getFinishedSpans();
      const retry = finished.find((s) => s.name === SPANS.outboxRetry);
      expect(retry).toBeDefined();
      expect(retry!.attributes).toEqual({ 'notifications.outbox.round': 1 });
      const trace = finished.filter((s) => s.spanContext().traceId === retry!.spanContext().traceId);
      const webhook = trace.find((s) => s.name === SPANS.webhook);
      const processing = trace.find((s) => s.name === SPANS.webhookProcess);
      expect(webhook).toBeDefined();
      expect(processing).toBeDefined();
      // The stored traceparent is the processing span's; the retry is its child.
      expect(waiting!.traceparent).toBe(
        `00-${processing!.spanContext().traceId}-${processing!.spanContext().spanId}-01`,
      );
      expect(parentOf(retry!)).toBe(processing!.spanContext().spanId);
      expect(retry!.links.map((l) => l.context.spanId)).toEqual([run.context.spanId]);
      expect(run.context.traceId).not.toBe(retry!.spanContext().traceId);
      retryCustomerId = customer.id;
      const sends = trace.filter((s) => s.name === SPANS.proactiveSend);
      expect(sends.map((s) => attr(s, 'notifications.delivery.status')).sort()).toEqual(['failed', 'sent']);
      const late = sends.find((s) => attr(s, 'notifications.delivery.status') === 'sent');
      expect(parentOf(late!)).toBe(retry!.spanContext().spanId);
      // The retry's Cosmos work (taking the record over, saving the outcome) is in the same trace.
      expect(
        trace.some((s) => attr(s, 'db.system') === 'cosmosdb' && parentOf(s) === retry!.spanContext().spanId),
      ).toBe(true);
    } finally {
      await peer.stop();
      connector.clear();
    }
  });

  it('log lines carry trace_id and span_id of the active span', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
    logger.info('outside');
    const ids = await withSpan('log-test', {}, async (span) => {
      logger.info('inside');
      return span.spanContext();
    });
    expect(JSON.parse(lines[0]!)).not.toHaveProperty('trace_id');
    expect(JSON.parse(lines[1]!)).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId });
  });

  it('no exported span or metric attribute carries a name, email, message text or token', async () => {
    await telemetry.flush();
    const values: string[] = [];
    for (const s of memory.spans.getFinishedSpans()) {
      values.push(s.name);
      for (const [k, v] of Object.entries(s.attributes)) values.push(k, String(v));
      for (const e of s.events)
        for (const [k, v] of Object.entries(e.attributes ?? {})) values.push(k, String(v));
      for (const l of s.links)
        for (const [k, v] of Object.entries(l.attributes ?? {})) values.push(k, String(v));
    }
    // The scan covers the Cosmos spans and the outbox retry with its link.
    const finished = memory.spans.getFinishedSpans();
    expect(finished.filter((s) => s.attributes['db.system'] === 'cosmosdb').length).toBeGreaterThan(10);
    expect(finished.some((s) => s.name === SPANS.outboxRetry && s.links.length === 1)).toBe(true);
    for (const r of memory.metrics.getMetrics())
      for (const sm of r.scopeMetrics)
        for (const m of sm.metrics)
          for (const p of m.dataPoints as { attributes: Record<string, unknown> }[])
            for (const [k, v] of Object.entries(p.attributes)) values.push(k, String(v));
    expect(values.length).toBeGreaterThan(50);
    const text = values.join('\n').toLowerCase();
    const forbidden = [
      USER_NAME,
      SEARCH,
      'Test User',
      'Dana Inviter',
      'Quokka',
      'quokka-holdings.example',
      'quokka-retry.example',
      'Tailwind',
      bot.app.simulatorToken!,
      retryCustomerId,
      bot.app.services.partnerTenantId,
      'Bearer',
      '@',
      ...Object.values(SIMULATOR_USERS).flatMap((u) => [u.displayName, u.userPrincipalName, u.aadObjectId]),
    ];
    for (const f of forbidden)
      expect({ f, found: text.includes(f.toLowerCase()) }).toEqual({ f, found: false });
  });
});
