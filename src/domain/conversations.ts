/**
 * A conversation the bot can write to later (proactive messages), kept in plain data so the
 * domain does not depend on botbuilder. `reference` is the channel's conversation reference as JSON.
 */
export interface ConversationRecord {
  /** Stable id derived from the conversation id. */
  id: string;
  partnerTenantId: string;
  conversationId: string;
  conversationType: 'personal' | 'channel' | 'groupChat' | 'unknown';
  /** Entra object id of the user of a 1:1 chat. */
  userAadObjectId?: string;
  reference: Record<string, unknown>;
  active: boolean;
  /** Channels that asked for acceptance notifications (`notifications on`). */
  notificationsEnabled?: boolean;
  locale?: string;
  createdAt: string;
  updatedAt: string;
  deactivatedAt?: string;
  deactivationReason?: string;
}

export interface ConversationRepository {
  get(partnerTenantId: string, conversationId: string): Promise<ConversationRecord | undefined>;
  /** Creates or refreshes the record and marks it active. */
  saveActive(input: Omit<ConversationRecord, 'id' | 'active' | 'createdAt' | 'updatedAt'>): Promise<void>;
  markInactive(partnerTenantId: string, conversationId: string, reason: string): Promise<void>;
  /** Turns acceptance notifications for a (channel) conversation on or off; false if it is not stored. */
  setNotificationsEnabled(
    partnerTenantId: string,
    conversationId: string,
    enabled: boolean,
  ): Promise<boolean>;
  /** Active conversations with notifications on (single partition). */
  listSubscribed(partnerTenantId: string): Promise<ConversationRecord[]>;
}
