import { CardFactory, MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import type { ConversationRecord, ConversationRepository } from '../domain/conversations';
import type { DeliveryRecord } from './records';
import type { ProactiveSender } from './proactiveSender';
import { traceProactiveSend } from '../telemetry';

/** A recipient as resolved right before sending. */
export interface ResolvedTarget {
  conversationId: string;
  reference?: Record<string, unknown>;
  locale?: string;
  /** False when the conversation record says the bot can no longer write there. */
  active: boolean;
}

export function cardActivity(card: AdaptiveCardJson, summary: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = summary;
  return activity;
}

/**
 * Resolves recipients against the stored conversation records (their references are refreshed on
 * every message, so they beat the copy on an invitation) and sends through the ProactiveSender.
 */
export class NotificationDelivery {
  constructor(
    private readonly sender: ProactiveSender,
    private readonly conversations: ConversationRepository,
    private readonly partnerTenantId: string,
  ) {}

  async resolve(
    conversationId: string,
    fallbackReference?: Record<string, unknown>,
  ): Promise<ResolvedTarget> {
    // Records written by earlier versions may lack fields: read them as possibly partial.
    const record: Partial<ConversationRecord> | undefined = await this.conversations.get(
      this.partnerTenantId,
      conversationId,
    );
    if (!record) return { conversationId, reference: fallbackReference, active: true };
    return {
      conversationId,
      reference: record.reference ?? fallbackReference,
      locale: record.locale,
      active: record.active !== false,
    };
  }

  async send(
    delivery: DeliveryRecord,
    target: ResolvedTarget,
    activity: Partial<Activity>,
    now: () => string,
  ): Promise<DeliveryRecord> {
    if (!target.active) return { ...delivery, status: 'skipped', reason: 'inactive', at: now() };
    const reference = target.reference as Partial<ConversationReference> | undefined;
    if (!reference?.serviceUrl || !reference.conversation?.id) {
      return { ...delivery, status: 'failed', reason: 'no_reference', at: now() };
    }
    const outcome = await traceProactiveSend(() =>
      this.sender.send({ conversationId: target.conversationId, reference }, activity),
    );
    return {
      ...delivery,
      status: outcome.status,
      attempts: delivery.attempts + outcome.attempts,
      statusCode: outcome.statusCode,
      reason: outcome.reason,
      at: now(),
    };
  }
}

/** The conversation id inside a stored reference (the invitation keeps one for its inviter). */
export function conversationIdOf(reference: Record<string, unknown> | undefined): string | undefined {
  const conversation = reference?.['conversation'];
  const id =
    conversation && typeof conversation === 'object' ? (conversation as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? id : undefined;
}
