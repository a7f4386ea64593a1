/**
 * Retry-After (RFC 9110 §10.2.3): delta-seconds (fractions accepted, as some services send them)
 * or an HTTP date. Returns milliseconds from `now`, never negative; undefined when absent or
 * unreadable.
 */
export function parseRetryAfterMs(
  value: string | number | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (/^[+-]?[\d.]+$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
