import type { Container } from '@azure/cosmos';
import { cosmosStatus, toStorageError } from './errors';
import { toCosmosId } from './keys';

/** Records that something was processed, once, across instances (create-if-absent with a TTL). */
export interface ProcessedActivityStore {
  /** True the first time `key` is marked; false when it was marked before. */
  markProcessed(key: string): Promise<boolean>;
}

export class CosmosProcessedActivityStore implements ProcessedActivityStore {
  constructor(
    private readonly container: Container,
    private readonly ttlSeconds = 24 * 3600,
  ) {}

  async markProcessed(key: string): Promise<boolean> {
    const id = toCosmosId(key);
    try {
      await this.container.items.create({
        id,
        kind: 'processed',
        ttl: this.ttlSeconds,
        at: new Date().toISOString(),
      });
      return true;
    } catch (err) {
      if (cosmosStatus(err) === 409) return false; // processed before: the expected duplicate case
      throw toStorageError(err, 'dedupe record');
    }
  }
}
