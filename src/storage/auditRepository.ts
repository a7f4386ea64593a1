import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { AuditEntry, AuditLog } from '../domain/audit';
import { cosmosStatus, toStorageError } from './errors';

/** Append-only audit log in the `audit` container (partition `/partnerTenantId`). */
export class CosmosAuditLog implements AuditLog {
  constructor(
    private readonly container: Container,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append(input: Omit<AuditEntry, 'id' | 'at'> & { id?: string; at?: string }): Promise<AuditEntry> {
    const entry: AuditEntry = {
      ...input,
      id: input.id ?? randomUUID(),
      at: input.at ?? this.now().toISOString(),
    };
    try {
      await this.container.items.create(entry);
    } catch (err) {
      // Same id written before (a retried turn): the first entry stands, append-only.
      if (cosmosStatus(err) === 409) return entry;
      throw toStorageError(err, 'audit append');
    }
    return entry;
  }

  async latest(partnerTenantId: string, limit: number): Promise<AuditEntry[]> {
    try {
      const { resources } = await this.container.items
        .query<AuditEntry>(
          {
            query: 'SELECT TOP @n * FROM c WHERE c.partnerTenantId = @p ORDER BY c.at DESC',
            parameters: [
              { name: '@n', value: limit },
              { name: '@p', value: partnerTenantId },
            ],
          },
          { partitionKey: partnerTenantId },
        )
        .fetchAll();
      return resources.map(stripSystem);
    } catch (err) {
      throw toStorageError(err, 'audit query');
    }
  }
}

export function stripSystem<T extends object>(doc: T): T {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) clean[k] = v;
  return clean as T;
}
