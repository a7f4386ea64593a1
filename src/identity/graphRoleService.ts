import { AppError } from '../common/errors';
import { PARTNER_ROLE_NAMES, type PartnerRoleName } from '../domain/roles';
import { GLOBAL_ADMIN_ROLE_TEMPLATE_ID } from './partnerCenterRoles';
import type { RoleService } from '../domain/roles';
import type { Logger } from '../logging/logger';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** The partner tenant's security groups Partner Center uses for its agent roles. */
const GROUP_ROLES: Readonly<Record<string, PartnerRoleName>> = {
  adminagents: 'AdminAgent',
  salesagents: 'SalesAgent',
  helpdeskagents: 'HelpdeskAgent',
};

export class RoleLookupError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('roles_unavailable', message, options);
  }
}

export interface GraphRoleServiceOptions {
  /** App-only Graph token (client credentials, `https://graph.microsoft.com/.default`). */
  getToken: () => Promise<string>;
  logger: Logger;
  baseUrl?: string;
  timeoutMs?: number;
  /** Safety cap on followed `@odata.nextLink` pages. */
  maxPages?: number;
  fetch?: typeof fetch;
}

interface DirectoryObject {
  '@odata.type'?: string;
  displayName?: string | null;
  roleTemplateId?: string | null;
}

/**
 * Production roles: Microsoft Graph `/users/{id}/transitiveMemberOf` with an App-only token —
 * the Global Administrator directory role (by template id) and the partner tenant's
 * AdminAgents / SalesAgents / HelpdeskAgents groups, as Partner Center itself decides.
 * Wrap it in CachingRoleService: every lookup costs at least one Graph call.
 */
export class GraphRoleService implements RoleService {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: GraphRoleServiceOptions) {
    this.baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
  }

  async rolesOf(aadObjectId: string): Promise<PartnerRoleName[]> {
    if (!/^[0-9a-fA-F-]{36}$/.test(aadObjectId)) return [];
    const found = new Set<PartnerRoleName>();
    let url: string | undefined =
      `${this.baseUrl}/users/${aadObjectId}/transitiveMemberOf?$select=id,displayName,roleTemplateId&$top=999`;
    const token = await this.options.getToken();
    for (let page = 0; url && page < (this.options.maxPages ?? 20); page++) {
      const body = await this.get(url, token);
      if (!body) return []; // unknown user: no roles
      for (const item of body.value ?? []) {
        const role = roleOf(item);
        if (role) found.add(role);
      }
      url = body['@odata.nextLink'];
    }
    return PARTNER_ROLE_NAMES.filter((r) => found.has(r));
  }

  private async get(
    url: string,
    token: string,
  ): Promise<{ value?: DirectoryObject[]; '@odata.nextLink'?: string } | undefined> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new RoleLookupError('Microsoft Graph is not reachable', { cause: err });
    }
    // A user Graph does not know has no partner roles.
    if (response.status === 404) return undefined;
    if (!response.ok) {
      this.options.logger.warn({ status: response.status }, 'graph role lookup failed');
      throw new RoleLookupError(`Microsoft Graph answered ${response.status}`);
    }
    return (await response.json()) as { value?: DirectoryObject[]; '@odata.nextLink'?: string };
  }
}

function roleOf(item: DirectoryObject): PartnerRoleName | undefined {
  const type = item['@odata.type'] ?? '';
  if (type === '#microsoft.graph.directoryRole') {
    return item.roleTemplateId?.toLowerCase() === GLOBAL_ADMIN_ROLE_TEMPLATE_ID ? 'GlobalAdmin' : undefined;
  }
  if (type === '#microsoft.graph.group') return GROUP_ROLES[(item.displayName ?? '').toLowerCase()];
  return undefined;
}
