import {
  METRICS,
  traceCosmosRequest,
  traceHttpAttempt,
  traceInboxProcessing,
  traceProactiveSend,
  withSpan,
} from '../../../src/telemetry';
import { startInMemoryTelemetry, type InMemoryTelemetry } from '../../support/telemetry';

/**
 * In a trace the sampler dropped, no child span is made (Partner Center, Cosmos, processing,
 * send), yet every metric is still recorded — also the acceptance delay, which rides on the
 * processing context.
 */
describe('telemetry on, trace not sampled (ratio 0)', () => {
  let t: InMemoryTelemetry;

  beforeAll(async () => {
    t = await startInMemoryTelemetry(0);
  });
  afterAll(() => t.telemetry.shutdown());

  it('no spans are exported, the dependency and delivery metrics are recorded', async () => {
    const response = { type: 'response', status: 200, headers: { get: () => null } };
    const cosmosResponse = { status: 200, headers: { get: () => undefined } };
    const sent = await withSpan('turn', {}, async (turn) => {
      expect(turn.isRecording()).toBe(false);
      const outcome = await traceHttpAttempt(
        {
          system: 'partner_center',
          operation: 'listCustomers',
          method: 'GET',
          path: '/v1/customers',
          attempt: 1,
        },
        () => Promise.resolve(response),
      );
      expect(outcome).toBe(response);
      await traceCosmosRequest(
        { method: 'GET', url: 'https://x/dbs/d/colls/c/docs/1', headers: { get: () => undefined } },
        () => Promise.resolve(cosmosResponse),
      );
      return 'done';
    });
    expect(sent).toBe('done');
    const traceparent = `00-${'1'.repeat(32)}-${'2'.repeat(16)}-00`;
    const outcome = await traceInboxProcessing(
      {
        eventName: 'reseller-relationship-accepted-by-customer',
        receivedAt: new Date().toISOString(),
        traceparent,
      },
      () => traceProactiveSend(() => Promise.resolve({ status: 'sent', attempts: 1 })),
    );
    expect(outcome).toEqual({ status: 'sent', attempts: 1 });
    expect(t.spans.getFinishedSpans()).toEqual([]);
    const names = await t.metricNames();
    for (const name of [
      METRICS.partnerCenterDuration,
      METRICS.notificationsDelivered,
      METRICS.acceptanceDelay,
    ])
      expect({ name, recorded: names.has(name) }).toEqual({ name, recorded: true });
  });
});
