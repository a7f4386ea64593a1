import type { CallContext, PartnerCenterClient } from '../partnerCenter/client';
import { resolvePartnerRoles } from '../partnerCenter/roles';
import type { PartnerRoleName } from '../partnerCenter/types';
import type { RoleService } from './roles';

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
