import type { CallContext, PartnerCenterClient } from '../partnerCenter/client';
import type { PartnerRole } from '../partnerCenter/types';
import { PARTNER_ROLE_NAMES, type PartnerRoleName, type RoleService } from '../domain/roles';

/** Entra's Global Administrator role template id (Partner Center lists it as "Company Administrator"). */
export const GLOBAL_ADMIN_ROLE_TEMPLATE_ID = '62e90394-69f5-4237-9190-012177145e10';

/**
 * Which of the app's roles a Partner Center role is, by id (Global admin) or by name
 * ("Admin Agent", "AdminAgents", "Sales Agent(s)", "Helpdesk Agent(s)", "Company/Global Administrator").
 */
export function partnerRoleNameOf(role: PartnerRole): PartnerRoleName | undefined {
  if (role.id.toLowerCase() === GLOBAL_ADMIN_ROLE_TEMPLATE_ID) return 'GlobalAdmin';
  const name = role.name.toLowerCase().replace(/[\s_-]+/g, '');
  if (name === 'companyadministrator' || name === 'globaladministrator' || name === 'globaladmin') {
    return 'GlobalAdmin';
  }
  if (name === 'adminagent' || name === 'adminagents') return 'AdminAgent';
  if (name === 'salesagent' || name === 'salesagents') return 'SalesAgent';
  if (name === 'helpdeskagent' || name === 'helpdeskagents') return 'HelpdeskAgent';
  return undefined;
}

/**
 * The app roles of one partner user via the roles API (`GET /v1/roles`, then the members of each
 * relevant role: 1 + up to 4 calls — cache the answer). Users on no role get `[]`; in embedded mode
 * the bot falls back to the simulator's default role (see `PartnerCenterSimulator.rolesOf`).
 */
export async function resolvePartnerRoles(
  client: PartnerCenterClient,
  aadObjectId: string,
  ctx: CallContext,
): Promise<PartnerRoleName[]> {
  const roles = await client.listRoles(ctx);
  const found = new Set<PartnerRoleName>();
  const wanted = aadObjectId.toLowerCase();
  for (const role of roles) {
    const name = partnerRoleNameOf(role);
    if (!name || found.has(name)) continue;
    const members = await client.listRoleMembers(role.id, ctx);
    if (members.some((m) => m.id.toLowerCase() === wanted)) found.add(name);
  }
  return PARTNER_ROLE_NAMES.filter((r) => found.has(r));
}

/**
 * Roles from Partner Center's roles API (`/v1/roles` + members). In embedded mode the simulator's
 * roster answers; users it does not list get `defaultRole` (the simulator's configurable default).
 */
export class PartnerCenterRoleService implements RoleService {
  constructor(
    private readonly client: PartnerCenterClient,
    private readonly options: { defaultRole?: PartnerRoleName; ctx?: Partial<CallContext> } = {},
  ) {}

  async rolesOf(aadObjectId: string): Promise<PartnerRoleName[]> {
    const roles = await resolvePartnerRoles(this.client, aadObjectId, { auth: 'app', ...this.options.ctx });
    if (roles.length === 0 && this.options.defaultRole) return [this.options.defaultRole];
    return roles;
  }
}
