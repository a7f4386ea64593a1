/** In-memory GdapClient for unit tests: the simulator's model without HTTP, errors as GraphError. */
import { classifyGraphError, GraphError } from '../../../src/graph/errors';
import type { GdapClient } from '../../../src/graph/gdapClient';
import type {
  AccessAssignment,
  CreateAccessAssignmentInput,
  CreateRelationshipInput,
  DelegatedAdminRelationship,
  RelationshipFilter,
  RelationshipRequest,
} from '../../../src/graph/types';
import { toAccessAssignment, toRelationship } from '../../../src/graph/wire';
import { GdapSimulatorModel, type GdapSimulatorOptions } from '../../../src/simulator/gdap/model';
import { assignmentToWire, GraphSimError, relationshipToWire } from '../../../src/simulator/gdap/wire';

export class FakeGdapClient implements GdapClient {
  readonly model: GdapSimulatorModel;
  readonly calls: string[] = [];

  constructor(options: GdapSimulatorOptions = {}) {
    this.model = new GdapSimulatorModel(options);
  }

  private run<T>(name: string, fn: () => T): Promise<T> {
    this.calls.push(name);
    try {
      return Promise.resolve(fn());
    } catch (e) {
      if (!(e instanceof GraphSimError)) return Promise.reject(e);
      const kind = classifyGraphError(e.status, { code: e.code, message: e.message });
      return Promise.reject(
        new GraphError(kind, `Graph ${name} failed with HTTP ${e.status}: ${e.message}`, {
          status: e.status,
          graphCode: e.code,
          graphMessage: e.message,
          operation: name,
        }),
      );
    }
  }

  createRelationship(input: CreateRelationshipInput): Promise<DelegatedAdminRelationship> {
    return this.run('createRelationship', () => {
      if (!input.displayName || input.displayName.length > 50)
        throw new GraphSimError(400, 'BadRequest', 'displayName');
      const r = this.model.createRelationship({
        displayName: input.displayName,
        duration: input.duration,
        accessDetails: {
          unifiedRoles: input.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })),
        },
        autoExtendDuration: input.autoExtendDuration ?? 'PT0S',
        customer: input.customer,
      });
      return toRelationship(relationshipToWire(r));
    });
  }

  lockForApproval(id: string): Promise<RelationshipRequest> {
    return this.run('lockForApproval', () => this.request(id, 'lockForApproval'));
  }

  terminate(id: string): Promise<RelationshipRequest> {
    return this.run('terminate', () => this.request(id, 'terminate'));
  }

  private request(id: string, action: string): RelationshipRequest {
    const q = this.model.createRequest(id, { action });
    return {
      id: q.id,
      action: q.action,
      status: q.status,
      createdDateTime: new Date(q.createdAt).toISOString(),
    };
  }

  getRelationship(id: string): Promise<DelegatedAdminRelationship> {
    return this.run('getRelationship', () =>
      toRelationship(relationshipToWire(this.model.getRelationship(id))),
    );
  }

  listRelationships(filter: RelationshipFilter = {}): Promise<DelegatedAdminRelationship[]> {
    return this.run('listRelationships', () =>
      this.model
        .listRelationships(
          (r) =>
            (filter.customerTenantId === undefined ||
              r.customer?.tenantId === filter.customerTenantId.toLowerCase()) &&
            (filter.status === undefined || r.status === filter.status) &&
            (filter.displayName === undefined || r.displayName === filter.displayName),
        )
        .map((r) => toRelationship(relationshipToWire(r))),
    );
  }

  deleteRelationship(id: string, etag: string): Promise<void> {
    return this.run('deleteRelationship', () => this.model.deleteRelationship(id, etag));
  }

  createAccessAssignment(id: string, input: CreateAccessAssignmentInput): Promise<AccessAssignment> {
    return this.run('createAccessAssignment', () =>
      toAccessAssignment(
        assignmentToWire(
          this.model.createAccessAssignment(id, {
            accessContainer: {
              accessContainerId: input.securityGroupId,
              accessContainerType: 'securityGroup',
            },
            accessDetails: {
              unifiedRoles: input.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })),
            },
          }),
        ),
      ),
    );
  }

  listAccessAssignments(id: string): Promise<AccessAssignment[]> {
    return this.run('listAccessAssignments', () =>
      this.model.listAccessAssignments(id).map((a) => toAccessAssignment(assignmentToWire(a))),
    );
  }

  approvalLink(id: string): string {
    return `fake://approve/${id}`;
  }
}
