import type { Container } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';
import { StorageError, cosmosStatus, toStorageError } from './errors';
import { toCosmosId } from './keys';

interface StateDocument {
  id: string;
  realId: string;
  document: Record<string, unknown>;
  _etag?: string;
}

/**
 * Bot state storage over one Cosmos container partitioned by `/id`, with botbuilder's
 * MemoryStorage semantics for ETags: an item with `eTag` other than `*` is written only if the
 * stored item still has that ETag (or does not exist yet); a mismatch throws an ETag conflict.
 * After a successful write the item's `eTag` is set to the stored one.
 */
export class CosmosBotStorage implements Storage {
  constructor(private readonly container: Container) {}

  async read(keys: string[]): Promise<StoreItems> {
    const result: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = toCosmosId(key);
        try {
          const { resource, statusCode } = await this.container.item(id, id).read<StateDocument>();
          if (statusCode === 404 || !resource) return;
          result[key] = { ...resource.document, eTag: resource._etag };
        } catch (err) {
          // A missing item is not an error for a read: the key simply has no state yet.
          if (cosmosStatus(err) === 404) return;
          throw toStorageError(err, 'bot state read');
        }
      }),
    );
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        const { eTag, ...rest } = (value ?? {}) as Record<string, unknown> & { eTag?: string };
        const id = toCosmosId(key);
        const doc: StateDocument = { id, realId: key, document: rest };
        try {
          let written: { _etag?: string } | undefined;
          if (!eTag || eTag === '*') {
            written = (await this.container.items.upsert(doc)).resource;
          } else {
            try {
              written = (
                await this.container
                  .item(id, id)
                  .replace(doc, { accessCondition: { type: 'IfMatch', condition: eTag } })
              ).resource;
            } catch (err) {
              if (cosmosStatus(err) !== 404) throw err;
              // Not stored yet: a first write with an ETag creates it; a concurrent creator wins (409 → conflict).
              written = (await this.container.items.create(doc)).resource;
            }
          }
          // Hand the new ETag back on the item, so the caller can write again without a read.
          if (value && written?._etag) (value as { eTag?: string }).eTag = written._etag;
        } catch (err) {
          const status = cosmosStatus(err);
          if (status === 412 || status === 409) {
            throw new StorageError(
              'etag_conflict',
              `eTag conflict: pre-condition is not met for a state key`,
              {
                cause: err,
              },
            );
          }
          throw toStorageError(err, 'bot state write');
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const id = toCosmosId(key);
        try {
          await this.container.item(id, id).delete();
        } catch (err) {
          // Deleting what is not there is a no-op, as in MemoryStorage.
          if (cosmosStatus(err) === 404) return;
          throw toStorageError(err, 'bot state delete');
        }
      }),
    );
  }
}
