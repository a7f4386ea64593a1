/**
 * Names and housekeeping of the admin-access (GDAP) requests this app creates. Graph requires a
 * relationship's displayName to be unique across the partner and at most 50 characters; ours are
 * `CC-<company>-<yyyymmdd>-<short id>`, so the prefix also marks the ones this app may sweep.
 */

/** Every displayName this app gives a GDAP relationship starts with this. */
export const GDAP_NAME_PREFIX = 'CC-';
export const GDAP_NAME_MAX = 50;

/** A request created but never locked for approval is deleted once it is this old. */
export const STALE_GDAP_REQUEST_MS = 24 * 60 * 60 * 1000;

/** Up to 16 ASCII letters and digits of the company name ('' when none are left). */
export function companyPrefix(company: string | undefined): string {
  const ascii = (company ?? '').normalize('NFKD').replace(/[^A-Za-z0-9]/g, '');
  return ascii.slice(0, 16);
}

/** `CC-Contoso-20260310-1a2b3c4d` (≤ 50 characters; the short id makes it unique). */
export function relationshipDisplayName(company: string | undefined, at: Date, shortId: string): string {
  const date = at.toISOString().slice(0, 10).replace(/-/g, '');
  const id = shortId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  const prefix = companyPrefix(company);
  const name = `${GDAP_NAME_PREFIX}${prefix ? `${prefix}-` : ''}${date}-${id}`;
  return name.slice(0, GDAP_NAME_MAX);
}

/** A relationship this app created, never locked, and older than the limit: safe to delete. */
export function isAbandonedRequest(
  relationship: { displayName: string; status: string; createdDateTime?: string },
  now: Date,
  maxAgeMs: number = STALE_GDAP_REQUEST_MS,
): boolean {
  if (relationship.status !== 'created' || !relationship.displayName.startsWith(GDAP_NAME_PREFIX))
    return false;
  const created = Date.parse(relationship.createdDateTime ?? '');
  return !Number.isNaN(created) && now.getTime() - created >= maxAgeMs;
}
