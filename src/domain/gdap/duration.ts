/**
 * ISO 8601 durations as Microsoft Graph uses them for GDAP (`P730D`, `P2Y`, `P180D`, `PT0S`, `P0D`).
 * Plain TypeScript, shared by the role templates and the Graph simulator.
 */

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION =
  /^P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,8})M)?(?:(\d{1,10})S)?)?$/;

/** Parses an ISO 8601 duration (whole units only); undefined when it is not one. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  if (typeof text !== 'string' || text === 'P' || text.endsWith('T')) return undefined;
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/**
 * Length in days for range checks: a year counts 365 days and a month 30, so `P2Y` = `P730D` — the
 * bound Graph documents as "between P1D and P2Y inclusive".
 */
export function durationDays(d: IsoDuration): number {
  return (
    d.years * 365 +
    d.months * 30 +
    d.weeks * 7 +
    d.days +
    (d.hours * 3600 + d.minutes * 60 + d.seconds) / 86_400
  );
}

/** `from` + the duration, calendar-aware in UTC (years and months as calendar units). */
export function addDuration(from: Date, d: IsoDuration): Date {
  const t = new Date(from.getTime());
  t.setUTCFullYear(
    t.getUTCFullYear() + d.years,
    t.getUTCMonth() + d.months,
    t.getUTCDate() + d.weeks * 7 + d.days,
  );
  return new Date(t.getTime() + (d.hours * 3600 + d.minutes * 60 + d.seconds) * 1000);
}

/** Graph's bounds for a relationship's `duration`: P1D … P2Y inclusive. */
export function isValidRelationshipDuration(text: string): boolean {
  const d = parseIsoDuration(text);
  if (!d) return false;
  const days = durationDays(d);
  return days >= 1 && days <= 730;
}

/** Graph's supported `autoExtendDuration` values: `PT0S` (default) and `P0D` (no extension), `P180D`. */
export const AUTO_EXTEND_VALUES = ['PT0S', 'P0D', 'P180D'] as const;
export type AutoExtendDuration = (typeof AUTO_EXTEND_VALUES)[number];

export function isAutoExtending(value: string | undefined): boolean {
  return value !== undefined && value !== 'PT0S' && value !== 'P0D';
}
