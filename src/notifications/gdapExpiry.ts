import type { GdapClient } from '../graph';
import type { Logger } from '../logging/logger';
import { setGauge } from '../telemetry';

const DAY_MS = 86_400_000;

/**
 * Counts active GDAP relationships ending within 30 and 7 days and hands them to the
 * `gdap.relationships.expiring` gauge. Runs after the reconciler (under its lease, so one Graph
 * listing per interval for all instances; the other instances keep their last value). Never throws.
 */
export async function refreshGdapExpiryGauge(
  gdap: Pick<GdapClient, 'listRelationships'>,
  logger: Logger,
  now: () => number = Date.now,
): Promise<void> {
  try {
    const active = await gdap.listRelationships({ status: 'active' });
    const t = now();
    const endsWithin = (days: number) =>
      active.filter((r) => {
        const end = r.endDateTime ? Date.parse(r.endDateTime) : NaN;
        return Number.isFinite(end) && end >= t && end - t <= days * DAY_MS;
      }).length;
    setGauge('gdapExpiring', { within30Days: endsWithin(30), within7Days: endsWithin(7) });
  } catch (err) {
    logger.warn({ err: (err as Error).name }, 'GDAP expiry gauge not refreshed');
  }
}
