import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { createLogger } from '../../../src/logging/logger';
import { METRICS, SPANS, startTelemetry, withSpan, type Telemetry } from '../../../src/telemetry';
import { post, TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { conversationIdOf, createInvitation } from '../notifications/helpers';

/**
 * Traces and metrics with in-memory exporters against the embedded app over real HTTP: the turn
 * span and its Partner Center child, webhook → processing → send in one trace, and no personal
 * data, message text or token in any exported attribute.
 */
describe('telemetry (in-memory exporters, embedded app)', () => {
  const spans = new InMemorySpanExporter();
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  let telemetry: Telemetry;
  let connector: CapturingConnector;
  let bot: TestApp;
  const USER_NAME = 'Zelda Quokkapants';
  const SEARCH = 'quokkasearchterm';

  beforeAll(async () => {
    telemetry = await startTelemetry(
      { samplingRatio: 1, liveMetrics: false },
      {
        spanProcessors: [new SimpleSpanProcessor(spans)],
        metricReaders: [
          new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 }),
        ],
      },
    );
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '0' });
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

    const finished = spans.getFinishedSpans();
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

    const finished = spans.getFinishedSpans();
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

    await telemetry.flush();
    const names = new Set(
      metricExporter
        .getMetrics()
        .flatMap((r) => r.scopeMetrics.flatMap((sm) => sm.metrics.map((m) => m.descriptor.name))),
    );
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
    for (const s of spans.getFinishedSpans()) {
      values.push(s.name);
      for (const [k, v] of Object.entries(s.attributes)) values.push(k, String(v));
      for (const e of s.events)
        for (const [k, v] of Object.entries(e.attributes ?? {})) values.push(k, String(v));
    }
    for (const r of metricExporter.getMetrics())
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
      'Tailwind',
      bot.app.simulatorToken!,
      'Bearer',
      '@',
      ...Object.values(SIMULATOR_USERS).flatMap((u) => [u.displayName, u.userPrincipalName, u.aadObjectId]),
    ];
    for (const f of forbidden)
      expect({ f, found: text.includes(f.toLowerCase()) }).toEqual({ f, found: false });
  });
});
