import { GraphError } from './errors';
import { adminCenterApprovalLink, type GdapCallOptions, type GdapClient } from './gdapClient';
import { GraphTransport, type GraphTransportOptions } from './graphTransport';
import type {
  AccessAssignment,
  CreateAccessAssignmentInput,
  CreateRelationshipInput,
  DelegatedAdminRelationship,
  RelationshipFilter,
  RelationshipRequest,
  RelationshipRequestAction,
} from './types';
import { toAccessAssignment, toRelationship, toRequest, unifiedRoles } from './wire';

export { GRAPH_BASE_URL } from './graphTransport';

const RELATIONSHIPS = '/tenantRelationships/delegatedAdminRelationships';
const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface HttpGdapClientOptions extends GraphTransportOptions {
  /** Builds the customer's approval link; default the Microsoft 365 admin center's. */
  approvalLink?: (relationshipId: string) => string;
}

/**
 * Microsoft Graph GDAP over HTTPS (or the simulator over HTTP). See GdapClient; retries and
 * timeouts in GraphTransport. Creating POSTs are never repeated after an unknown outcome: each
 * one's `recover` reads the state instead (see RetryMode).
 */
export class HttpGdapClient implements GdapClient {
  private readonly transport: GraphTransport;

  constructor(private readonly options: HttpGdapClientOptions) {
    this.transport = new GraphTransport(options);
  }

  get apiRoot(): string {
    return this.transport.root;
  }

  approvalLink(relationshipId: string): string {
    return (this.options.approvalLink ?? adminCenterApprovalLink)(relationshipId);
  }

  async createRelationship(
    input: CreateRelationshipInput,
    options: GdapCallOptions = {},
  ): Promise<DelegatedAdminRelationship> {
    if (!input.displayName || input.displayName.length > 50) {
      throw new GraphError('badRequest', 'displayName must be 1 to 50 characters');
    }
    if (input.customer && !GUID.test(input.customer.tenantId)) {
      throw new GraphError('badRequest', 'customer.tenantId must be a GUID');
    }
    const body: Record<string, unknown> = {
      displayName: input.displayName,
      duration: input.duration,
      accessDetails: unifiedRoles(input.roleDefinitionIds),
      autoExtendDuration: input.autoExtendDuration ?? 'PT0S',
    };
    if (input.customer) body['customer'] = { ...input.customer };
    return this.transport.send(
      {
        name: 'createRelationship',
        method: 'POST',
        path: RELATIONSHIPS,
        body,
        mode: 'once',
        parse: toRelationship,
        recover: async () => {
          const found = await this.listRelationships({ displayName: input.displayName }, options);
          return found.find(
            (r) => r.status === 'created' && sameSet(r.roleDefinitionIds, input.roleDefinitionIds),
          );
        },
      },
      options,
    );
  }

  async lockForApproval(relationshipId: string, options: GdapCallOptions = {}): Promise<RelationshipRequest> {
    return this.request(relationshipId, 'lockForApproval', options);
  }

  async terminate(relationshipId: string, options: GdapCallOptions = {}): Promise<RelationshipRequest> {
    return this.request(relationshipId, 'terminate', options);
  }

  private async request(
    relationshipId: string,
    action: RelationshipRequestAction,
    options: GdapCallOptions,
  ): Promise<RelationshipRequest> {
    const id = checkId(relationshipId);
    const after =
      action === 'lockForApproval'
        ? ['approvalPending', 'approved', 'activating', 'active']
        : ['terminationRequested', 'terminating', 'terminated'];
    return this.transport.send(
      {
        name: action,
        method: 'POST',
        path: `${RELATIONSHIPS}/${id}/requests`,
        body: { action },
        mode: 'once',
        parse: toRequest,
        recover: async () => {
          const r = await this.getRelationship(id, options);
          return after.includes(r.status) ? { id: '', action, status: 'succeeded' } : undefined;
        },
      },
      options,
    );
  }

  async getRelationship(
    relationshipId: string,
    options: GdapCallOptions = {},
  ): Promise<DelegatedAdminRelationship> {
    const id = checkId(relationshipId);
    return this.transport.send(
      {
        name: 'getRelationship',
        method: 'GET',
        path: `${RELATIONSHIPS}/${id}`,
        mode: 'idempotent',
        parse: toRelationship,
      },
      options,
    );
  }

  async listRelationships(
    filter: RelationshipFilter = {},
    options: GdapCallOptions = {},
  ): Promise<DelegatedAdminRelationship[]> {
    const clauses: string[] = [];
    if (filter.customerTenantId !== undefined) {
      if (!GUID.test(filter.customerTenantId))
        throw new GraphError('badRequest', 'customer tenant id must be a GUID');
      clauses.push(`customer/tenantId eq '${filter.customerTenantId}'`);
    }
    if (filter.status !== undefined) clauses.push(`status eq '${odataString(filter.status)}'`);
    if (filter.displayName !== undefined) clauses.push(`displayName eq '${odataString(filter.displayName)}'`);
    const query = clauses.length ? `?$filter=${encodeURIComponent(clauses.join(' and '))}` : '';
    return this.transport.collect('listRelationships', `${RELATIONSHIPS}${query}`, toRelationship, options);
  }

  async deleteRelationship(
    relationshipId: string,
    etag: string,
    options: GdapCallOptions = {},
  ): Promise<void> {
    const id = checkId(relationshipId);
    if (!etag || /[\r\n]/.test(etag)) throw new GraphError('badRequest', 'an etag is required to delete');
    return this.transport.send(
      {
        name: 'deleteRelationship',
        method: 'DELETE',
        path: `${RELATIONSHIPS}/${id}`,
        headers: { 'If-Match': etag },
        mode: 'idempotent',
        parse: () => undefined,
      },
      options,
    );
  }

  async createAccessAssignment(
    relationshipId: string,
    input: CreateAccessAssignmentInput,
    options: GdapCallOptions = {},
  ): Promise<AccessAssignment> {
    const id = checkId(relationshipId);
    if (!GUID.test(input.securityGroupId))
      throw new GraphError('badRequest', 'securityGroupId must be a GUID');
    return this.transport.send(
      {
        name: 'createAccessAssignment',
        method: 'POST',
        path: `${RELATIONSHIPS}/${id}/accessAssignments`,
        body: {
          accessContainer: { accessContainerId: input.securityGroupId, accessContainerType: 'securityGroup' },
          accessDetails: unifiedRoles(input.roleDefinitionIds),
        },
        mode: 'once',
        parse: toAccessAssignment,
        recover: async () => {
          const all = await this.listAccessAssignments(id, options);
          return all.find(
            (a) =>
              a.securityGroupId.toLowerCase() === input.securityGroupId.toLowerCase() &&
              a.status !== 'deleted',
          );
        },
      },
      options,
    );
  }

  async listAccessAssignments(
    relationshipId: string,
    options: GdapCallOptions = {},
  ): Promise<AccessAssignment[]> {
    const id = checkId(relationshipId);
    return this.transport.collect(
      'listAccessAssignments',
      `${RELATIONSHIPS}/${id}/accessAssignments`,
      toAccessAssignment,
      options,
    );
  }
}

function checkId(id: string): string {
  if (typeof id !== 'string' || !ID.test(id)) throw new GraphError('badRequest', 'Invalid relationship id');
  return id;
}

function odataString(value: string): string {
  return value.replace(/'/g, "''");
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((s) => s.toLowerCase()));
  return x.size === new Set(b.map((s) => s.toLowerCase())).size && b.every((s) => x.has(s.toLowerCase()));
}
