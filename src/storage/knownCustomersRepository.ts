import type { Container } from '@azure/cosmos';
import { cosmosStatus, toStorageError } from './errors';
import { toCosmosId } from './keys';

/** Customer ids per document: keeps every document far below Cosmos' 2 MB item limit. */
const IDS_PER_CHUNK = 5000;

interface SnapshotHead {
  id: string;
  type: 'knownCustomers';
  partnerTenantId: string;
  version: number;
  chunks: number;
  count: number;
  updatedAt: string;
}

interface SnapshotChunk {
  id: string;
  type: 'knownCustomersChunk';
  ids: string[];
}

/**
 * The reconciler's memory: which customers of a partner were already known at the last run, in
 * the `leases` container (partition `/id`; no TTL on these documents). Stored as a head document
 * plus versioned chunks; a new snapshot is written chunk by chunk and becomes visible when the
 * head points at its version, so a crash half-way leaves the previous snapshot intact.
 * Only the reconciler's lease holder writes it.
 */
export interface KnownCustomersRepository {
  /** The ids of the last snapshot, or undefined before the first (baseline) run. */
  load(partnerTenantId: string): Promise<Set<string> | undefined>;
  save(partnerTenantId: string, ids: Iterable<string>): Promise<void>;
}

export class CosmosKnownCustomersRepository implements KnownCustomersRepository {
  constructor(
    private readonly container: Container,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(partnerTenantId: string): Promise<Set<string> | undefined> {
    const head = await this.read<SnapshotHead>(headId(partnerTenantId));
    if (!head) return undefined;
    const ids = new Set<string>();
    for (let i = 0; i < head.chunks; i++) {
      const chunk = await this.read<SnapshotChunk>(chunkId(partnerTenantId, head.version, i));
      if (!chunk) throw toStorageError(new Error('snapshot chunk missing'), 'known customers load');
      for (const id of chunk.ids) ids.add(id);
    }
    return ids;
  }

  async save(partnerTenantId: string, ids: Iterable<string>): Promise<void> {
    const all = [...new Set(ids)].sort();
    const previous = await this.read<SnapshotHead>(headId(partnerTenantId));
    const version = (previous?.version ?? 0) + 1;
    const chunks = Math.max(1, Math.ceil(all.length / IDS_PER_CHUNK));
    try {
      for (let i = 0; i < chunks; i++) {
        const chunk: SnapshotChunk = {
          id: chunkId(partnerTenantId, version, i),
          type: 'knownCustomersChunk',
          ids: all.slice(i * IDS_PER_CHUNK, (i + 1) * IDS_PER_CHUNK),
        };
        await this.container.items.upsert(chunk);
      }
      const head: SnapshotHead = {
        id: headId(partnerTenantId),
        type: 'knownCustomers',
        partnerTenantId,
        version,
        chunks,
        count: all.length,
        updatedAt: this.now().toISOString(),
      };
      await this.container.items.upsert(head);
    } catch (err) {
      throw toStorageError(err, 'known customers save');
    }
    if (previous) {
      for (let i = 0; i < previous.chunks; i++) {
        const id = chunkId(partnerTenantId, previous.version, i);
        await this.container
          .item(id, id)
          .delete()
          .catch(() => undefined); // an orphaned old chunk is harmless
      }
    }
  }

  private async read<T extends object>(id: string): Promise<T | undefined> {
    try {
      const { resource } = await this.container.item(id, id).read<T & { id: string }>();
      return resource ?? undefined;
    } catch (err) {
      if (cosmosStatus(err) === 404) return undefined;
      throw toStorageError(err, 'known customers read');
    }
  }
}

function headId(partnerTenantId: string): string {
  return toCosmosId(`known-customers:${partnerTenantId}`);
}

function chunkId(partnerTenantId: string, version: number, index: number): string {
  return toCosmosId(`known-customers:${partnerTenantId}:v${version}:${index}`);
}
