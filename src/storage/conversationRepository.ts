import type { Container } from '@azure/cosmos';
import type { ConversationRecord, ConversationRepository } from '../domain/conversations';
import { stripSystem } from './auditRepository';
import { cosmosStatus, toStorageError } from './errors';
import { toCosmosId } from './keys';

type Stored = ConversationRecord & { _etag?: string };

/**
 * Conversation references in the `conversations` container (partition `/partnerTenantId`).
 * Every message turn calls `saveActive`; to keep the hot path at zero extra writes most of the
 * time, a record that was saved recently with the same content is not written again.
 */
export class CosmosConversationRepository implements ConversationRepository {
  private readonly recentlySaved = new Map<string, { fingerprint: string; at: number }>();

  constructor(
    private readonly container: Container,
    private readonly options: { refreshAfterMs: number; maxCached: number; now?: () => number } = {
      refreshAfterMs: 10 * 60_000,
      maxCached: 10_000,
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  async get(partnerTenantId: string, conversationId: string): Promise<ConversationRecord | undefined> {
    const id = toCosmosId(conversationId);
    try {
      const { resource } = await this.container.item(id, partnerTenantId).read<Stored>();
      return resource ? strip(resource) : undefined;
    } catch (err) {
      // Unknown conversation: not an error for a lookup.
      if (cosmosStatus(err) === 404) return undefined;
      throw toStorageError(err, 'conversation read');
    }
  }

  async saveActive(
    input: Omit<ConversationRecord, 'id' | 'active' | 'createdAt' | 'updatedAt'>,
  ): Promise<void> {
    const id = toCosmosId(input.conversationId);
    const cacheKey = `${input.partnerTenantId}|${id}`;
    // The reference's activityId changes with every message; it alone is no reason to write again.
    const { activityId: _activityId, ...stableReference } = input.reference;
    const fingerprint = JSON.stringify([
      stableReference,
      input.userAadObjectId,
      input.locale,
      input.conversationType,
    ]);
    const cached = this.recentlySaved.get(cacheKey);
    const now = this.now();
    // Saved moments ago with the same content: skip the read and the write.
    if (cached && cached.fingerprint === fingerprint && now - cached.at < this.options.refreshAfterMs) return;
    const existing = await this.get(input.partnerTenantId, input.conversationId);
    const timestamp = new Date(now).toISOString();
    const record: ConversationRecord = {
      ...(existing ?? {}),
      ...input,
      id,
      active: true,
      createdAt: existing?.createdAt ?? timestamp,
      updatedAt: timestamp,
      notificationsEnabled: existing?.notificationsEnabled ?? input.notificationsEnabled,
    };
    delete record.deactivatedAt;
    delete record.deactivationReason;
    try {
      await this.container.items.upsert(record);
    } catch (err) {
      throw toStorageError(err, 'conversation save');
    }
    this.remember(cacheKey, fingerprint, now);
  }

  private remember(key: string, fingerprint: string, at: number): void {
    if (this.recentlySaved.size >= this.options.maxCached) {
      const oldest = this.recentlySaved.keys().next().value;
      if (oldest !== undefined) this.recentlySaved.delete(oldest);
    }
    this.recentlySaved.delete(key);
    this.recentlySaved.set(key, { fingerprint, at });
  }

  async markInactive(partnerTenantId: string, conversationId: string, reason: string): Promise<void> {
    const id = toCosmosId(conversationId);
    this.recentlySaved.delete(`${partnerTenantId}|${id}`);
    for (let attempt = 0; attempt < 3; attempt++) {
      let current: Stored | undefined;
      try {
        current = (await this.container.item(id, partnerTenantId).read<Stored>()).resource;
      } catch (err) {
        if (cosmosStatus(err) === 404) return; // never stored: nothing to deactivate
        throw toStorageError(err, 'conversation read');
      }
      if (!current) return;
      const now = new Date(this.now()).toISOString();
      const next: ConversationRecord = {
        ...strip(current),
        active: false,
        deactivatedAt: now,
        deactivationReason: reason,
        updatedAt: now,
      };
      try {
        await this.container
          .item(id, partnerTenantId)
          .replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag ?? '*' } });
        return;
      } catch (err) {
        if (cosmosStatus(err) === 412) continue; // changed concurrently: read again and retry
        throw toStorageError(err, 'conversation deactivate');
      }
    }
    throw toStorageError(Object.assign(new Error('conflict'), { code: 412 }), 'conversation deactivate');
  }

  async setNotificationsEnabled(
    partnerTenantId: string,
    conversationId: string,
    enabled: boolean,
  ): Promise<boolean> {
    const id = toCosmosId(conversationId);
    for (let attempt = 0; attempt < 3; attempt++) {
      let current: Stored | undefined;
      try {
        current = (await this.container.item(id, partnerTenantId).read<Stored>()).resource;
      } catch (err) {
        if (cosmosStatus(err) === 404) return false;
        throw toStorageError(err, 'conversation read');
      }
      if (!current) return false;
      const next: ConversationRecord = {
        ...strip(current),
        notificationsEnabled: enabled,
        updatedAt: new Date(this.now()).toISOString(),
      };
      try {
        await this.container
          .item(id, partnerTenantId)
          .replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag ?? '*' } });
        return true;
      } catch (err) {
        if (cosmosStatus(err) === 412) continue; // changed concurrently: read again and retry
        throw toStorageError(err, 'conversation notifications');
      }
    }
    throw toStorageError(Object.assign(new Error('conflict'), { code: 412 }), 'conversation notifications');
  }

  async listSubscribed(partnerTenantId: string): Promise<ConversationRecord[]> {
    try {
      const { resources } = await this.container.items
        .query<Stored>(
          {
            query:
              'SELECT * FROM c WHERE c.partnerTenantId = @p AND c.active = true AND c.notificationsEnabled = true',
            parameters: [{ name: '@p', value: partnerTenantId }],
          },
          { partitionKey: partnerTenantId },
        )
        .fetchAll();
      return resources.map(strip);
    } catch (err) {
      throw toStorageError(err, 'conversation list');
    }
  }
}

function strip(doc: Stored): ConversationRecord {
  const { _etag: _ignored, ...rest } = doc;
  return stripSystem(rest);
}
