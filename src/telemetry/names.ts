/**
 * Every metric name the app emits: README (Operations), the Kusto queries and the alert rules in
 * deployment/ use these (test/unit/deployment checks the rules name real metrics).
 */
export const METRICS = {
  turns: 'customer_connect.turns',
  turnDuration: 'customer_connect.turn.duration',
  partnerCenterDuration: 'partner_center.request.duration',
  partnerCenterThrottled: 'partner_center.requests.throttled',
  partnerCenterFailed: 'partner_center.requests.failed',
  graphDuration: 'graph.request.duration',
  graphThrottled: 'graph.requests.throttled',
  graphFailed: 'graph.requests.failed',
  acceptanceDelay: 'notifications.acceptance_delay',
  notificationsDelivered: 'notifications.delivered',
  notificationsFailed: 'notifications.failed',
  notificationsRetried: 'notifications.retried',
  inboxDue: 'notifications.inbox.due',
  outboxDue: 'notifications.outbox.due',
  gdapExpiring: 'gdap.relationships.expiring',
} as const;

export type MetricName = (typeof METRICS)[keyof typeof METRICS];

/** Span names (Application Insights: the `name` of requests and dependencies). */
export const SPANS = {
  turn: 'bot.turn',
  webhook: 'POST /api/partner-center/events',
  webhookProcess: 'notifications.webhook.process',
  proactiveSend: 'notifications.send',
  outboxRetry: 'notifications.outbox.retry',
  reconcilerRun: 'notifications.reconcile',
} as const;
