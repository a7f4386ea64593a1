/** The partner-side roles this app distinguishes, highest first (the one list everyone uses). */
export const PARTNER_ROLE_NAMES = ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent'] as const;
export type PartnerRoleName = (typeof PARTNER_ROLE_NAMES)[number];

/** What a user may do is decided here, in one table, not in scattered ifs. */
export type ProtectedAction =
  | 'customers.read'
  | 'invite'
  | 'invitations.read'
  | 'providers.read'
  | 'adminAccess.read'
  | 'remove'
  /** Ending a customer's GDAP relationships (after a removal). */
  | 'adminAccess.end'
  | 'audit.read'
  | 'notifications.manage'
  | 'status.read';

const ADMINS: readonly PartnerRoleName[] = ['GlobalAdmin', 'AdminAgent'];
const EVERYONE: readonly PartnerRoleName[] = PARTNER_ROLE_NAMES;

export const ACTION_ROLES: Readonly<Record<ProtectedAction, readonly PartnerRoleName[]>> = {
  'customers.read': EVERYONE,
  invite: ADMINS,
  'invitations.read': EVERYONE,
  'providers.read': EVERYONE,
  // Reading admin access is for every partner role; requesting or ending it is 'invite' / 'remove'.
  'adminAccess.read': EVERYONE,
  remove: ADMINS,
  'adminAccess.end': ADMINS,
  'audit.read': ADMINS,
  'notifications.manage': ADMINS,
  'status.read': ADMINS,
};

export function isAllowed(action: ProtectedAction, roles: readonly PartnerRoleName[]): boolean {
  return ACTION_ROLES[action].some((r) => roles.includes(r));
}

/** Resolves a partner user (Entra object id) to their Partner Center roles. */
export interface RoleService {
  rolesOf(aadObjectId: string): Promise<PartnerRoleName[]>;
}

/** Caches another RoleService's answers for a while (role lookups cost several calls). */
export class CachingRoleService implements RoleService {
  private readonly cache = new Map<string, { roles: PartnerRoleName[]; expires: number }>();

  constructor(
    private readonly inner: RoleService,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async rolesOf(aadObjectId: string): Promise<PartnerRoleName[]> {
    const key = aadObjectId.toLowerCase();
    const hit = this.cache.get(key);
    if (hit && hit.expires > this.now()) return hit.roles;
    const roles = await this.inner.rolesOf(aadObjectId);
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(key, { roles, expires: this.now() + this.ttlMs });
    return roles;
  }
}
