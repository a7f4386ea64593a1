import type { AdaptiveCardJson } from '../../../src/cards/render';
import { renderStatusCard } from '../../../src/cards/statusCard';
import type { StatusReport } from '../../../src/domain/operationsStatus';
import type { Translator } from '../../../src/i18n/i18n';
import { BOT_WEBHOOK_EVENTS, checkRegistration } from '../../../src/partnerCenter';

const URL = 'https://bot.contoso.example/api/partner-center/events';
const AT = '2026-03-01T10:15:00.000Z';

const healthy: StatusReport = {
  storageReachable: true,
  partnerCenterReachable: true,
  expectedWebhookUrl: URL,
  webhook: {
    ...checkRegistration({ webhookUrl: URL, webhookEvents: [...BOT_WEBHOOK_EVENTS] }, URL),
    url: URL,
    events: [...BOT_WEBHOOK_EVENTS],
  },
  snapshot: {
    lastEvent: { at: AT, name: 'reseller-relationship-accepted-by-customer' },
    reconciler: { at: AT, ok: true, found: 2 },
    outbox: { at: AT, waiting: 1, failed: 3 },
  },
};

const longEvents = Array.from({ length: 40 }, (_, i) => `event-${i}-${'x'.repeat(80)}`);
const broken: StatusReport = {
  storageReachable: false,
  partnerCenterReachable: true,
  expectedWebhookUrl: URL,
  webhook: {
    ...checkRegistration(
      { webhookUrl: `https://old.example/${'p'.repeat(1500)}`, webhookEvents: longEvents },
      URL,
    ),
    url: `https://old.example/${'p'.repeat(1500)}`,
    events: longEvents,
  },
};

/** Status card renderings: healthy, everything wrong with worst-case lengths, nothing known. */
export function statusCardSamples(t: Translator): AdaptiveCardJson[] {
  return [
    renderStatusCard(t, healthy),
    renderStatusCard(t, broken),
    renderStatusCard(t, { storageReachable: false, partnerCenterReachable: false, expectedWebhookUrl: URL }),
    renderStatusCard(t, {
      ...healthy,
      webhook: { ...checkRegistration(undefined, URL), events: [] },
      snapshot: { reconciler: { at: AT, ok: false } },
    }),
  ];
}
