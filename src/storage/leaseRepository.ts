import type { Container } from '@azure/cosmos';
import { cosmosStatus, toStorageError } from './errors';
import { toCosmosId } from './keys';

/** A lease document: who holds `name` until when. */
interface Lease {
  id: string;
  type: 'lease';
  owner: string;
  acquiredAt: string;
  expiresAt: string;
  /** Cosmos TTL (seconds): the document disappears some time after it expired. */
  ttl: number;
}

/**
 * Leases in the `leases` container (partition `/id`, TTL on): at most one owner per name at a
 * time. Expiry is decided by `expiresAt` (not by the TTL, which Cosmos applies lazily); taking
 * over an expired lease or renewing one's own is ETag-guarded, so two instances never both win.
 */
export interface LeaseRepository {
  /** Acquires or renews `name` for `durationMs`. True when `owner` holds it afterwards. */
  tryAcquire(name: string, owner: string, durationMs: number): Promise<boolean>;
  /** Gives the lease up if `owner` holds it (others may take it at once). */
  release(name: string, owner: string): Promise<void>;
}

type CosmosLease = Lease & { _etag?: string };

export class CosmosLeaseRepository implements LeaseRepository {
  constructor(
    private readonly container: Container,
    private readonly now: () => number = Date.now,
  ) {}

  async tryAcquire(name: string, owner: string, durationMs: number): Promise<boolean> {
    const id = toCosmosId(`lease:${name}`);
    const now = this.now();
    const lease: Lease = {
      id,
      type: 'lease',
      owner,
      acquiredAt: new Date(now).toISOString(),
      expiresAt: new Date(now + durationMs).toISOString(),
      ttl: Math.max(60, Math.ceil((durationMs * 2) / 1000)),
    };
    const current = await this.read(id);
    if (!current) {
      try {
        await this.container.items.create(lease);
        return true;
      } catch (err) {
        if (cosmosStatus(err) === 409) return false; // another instance created it first
        throw toStorageError(err, 'lease create');
      }
    }
    const mine = current.owner === owner;
    if (!mine && Date.parse(current.expiresAt) > now) return false;
    try {
      await this.container.item(id, id).replace(mine ? { ...lease, acquiredAt: current.acquiredAt } : lease, {
        accessCondition: { type: 'IfMatch', condition: current._etag ?? '*' },
      });
      return true;
    } catch (err) {
      const status = cosmosStatus(err);
      if (status === 412 || status === 404) return false; // someone else renewed or took it meanwhile
      throw toStorageError(err, 'lease replace');
    }
  }

  async release(name: string, owner: string): Promise<void> {
    const id = toCosmosId(`lease:${name}`);
    const current = await this.read(id);
    if (!current || current.owner !== owner) return;
    try {
      await this.container.item(id, id).delete({
        accessCondition: { type: 'IfMatch', condition: current._etag ?? '*' },
      });
    } catch (err) {
      const status = cosmosStatus(err);
      if (status === 412 || status === 404) return;
      throw toStorageError(err, 'lease release');
    }
  }

  private async read(id: string): Promise<CosmosLease | undefined> {
    try {
      const { resource } = await this.container.item(id, id).read<CosmosLease>();
      return resource ?? undefined;
    } catch (err) {
      if (cosmosStatus(err) === 404) return undefined;
      throw toStorageError(err, 'lease read');
    }
  }
}
