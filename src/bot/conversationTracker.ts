import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationRepository } from '../domain/conversations';
import { inbound } from '../common/inboundActivity';

/** Keeps the conversation references the proactive notifications need, in Cosmos. */
export class ConversationTracker {
  constructor(
    private readonly repository: ConversationRepository,
    private readonly partnerTenantId: string,
  ) {}

  async remember(context: TurnContext): Promise<void> {
    const activity = inbound(context);
    if (!activity.conversation?.id) return;
    const reference = TurnContext.getConversationReference(activity);
    await this.repository.saveActive({
      partnerTenantId: this.partnerTenantId,
      conversationId: activity.conversation.id,
      conversationType: conversationType(activity),
      userAadObjectId:
        activity.conversation.conversationType === 'personal' ? activity.from?.aadObjectId : undefined,
      reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
      locale: activity.locale,
    });
  }

  async forget(context: TurnContext, reason: string): Promise<void> {
    const id = inbound(context).conversation?.id;
    if (id) await this.repository.markInactive(this.partnerTenantId, id, reason);
  }
}

function conversationType(activity: Partial<Activity>): 'personal' | 'channel' | 'groupChat' | 'unknown' {
  switch (activity.conversation?.conversationType) {
    case 'personal':
      return 'personal';
    case 'channel':
      return 'channel';
    case 'groupChat':
      return 'groupChat';
    default:
      return 'unknown';
  }
}
