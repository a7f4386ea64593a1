/**
 * The `admin access` list: the partner's GDAP relationships in three groups — waiting for approval
 * (longest waiting first), active (soonest end first), ended (most recent first) — cut into pages.
 * Plain data in, plain data out; the Graph client and the card are elsewhere.
 */

export const ADMIN_ACCESS_GROUPS = ['pending', 'active', 'ended'] as const;
export type AdminAccessGroup = (typeof ADMIN_ACCESS_GROUPS)[number];

/** Relationships per page of the list. */
export const ADMIN_ACCESS_PAGE_SIZE = 10;
/** Highest page number a card button may ask for (anything above is forged). */
export const ADMIN_ACCESS_MAX_PAGE = 10_000;

/** What the ordering needs of a relationship (Graph's delegatedAdminRelationship fits). */
export interface ListedRelationship {
  status: string;
  createdDateTime?: string;
  endDateTime?: string;
  lastModifiedDateTime?: string;
}

/**
 * The group of a status. `created` (a request not sent yet: the invite flow locks or deletes it)
 * and values Graph may add later are not listed.
 */
export function adminAccessGroupOf(status: string): AdminAccessGroup | undefined {
  switch (status) {
    case 'approvalPending':
    case 'approved':
    case 'activating':
      return 'pending';
    case 'active':
    case 'expiring':
    case 'terminationRequested':
    case 'terminating':
      // Access still works until the relationship has ended.
      return 'active';
    case 'expired':
    case 'terminated':
      return 'ended';
    default:
      return undefined;
  }
}

const time = (iso: string | undefined, missing: number): number => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? missing : ms;
};

/** Ascending by `a`, then by `b`; ties keep their order (Array.prototype.sort is stable). */
function compareBy(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The listed relationships in list order, each with its group. */
export function orderAdminAccess<T extends ListedRelationship>(
  relationships: readonly T[],
): { group: AdminAccessGroup; relationship: T }[] {
  const grouped: Record<AdminAccessGroup, T[]> = { pending: [], active: [], ended: [] };
  for (const r of relationships) {
    const group = adminAccessGroupOf(r.status);
    if (group) grouped[group].push(r);
  }
  const inf = Number.POSITIVE_INFINITY;
  grouped.pending.sort((a, b) => compareBy(time(a.createdDateTime, inf), time(b.createdDateTime, inf)));
  grouped.active.sort((a, b) => compareBy(time(a.endDateTime, inf), time(b.endDateTime, inf)));
  const ended = (r: T) => time(r.endDateTime ?? r.lastModifiedDateTime, -inf);
  grouped.ended.sort((a, b) => compareBy(ended(b), ended(a)));
  return ADMIN_ACCESS_GROUPS.flatMap((group) =>
    grouped[group].map((relationship) => ({ group, relationship })),
  );
}

/** One page (1-based; beyond the last → the last) of an ordered list. */
export function adminAccessPage<T>(
  ordered: readonly T[],
  page: number,
  size: number = ADMIN_ACCESS_PAGE_SIZE,
): { page: number; pages: number; rows: T[]; total: number } {
  const pages = Math.max(1, Math.ceil(ordered.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page)), pages);
  return {
    page: current,
    pages,
    rows: ordered.slice((current - 1) * size, current * size),
    total: ordered.length,
  };
}
