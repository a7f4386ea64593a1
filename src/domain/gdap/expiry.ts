import { z } from 'zod';
import { isAutoExtending } from './duration';
import type { RoleTemplateSet } from './templates';

/** Days before a GDAP relationship's end at which the expiry watch warns (GDAP_WARN_DAYS). */
export const DEFAULT_WARN_DAYS: readonly number[] = [30, 7, 1];
/** The longest warning lead (a relationship lasts at most two years). */
export const MAX_WARN_DAYS = 730;
/** The job announces relationships that ended at most this long ago (older ones predate it). */
export const ENDED_LOOKBACK_DAYS = 7;

const DAY_MS = 86_400_000;

/** What the expiry watch needs of a relationship (a subset of Graph's delegatedAdminRelationship). */
export interface ExpiryCandidate {
  status: string;
  autoExtendDuration?: string;
  activatedDateTime?: string;
  endDateTime?: string;
}

/** Normalises warning days: whole days, unique, largest first. */
export function normalizeWarnDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

const WARN_DAYS_MESSAGE = `must be a comma-separated list of days, each 1 to ${MAX_WARN_DAYS}`;

/** The GDAP_WARN_DAYS setting: `30,7,1` by default; up to 10 whole days, 1 to MAX_WARN_DAYS each. */
export const warnDaysSchema = z
  .string()
  .default(DEFAULT_WARN_DAYS.join(','))
  .transform((v) => v.split(',').map((s) => s.trim()))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^\d{1,3}$/, WARN_DAYS_MESSAGE)
          .transform(Number),
      )
      .min(1)
      .max(10),
  )
  .pipe(z.array(z.number().int().min(1, WARN_DAYS_MESSAGE).max(MAX_WARN_DAYS, WARN_DAYS_MESSAGE)))
  .transform(normalizeWarnDays);

/** Whole days left until `endIso` (rounded up: 6 days and 1 hour are "7 days"); NaN when unknown. */
export function daysLeft(endIso: string | undefined, now: number): number {
  const end = endIso ? Date.parse(endIso) : NaN;
  return Number.isFinite(end) ? Math.ceil((end - now) / DAY_MS) : NaN;
}

/**
 * The warning due for `r` now: the smallest threshold (days) the remaining time has reached, for
 * an active relationship that does not extend itself and has not ended yet. One warning per
 * threshold; a missed larger threshold is not sent late once a smaller one applies.
 */
export function dueWarning(r: ExpiryCandidate, warnDays: readonly number[], now: number): number | undefined {
  if (r.status !== 'active' && r.status !== 'expiring') return undefined;
  if (isAutoExtending(r.autoExtendDuration)) return undefined;
  const end = r.endDateTime ? Date.parse(r.endDateTime) : NaN;
  if (!Number.isFinite(end) || end <= now) return undefined;
  const left = end - now;
  const reached = warnDays.filter((d) => left <= d * DAY_MS);
  return reached.length ? Math.min(...reached) : undefined;
}

/**
 * True when `r` ended (expired or terminated) after having been active, within the last
 * ENDED_LOOKBACK_DAYS: what the job announces when the webhook never came. A request that expired
 * before approval is the approval processing's news, not this watch's.
 */
export function recentlyEnded(r: ExpiryCandidate, now: number): boolean {
  if (!isEnded(r) || !r.activatedDateTime) return false;
  const end = r.endDateTime ? Date.parse(r.endDateTime) : NaN;
  return Number.isFinite(end) && end <= now && now - end <= ENDED_LOOKBACK_DAYS * DAY_MS;
}

export function isEnded(r: { status: string }): boolean {
  return r.status === 'expired' || r.status === 'terminated';
}

/** The template whose role set is exactly `roles` (the "same template" for a new request), if any. */
export function templateIdForRoles(set: RoleTemplateSet, roles: readonly string[]): string | undefined {
  const wanted = new Set(roles.map((r) => r.toLowerCase()));
  return set.templates.find((t) => {
    const have = new Set(t.roles.map((r) => r.roleDefinitionId.toLowerCase()));
    return have.size === wanted.size && [...wanted].every((r) => have.has(r));
  })?.id;
}

/** The calendar day of an ISO time (YYYY-MM-DD, UTC): part of a warning's identity. */
export function endDay(endIso: string | undefined): string {
  const ms = endIso ? Date.parse(endIso) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : 'unknown';
}
