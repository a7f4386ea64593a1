import { AppError } from '../common/errors';
import { PARTNER_ROLE_NAMES, type PartnerRoleName } from '../domain/roles';
import { GLOBAL_ADMIN_ROLE_TEMPLATE_ID } from './partnerCenterRoles';
import type { RoleService } from '../domain/roles';
import type { Logger } from '../logging/logger';
import { httpAttempt } from '../resilience';

const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
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

interface GraphRoleServiceOptions {
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
    // One timed attempt, no retries: a role lookup sits on a turn's path, and CachingRoleService
    // keeps earlier answers.
    const outcome = await httpAttempt(
      {
        url,
        method: 'GET',
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        timeoutMs: this.options.timeoutMs ?? 10_000,
      },
      this.fetchImpl,
    );
    if (outcome.type !== 'response') {
      const cause = outcome.type === 'network' ? outcome.cause : outcome;
      throw new RoleLookupError('Microsoft Graph is not reachable', { cause });
    }
    // A user Graph does not know has no partner roles.
    if (outcome.status === 404) return undefined;
    if (outcome.status < 200 || outcome.status > 299) {
      this.options.logger.warn({ status: outcome.status }, 'graph role lookup failed');
      throw new RoleLookupError(`Microsoft Graph answered ${outcome.status}`);
    }
    try {
      return JSON.parse(outcome.text) as { value?: DirectoryObject[]; '@odata.nextLink'?: string };
    } catch (err) {
      throw new RoleLookupError('Microsoft Graph answered with invalid JSON', { cause: err });
    }
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
