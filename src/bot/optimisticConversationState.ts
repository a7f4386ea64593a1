import { ConversationState, type TurnContext } from 'botbuilder';
import { calculateChangeHash } from 'botbuilder-core';
import { inbound } from '../common/inboundActivity';

interface CachedState {
  state: Record<string, unknown> & { eTag?: string };
  hash: string;
}

/** ETag used to write a conversation's first state: "create, unless someone else just did". */
export const CREATE_ONLY_ETAG = 'create-only';

/**
 * ConversationState that writes with the ETag it read instead of botbuilder's `*`, so two bot
 * instances handling the same conversation at once cannot silently overwrite each other's dialog
 * state: the later write fails with an ETag conflict (StorageError 'etag_conflict') and the turn
 * reports it. Within one instance, turns of a conversation are serialised by middleware.
 */
export class OptimisticConversationState extends ConversationState {
  /**
   * Flows belong to the person who started them: in a group chat or channel each member has their
   * own dialog state in the conversation, so another member's message, command, `cancel` or click
   * never ends or advances someone else's waiting flow. A 1:1 chat has one key, as before.
   */
  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    const activity = inbound(context);
    const type = activity.conversation?.conversationType;
    if (!key || (type !== 'groupChat' && type !== 'channel')) return key;
    const owner = activity.from?.aadObjectId || activity.from?.id;
    return owner ? `${key}/users/${owner}` : key;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    // BotState keeps the turn-cache key of its state private; this override must use the same one.
    const stateKey = (this as unknown as { stateKey: symbol }).stateKey;
    const cached = context.turnState.get<CachedState | undefined>(stateKey);
    if (!force && !(cached && cached.hash !== calculateChangeHash(cached.state))) return;
    const key = this.getStorageKey(context);
    if (!key) return;
    const entry: CachedState = cached ?? { state: {}, hash: '' };
    const item = { ...entry.state, eTag: entry.state.eTag ?? CREATE_ONLY_ETAG };
    await this.storage.write({ [key]: item });
    // The storage sets the new ETag on the written item: later saves in this turn build on it.
    entry.state.eTag = item.eTag;
    entry.hash = calculateChangeHash(entry.state);
    context.turnState.set(stateKey, entry);
  }
}
