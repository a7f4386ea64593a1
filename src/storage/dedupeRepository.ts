import type { Container } from '@azure/cosmos';
import { stripSystem } from './auditRepository';
import { cosmosStatus, toStorageError } from './errors';
import { toCosmosId } from './keys';

/** Every record in the `dedupe` container: an idempotency key (`id`) plus what it decided. */
export interface DedupeRecord {
  id: string;
  /** What the record is for ('event', 'acceptance', 'reminder', …); lets jobs query one kind. */
  type: string;
  /** Seconds until Cosmos deletes the record; -1 = never (overrides the container default). */
  ttl?: number;
  [field: string]: unknown;
}

export type Stored<T> = T & { etag: string };

/**
 * Idempotency records in the `dedupe` container (partition `/id`, TTL on). `tryCreate` is the
 * create-if-absent primitive every "exactly once" decision rests on: of any number of instances
 * creating the same id, exactly one gets `true`.
 */
export interface DedupeRepository {
  /** Creates the record unless one with its id exists: the stored record when THIS call created it. */
  tryCreate<T extends DedupeRecord>(record: T): Promise<Stored<T> | undefined>;
  read<T extends DedupeRecord>(id: string): Promise<Stored<T> | undefined>;
  /** Replaces the record if it still has `etag`; false when it changed (or vanished) meanwhile. */
  replaceIfMatch<T extends DedupeRecord>(record: T, etag: string): Promise<Stored<T> | undefined>;
  delete(id: string): Promise<void>;
  /** Records of one type whose `field` is below `before` (cross-partition; background jobs only). */
  findOlderThan<T extends DedupeRecord>(
    type: string,
    filter: { field: string; before: string; where?: Record<string, string> },
    limit: number,
  ): Promise<Stored<T>[]>;
}

type CosmosDoc = DedupeRecord & { _etag?: string };

export class CosmosDedupeRepository implements DedupeRepository {
  constructor(private readonly container: Container) {}

  async tryCreate<T extends DedupeRecord>(record: T): Promise<Stored<T> | undefined> {
    const body = withoutEtag(record);
    try {
      const { resource } = await this.container.items.create<CosmosDoc>(body);
      return withEtag<T>(resource ?? body);
    } catch (err) {
      if (cosmosStatus(err) === 409) return undefined;
      throw toStorageError(err, 'dedupe create');
    }
  }

  async read<T extends DedupeRecord>(id: string): Promise<Stored<T> | undefined> {
    const key = toCosmosId(id);
    try {
      const { resource } = await this.container.item(key, key).read<CosmosDoc>();
      return resource ? withEtag<T>(resource) : undefined;
    } catch (err) {
      if (cosmosStatus(err) === 404) return undefined;
      throw toStorageError(err, 'dedupe read');
    }
  }

  async replaceIfMatch<T extends DedupeRecord>(record: T, etag: string): Promise<Stored<T> | undefined> {
    const key = toCosmosId(record.id);
    const body = withoutEtag(record);
    try {
      const { resource } = await this.container
        .item(key, key)
        .replace<CosmosDoc>(body, { accessCondition: { type: 'IfMatch', condition: etag } });
      return resource ? withEtag<T>(resource) : undefined;
    } catch (err) {
      const status = cosmosStatus(err);
      if (status === 412 || status === 404) return undefined;
      throw toStorageError(err, 'dedupe replace');
    }
  }

  async delete(id: string): Promise<void> {
    const key = toCosmosId(id);
    try {
      await this.container.item(key, key).delete();
    } catch (err) {
      if (cosmosStatus(err) === 404) return;
      throw toStorageError(err, 'dedupe delete');
    }
  }

  async findOlderThan<T extends DedupeRecord>(
    type: string,
    filter: { field: string; before: string; where?: Record<string, string> },
    limit: number,
  ): Promise<Stored<T>[]> {
    if (!/^[a-zA-Z]+$/.test(filter.field)) throw new Error(`invalid field ${filter.field}`);
    const conditions = ['c.type = @type', `c.${filter.field} < @before`];
    const parameters = [
      { name: '@type', value: type },
      { name: '@before', value: filter.before },
      { name: '@n', value: limit },
    ];
    Object.entries(filter.where ?? {}).forEach(([field, value], i) => {
      if (!/^[a-zA-Z]+$/.test(field)) throw new Error(`invalid field ${field}`);
      conditions.push(`c.${field} = @w${i}`);
      parameters.push({ name: `@w${i}`, value });
    });
    try {
      const { resources } = await this.container.items
        .query<CosmosDoc>({ query: `SELECT TOP @n * FROM c WHERE ${conditions.join(' AND ')}`, parameters })
        .fetchAll();
      return resources.map((r) => withEtag<T>(r));
    } catch (err) {
      throw toStorageError(err, 'dedupe query');
    }
  }
}

/** The record as stored: a valid Cosmos id, and without the `etag` a read added. */
function withoutEtag(record: DedupeRecord): CosmosDoc {
  const { etag: _etag, ...body } = record as DedupeRecord & { etag?: unknown };
  return { ...body, id: toCosmosId(record.id) };
}

function withEtag<T extends DedupeRecord>(doc: CosmosDoc): Stored<T> {
  const etag = doc._etag ?? '*';
  return { ...(stripSystem(doc) as T), etag };
}
