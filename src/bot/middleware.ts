import { StatusCodes, type Middleware, type TurnContext, type Activity } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { translatorFor } from '../i18n/i18n';
import type { ProcessedActivityStore } from '../storage/processedActivities';
import { inbound } from '../common/inboundActivity';

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = typeof fromChannel === 'string' ? fromChannel : activity.conversation?.tenantId;
  return id?.toLowerCase();
}

async function answerInvoke(context: TurnContext, body: unknown): Promise<void> {
  await context.sendActivity({ type: 'invokeResponse', value: { status: StatusCodes.OK, body } });
}

/**
 * Only the partner's own staff: activities from other tenants get a short refusal and reach no
 * dialog, no Partner Center call and no storage write (this middleware runs first).
 */
export class TenantFilterMiddleware implements Middleware {
  private readonly allowed: Set<string>;

  constructor(
    allowedTenantIds: readonly string[],
    private readonly logger: Logger,
    /** Embedded mode: also let through activities without a tenant (Bot Framework Emulator). */
    private readonly allowMissingTenant: boolean,
  ) {
    this.allowed = new Set(allowedTenantIds.map((t) => t.toLowerCase()));
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const tenant = tenantOf(context.activity);
    // Both places name the tenant: they must agree (a forged channelData must not override it).
    const conversationTenant = inbound(context).conversation?.tenantId?.toLowerCase();
    const consistent = !tenant || !conversationTenant || conversationTenant === tenant;
    if (consistent && (tenant ? this.allowed.has(tenant) : this.allowMissingTenant)) return next();
    this.logger.warn(
      { activityId: context.activity.id, activityType: context.activity.type },
      'foreign tenant refused',
    );
    const t = translatorFor(context.activity.locale);
    if (context.activity.type === 'message') {
      await context.sendActivity(t.t('tenant.refused'));
    } else if (context.activity.type === 'invoke' && context.activity.name?.startsWith('composeExtension/')) {
      // Message extension invokes: a sentence in the results area (their answer has its own shape).
      await answerInvoke(context, { composeExtension: { type: 'message', text: t.t('tenant.refused') } });
    } else if (context.activity.type === 'invoke') {
      await answerInvoke(context, {
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'Forbidden', message: t.t('tenant.refused') },
      });
    }
  }
}

/**
 * Teams re-sends activities whose turn took long: the same activity id is processed once,
 * across every bot instance (a create-if-absent record in Cosmos). A turn that fails removes its
 * record again (ETag-guarded), so Teams' retry of a failed turn is processed and answered.
 */
export class DuplicateActivityMiddleware implements Middleware {
  constructor(
    private readonly store: ProcessedActivityStore,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = inbound(context);
    if (!a.id || (a.type !== 'message' && a.type !== 'invoke')) return next();
    const key = `activity|${a.channelId}|${a.conversation?.id}|${a.id}`;
    const claim = await this.store.claim(key);
    if (claim) {
      try {
        await next();
        return;
      } catch (err) {
        // The turn failed (onTurnError answers it): Teams' redelivery of this activity must run again.
        await claim
          .release()
          .catch((e: unknown) =>
            this.logger.warn({ activityId: a.id, err: (e as Error).message }, 'dedupe record not released'),
          );
        throw err;
      }
    }
    this.logger.info({ activityId: a.id, activityType: a.type }, 'duplicate activity ignored');
    if (a.type === 'invoke') {
      await answerInvoke(context, {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: translatorFor(a.locale).t('duplicate.ignored'),
      });
    }
  }
}

/**
 * Runs the turns of one conversation one after another within this instance, so two activities
 * arriving at the same moment do not race on the conversation's dialog state.
 */
export class SerializeConversationMiddleware implements Middleware {
  private readonly tails = new Map<string, Promise<void>>();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = inbound(context).conversation?.id;
    if (!key) return next();
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      await next();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Conversations with a turn running or queued (for tests and diagnostics). */
  get busyConversations(): number {
    return this.tails.size;
  }
}
