import type { CallContext, PartnerCenterClient } from './client';
import type { PartnerRole, PartnerRoleName } from './types';

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
  const order: PartnerRoleName[] = ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent'];
  return order.filter((r) => found.has(r));
}
