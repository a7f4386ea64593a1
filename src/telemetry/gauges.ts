/**
 * Values the observable gauges report, set by the jobs that compute them anyway (inbox drain,
 * outbox run, reconciler run). Reading them costs nothing at export time.
 */
export interface GaugeValues {
  /** Webhook inbox entries due at the last drain (capped by the drain's batch size). */
  inboxDue?: number;
  /** Failed notifications due for a retry at the last outbox run (capped by its batch size). */
  outboxDue?: number;
  /** Active GDAP relationships ending within 30 and within 7 days, at the last reconciler run. */
  gdapExpiring?: { within30Days: number; within7Days: number };
}

const values: GaugeValues = {};

export function setGauge<K extends keyof GaugeValues>(name: K, value: GaugeValues[K]): void {
  values[name] = value;
}

export function gaugeValues(): Readonly<GaugeValues> {
  return values;
}
