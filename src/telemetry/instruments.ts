import { metrics, type Counter, type Histogram, type Meter } from '@opentelemetry/api';
import { gaugeValues } from './gauges';
import { METRICS } from './names';

export interface DependencyInstruments {
  duration: Histogram;
  throttled: Counter;
  failed: Counter;
}

export interface Instruments {
  turns: Counter;
  turnDuration: Histogram;
  partnerCenter: DependencyInstruments;
  graph: DependencyInstruments;
  acceptanceDelay: Histogram;
  delivered: Counter;
  failed: Counter;
  retried: Counter;
}

export const METER_NAME = 'customer-connect';

let current: Instruments | undefined;

/**
 * The instruments of the meter provider registered now. With telemetry off that is the API's
 * no-op meter (recording costs a function call); `startTelemetry` rebuilds them on its provider.
 */
export function instruments(): Instruments {
  current ??= createInstruments(metrics.getMeter(METER_NAME));
  return current;
}

/** Rebuilds the instruments (and registers the gauges) on the meter provider registered now. */
export function resetInstruments(): void {
  current = undefined;
  const meter = metrics.getMeter(METER_NAME);
  current = createInstruments(meter);
  registerGauges(meter);
}

function dependency(meter: Meter, prefix: 'Partner Center' | 'Graph', names: [string, string, string]) {
  return {
    duration: meter.createHistogram(names[0], {
      unit: 'ms',
      description: `${prefix} HTTP attempts: latency by route, method and status`,
    }),
    throttled: meter.createCounter(names[1], { description: `${prefix} answers 429 (throttled), by route` }),
    failed: meter.createCounter(names[2], {
      description: `${prefix} attempts that failed (4xx other than 429, 5xx, timeout, network), by route and status class`,
    }),
  };
}

function createInstruments(meter: Meter): Instruments {
  return {
    turns: meter.createCounter(METRICS.turns, {
      description: 'Bot turns by activity type, kind and outcome',
    }),
    turnDuration: meter.createHistogram(METRICS.turnDuration, {
      unit: 'ms',
      description: 'Bot turn latency (request in → response out) by activity type and kind',
    }),
    partnerCenter: dependency(meter, 'Partner Center', [
      METRICS.partnerCenterDuration,
      METRICS.partnerCenterThrottled,
      METRICS.partnerCenterFailed,
    ]),
    graph: dependency(meter, 'Graph', [METRICS.graphDuration, METRICS.graphThrottled, METRICS.graphFailed]),
    acceptanceDelay: meter.createHistogram(METRICS.acceptanceDelay, {
      unit: 's',
      description: 'Webhook received → acceptance notification sent',
    }),
    delivered: meter.createCounter(METRICS.notificationsDelivered, {
      description: 'Proactive notifications delivered',
    }),
    failed: meter.createCounter(METRICS.notificationsFailed, {
      description: 'Proactive notifications not delivered (status failed or inactive, with reason)',
    }),
    retried: meter.createCounter(METRICS.notificationsRetried, {
      description: 'Extra attempts proactive sends needed (429/5xx from the connector)',
    }),
  };
}

function registerGauges(meter: Meter): void {
  meter
    .createObservableGauge(METRICS.inboxDue, { description: 'Webhook inbox entries due at the last drain' })
    .addCallback((result) => {
      const v = gaugeValues().inboxDue;
      if (v !== undefined) result.observe(v);
    });
  meter
    .createObservableGauge(METRICS.outboxDue, {
      description: 'Failed notifications due for retry at the last outbox run',
    })
    .addCallback((result) => {
      const v = gaugeValues().outboxDue;
      if (v !== undefined) result.observe(v);
    });
  meter
    .createObservableGauge(METRICS.gdapExpiring, {
      description: 'Active GDAP relationships ending within the window (days), at the last reconciler run',
    })
    .addCallback((result) => {
      const v = gaugeValues().gdapExpiring;
      if (!v) return;
      result.observe(v.within30Days, { window_days: 30 });
      result.observe(v.within7Days, { window_days: 7 });
    });
}
