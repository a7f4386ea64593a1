import type { PartnerRole, PartnerRoleMember } from '../partnerCenter/types';
import type { PartnerRoleName } from '../domain/roles';
import { notFound } from './model';
import { SIMULATOR_ROLE_IDS, SIMULATOR_ROLES, SIMULATOR_ROSTER, type RosterUser } from './seed';

/** The partner's staff and their roles, as Partner Center's roles API knows them. */
export class Roster {
  private readonly roster = new Map<string, RosterUser>();

  constructor(
    readonly defaultRole: PartnerRoleName,
    private readonly partnerDomain: string,
  ) {
    for (const user of SIMULATOR_ROSTER) this.roster.set(user.aadObjectId.toLowerCase(), { ...user });
  }

  listRoles(): PartnerRole[] {
    return SIMULATOR_ROLES.map((r) => ({ ...r }));
  }

  /** Members of a role; SimulatorApiError 404 for an unknown role. */
  listRoleMembers(roleId: string): PartnerRoleMember[] {
    const role = SIMULATOR_ROLES.find((r) => r.id.toLowerCase() === roleId.toLowerCase());
    if (!role) throw notFound(`Role ${roleId} was not found.`);
    const name = (Object.keys(SIMULATOR_ROLE_IDS) as PartnerRoleName[]).find(
      (k) => SIMULATOR_ROLE_IDS[k] === role.id,
    );
    if (!name) return [];
    return [...this.roster.values()]
      .filter((u) => u.roles.includes(name))
      .map((u) => ({
        id: u.aadObjectId,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        roleId: role.id,
      }));
  }

  /**
   * Roles of a partner user: from the roster, or `[defaultRole]` for anyone else. (The roles API
   * cannot list unknown users; embedded mode uses this, or `ensureRosterUser` first.)
   */
  rolesOf(aadObjectId: string): PartnerRoleName[] {
    const user = this.roster.get(aadObjectId.toLowerCase());
    return user ? [...user.roles] : [this.defaultRole];
  }

  /** Whether a user is on the roster (rather than getting the default role). */
  isKnownUser(aadObjectId: string): boolean {
    return this.roster.has(aadObjectId.toLowerCase());
  }

  /** Puts a user on the roster (with `defaultRole` unless roles are given), so the roles API lists them. */
  ensureRosterUser(user: {
    aadObjectId: string;
    displayName?: string;
    userPrincipalName?: string;
    roles?: PartnerRoleName[];
  }): RosterUser {
    const key = user.aadObjectId.toLowerCase();
    let entry = this.roster.get(key);
    if (!entry) {
      entry = {
        aadObjectId: user.aadObjectId,
        displayName: user.displayName ?? 'Partner user',
        userPrincipalName: user.userPrincipalName ?? `${key}@${this.partnerDomain}`,
        roles: user.roles ?? [this.defaultRole],
      };
      this.roster.set(key, entry);
    } else if (user.roles) {
      entry.roles = [...user.roles];
    }
    return { ...entry, roles: [...entry.roles] };
  }

  rosterUsers(): RosterUser[] {
    return [...this.roster.values()].map((u) => ({ ...u, roles: [...u.roles] }));
  }
}
