import type { Container } from '@azure/cosmos';
import type { Invitation, InvitationQuery, InvitationRepository } from '../domain/invitations';
import { stripSystem } from './auditRepository';
import { StorageError, cosmosStatus, toStorageError } from './errors';

type Stored = Invitation & { _etag?: string };

/** Invitations in the `invitations` container, partition `/partnerTenantId` (lists stay single-partition). */
export class CosmosInvitationRepository implements InvitationRepository {
  constructor(private readonly container: Container) {}

  async create(invitation: Invitation): Promise<{ invitation: Invitation; created: boolean }> {
    try {
      await this.container.items.create(invitation);
      return { invitation, created: true };
    } catch (err) {
      if (cosmosStatus(err) === 409) {
        // Same id stored before (a double click): the first one stands.
        const existing = await this.get(invitation.partnerTenantId, invitation.id);
        if (existing) return { invitation: existing, created: false };
      }
      throw toStorageError(err, 'invitation create');
    }
  }

  async get(partnerTenantId: string, id: string): Promise<Invitation | undefined> {
    const stored = await this.read(partnerTenantId, id);
    return stored ? stripSystem(stored) : undefined;
  }

  private async read(partnerTenantId: string, id: string): Promise<Stored | undefined> {
    try {
      const { resource } = await this.container.item(id, partnerTenantId).read<Stored>();
      return resource ?? undefined;
    } catch (err) {
      if (cosmosStatus(err) === 404) return undefined; // unknown id: not an error for a lookup
      throw toStorageError(err, 'invitation read');
    }
  }

  async list(
    partnerTenantId: string,
    query: InvitationQuery,
  ): Promise<{ items: Invitation[]; continuation?: string }> {
    const filters = ['c.partnerTenantId = @p'];
    const parameters: { name: string; value: string }[] = [{ name: '@p', value: partnerTenantId }];
    if (query.status) {
      filters.push('c.status = @s');
      parameters.push({ name: '@s', value: query.status });
    }
    if (query.createdBy) {
      filters.push('c.createdBy.aadObjectId = @u');
      parameters.push({ name: '@u', value: query.createdBy });
    }
    if (query.relationshipId) {
      filters.push('c.relationshipId = @r');
      parameters.push({ name: '@r', value: query.relationshipId });
    }
    if (query.withRelationship) filters.push('IS_DEFINED(c.relationshipId)');
    try {
      const response = await this.container.items
        .query<Stored>(
          { query: `SELECT * FROM c WHERE ${filters.join(' AND ')} ORDER BY c.createdAt DESC`, parameters },
          { partitionKey: partnerTenantId, maxItemCount: query.limit, continuationToken: query.continuation },
        )
        .fetchNext();
      return {
        items: response.resources.map((r) => stripSystem(r)),
        continuation: response.continuationToken,
      };
    } catch (err) {
      throw toStorageError(err, 'invitation list');
    }
  }

  async update(
    partnerTenantId: string,
    id: string,
    change: (current: Invitation) => Invitation | undefined,
  ): Promise<Invitation | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.read(partnerTenantId, id);
      if (!current) return undefined;
      const next = change(stripSystem(current));
      if (!next) return stripSystem(current);
      try {
        await this.container
          .item(id, partnerTenantId)
          .replace(
            { ...next, id, partnerTenantId },
            { accessCondition: { type: 'IfMatch', condition: current._etag ?? '*' } },
          );
        return next;
      } catch (err) {
        if (cosmosStatus(err) === 412) continue; // changed concurrently: read again and re-apply
        throw toStorageError(err, 'invitation update');
      }
    }
    throw new StorageError('etag_conflict', 'invitation kept changing concurrently; update given up');
  }
}
