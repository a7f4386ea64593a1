import type { ConversationRepository } from '../domain/conversations';
import type { Invitation } from '../domain/invitations';
import type { Logger } from '../logging/logger';
import type { DedupeRecord, DedupeRepository, Stored } from '../storage/dedupeRepository';
import { translatorFor, type Translator } from '../i18n/i18n';
import { conversationIdOf, type NotificationDelivery, type ResolvedTarget } from './delivery';
import type { DeliveryRecord } from './records';

/**
 * Who hears of a partner-wide event about one invitation (an acceptance, a GDAP expiry): the
 * inviter's chat first, then every channel subscribed with `notifications on`, each once.
 */
export async function inviterAndChannels(
  invitation: Invitation | undefined,
  conversations: Pick<ConversationRepository, 'listSubscribed'>,
  partnerTenantId: string,
): Promise<DeliveryRecord[]> {
  const out: DeliveryRecord[] = [];
  const inviter = invitation
    ? (conversationIdOf(invitation.conversationReference) ?? invitation.conversationId)
    : undefined;
  if (inviter) out.push({ target: 'inviter', conversationId: inviter, status: 'pending', attempts: 0 });
  for (const channel of await conversations.listSubscribed(partnerTenantId)) {
    if (out.some((d) => d.conversationId === channel.conversationId)) continue;
    out.push({ target: 'channel', conversationId: channel.conversationId, status: 'pending', attempts: 0 });
  }
  return out;
}

/**
 * Saves a notification record as its owner (renewing `claimedAt`) by ETag; undefined, with one
 * warning, when another instance took it over meanwhile.
 */
export async function saveAsOwner<T extends DedupeRecord>(
  dedupe: DedupeRepository,
  record: Stored<T>,
  now: string,
  lost: { log: Logger; context: Record<string, unknown>; message: string },
): Promise<Stored<T> | undefined> {
  const saved = await dedupe.replaceIfMatch<T>({ ...record, claimedAt: now, updatedAt: now }, record.etag);
  if (!saved) lost.log.warn(lost.context, lost.message);
  return saved;
}

/**
 * Where one delivery of an invitation's notification goes and in which language: the inviter in
 * the invitation's language (its reference as a fallback), a channel in the channel's.
 */
export async function resolveRecipient(
  delivery: Pick<NotificationDelivery, 'resolve'>,
  to: DeliveryRecord,
  invitation: Invitation | undefined,
): Promise<{ target: ResolvedTarget; t: Translator }> {
  const fallback = to.target === 'inviter' ? invitation?.conversationReference : undefined;
  const target = await delivery.resolve(to.conversationId, fallback);
  const locale = (to.target === 'inviter' ? invitation?.locale : undefined) ?? target.locale;
  return { target, t: translatorFor(locale) };
}
