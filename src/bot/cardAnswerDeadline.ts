import {
  CardFactory,
  StatusCodes,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { renderRetryCard, renderStillWorkingCard } from '../cards/progressCard';
import type { AdaptiveCardJson } from '../cards/render';
import { cardResponse } from '../dialogs';
import { translatorFor } from '../i18n/i18n';
import type { Logger } from '../logging/logger';

type TurnLogic = (context: TurnContext) => Promise<void>;
/** Runs one turn through the adapter (middleware, bot) and resolves with its invoke answer. */
export type RunTurn = (logic: TurnLogic) => Promise<InvokeResponse | undefined>;

const CARD_MESSAGE = 'application/vnd.microsoft.card.adaptive';

function isCardAction(activity: Activity): boolean {
  return activity.type === 'invoke' && activity.name === 'adaptiveCard/action';
}

/** The clicked button's verb and data, for "Try again" (the same click once more). */
function clickOf(activity: Activity): { verb: string; data: Record<string, unknown> } {
  const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  const data = action?.data;
  return {
    verb: typeof action?.verb === 'string' ? action.verb : '',
    data: data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {},
  };
}

/**
 * Teams wants a card click (an `adaptiveCard/action` invoke) answered within about 10 s. A click
 * that has no answer after `answerWithinMs` is answered with a "still working" card while the turn
 * goes on (its dialog state is saved as usual when it ends); when it ends, the clicked card is
 * updated through the connector (`updateActivity`) with the card the turn answered, or, when it
 * answered with a text or failed, with that text (or "could not be finished") and a "Try again"
 * button running the same verb with the same data. So no flow moves on where the user cannot see it.
 */
export class CardAnswerDeadline {
  constructor(
    private readonly answerWithinMs: number,
    private readonly logger: Logger,
  ) {}

  async run(activity: Activity, runTurn: RunTurn, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    if (!isCardAction(activity)) return runTurn(logic);
    const turn = { answeredEarly: false, done: false };
    const work = runTurn(async (context) => {
      let answer: AdaptiveCardInvokeResponse | undefined;
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities)
          if (a.type === 'invokeResponse')
            answer = (a.value as InvokeResponse | undefined)?.body as typeof answer;
        return next();
      });
      let failed = true;
      try {
        await logic(context);
        failed = false;
      } finally {
        turn.done = true;
        if (turn.answeredEarly) await this.update(context, activity, failed ? undefined : answer);
      }
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.answerWithinMs);
    });
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    // Finished (or finishing right now): the turn's own answer.
    if (first !== 'late' || turn.done) return work;
    turn.answeredEarly = true;
    work.catch(() => undefined); // the adapter logs a failed turn; the card is updated in `update`
    this.logger.info(
      { activityId: activity.id, verb: clickOf(activity).verb },
      'card action answered "still working"',
    );
    const t = translatorFor(typeof activity.locale === 'string' ? activity.locale : undefined);
    return { status: StatusCodes.OK, body: cardResponse(renderStillWorkingCard(t)) };
  }

  /** Replaces the "still working" card with the outcome of the click. */
  private async update(
    context: TurnContext,
    activity: Activity,
    answer: AdaptiveCardInvokeResponse | undefined,
  ): Promise<void> {
    const t = translatorFor(typeof activity.locale === 'string' ? activity.locale : undefined);
    // A message answer carries its text as the value.
    const text: unknown = answer?.value;
    const card =
      answer?.type === CARD_MESSAGE
        ? (answer.value as AdaptiveCardJson)
        : renderRetryCard(t, {
            ...clickOf(activity),
            text: typeof text === 'string' && text ? text : undefined,
          });
    const attachments = [CardFactory.adaptiveCard(card)];
    try {
      if (activity.replyToId) {
        await context.updateActivity({ type: 'message', id: activity.replyToId, attachments });
      } else {
        await context.sendActivity({ type: 'message', attachments });
      }
    } catch (err) {
      this.logger.warn(
        { activityId: activity.id, err: (err as Error).message },
        'could not update the "still working" card',
      );
    }
  }
}
