import type { Container } from '@azure/cosmos';
import type {
  RemovalRequest,
  RemovalRequestRepository,
  StoredRemovalRequest,
} from '../domain/removalRequests';
import { stripSystem } from './auditRepository';
import { cosmosStatus, toStorageError } from './errors';

type Doc = RemovalRequest & { _etag?: string };

/**
 * Removal requests in the `removal-requests` container, partition `/partnerTenantId`, id = the
 * customer id: the customer record's point read and the job's list both stay in one partition.
 * Every change is an IfMatch replace on the ETag read.
 */
export class CosmosRemovalRequestRepository implements RemovalRequestRepository {
  constructor(private readonly container: Container) {}

  async get(partnerTenantId: string, customerId: string): Promise<StoredRemovalRequest | undefined> {
    try {
      const { resource } = await this.container.item(customerId, partnerTenantId).read<Doc>();
      return resource ? toStored(resource) : undefined;
    } catch (err) {
      if (cosmosStatus(err) === 404) return undefined;
      throw toStorageError(err, 'removal request read');
    }
  }

  async create(request: RemovalRequest): Promise<{ request: StoredRemovalRequest; created: boolean }> {
    try {
      const { resource } = await this.container.items.create<RemovalRequest>(request);
      return { request: toStored(resource ?? request), created: true };
    } catch (err) {
      if (cosmosStatus(err) !== 409) throw toStorageError(err, 'removal request create');
    }
    const existing = await this.get(request.partnerTenantId, request.id);
    if (!existing || existing.status === 'open') {
      if (existing) return { request: existing, created: false };
      // Deleted in between: try once more.
      return this.create(request);
    }
    const replaced = await this.replaceIfMatch(request, existing.etag);
    if (replaced) return { request: replaced, created: true };
    // Changed concurrently (another Done): whatever stands now is the request.
    const now = await this.get(request.partnerTenantId, request.id);
    if (!now) throw toStorageError(new Error('removal request vanished'), 'removal request create');
    return { request: now, created: false };
  }

  async replaceIfMatch(request: RemovalRequest, etag: string): Promise<StoredRemovalRequest | undefined> {
    try {
      const { resource } = await this.container
        .item(request.id, request.partnerTenantId)
        .replace<RemovalRequest>(stripEtag(request), {
          accessCondition: { type: 'IfMatch', condition: etag },
        });
      return resource ? toStored(resource) : undefined;
    } catch (err) {
      if (cosmosStatus(err) === 412 || cosmosStatus(err) === 404) return undefined;
      throw toStorageError(err, 'removal request replace');
    }
  }

  async listUnfinished(partnerTenantId: string, limit: number): Promise<StoredRemovalRequest[]> {
    try {
      const { resources } = await this.container.items
        .query<Doc>(
          {
            query:
              "SELECT TOP @n * FROM c WHERE c.partnerTenantId = @p AND c.status != 'notified' ORDER BY c.requestedAt ASC",
            parameters: [
              { name: '@n', value: limit },
              { name: '@p', value: partnerTenantId },
            ],
          },
          { partitionKey: partnerTenantId },
        )
        .fetchAll();
      return resources.map(toStored);
    } catch (err) {
      throw toStorageError(err, 'removal request list');
    }
  }
}

function toStored(doc: Doc): StoredRemovalRequest {
  const etag = doc._etag ?? '';
  return { ...stripEtag(stripSystem(doc)), etag };
}

function stripEtag(request: RemovalRequest & { etag?: string }): RemovalRequest {
  const { etag: _etag, ...rest } = request;
  return rest;
}
