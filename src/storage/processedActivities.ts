import type { Container } from '@azure/cosmos';
import { cosmosStatus, toStorageError } from './errors';
import { toCosmosId } from './keys';

/** A claimed activity: the turn runs; a failed turn gives the claim back so a redelivery runs again. */
interface ActivityClaim {
  /** Removes the record this claim created (ETag-guarded: never someone else's). */
  release(): Promise<void>;
}

/** Records that something was processed, once, across instances (create-if-absent with a TTL). */
export interface ProcessedActivityStore {
  /**
   * Claims `key` for one turn: undefined when it was claimed before (processed, or being processed
   * by another instance). The record stays as the "processed" mark unless the claim is released.
   */
  claim(key: string): Promise<ActivityClaim | undefined>;
}

export class CosmosProcessedActivityStore implements ProcessedActivityStore {
  constructor(
    private readonly container: Container,
    private readonly ttlSeconds = 24 * 3600,
  ) {}

  async claim(key: string): Promise<ActivityClaim | undefined> {
    const id = toCosmosId(key);
    let etag: string | undefined;
    try {
      const { resource } = await this.container.items.create({
        id,
        kind: 'processed',
        ttl: this.ttlSeconds,
        at: new Date().toISOString(),
      });
      etag = (resource as { _etag?: string } | undefined)?._etag;
    } catch (err) {
      if (cosmosStatus(err) === 409) return undefined; // processed before: the expected duplicate case
      throw toStorageError(err, 'dedupe record');
    }
    return { release: () => this.release(id, etag) };
  }

  private async release(id: string, etag: string | undefined): Promise<void> {
    try {
      await this.container
        .item(id, id)
        .delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined);
    } catch (err) {
      const status = cosmosStatus(err);
      if (status === 404 || status === 412) return; // gone already, or no longer this claim's record
      throw toStorageError(err, 'dedupe release');
    }
  }
}
