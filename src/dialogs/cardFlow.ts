import { randomUUID } from 'node:crypto';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { messageResponse } from './cardResponses';
import { translatorFor } from '../i18n/i18n';
import { COMMAND_NAMES, COMMAND_WORDS, type CommandName } from '../i18n/commands';
import { inbound } from '../common/inboundActivity';

/**
 * Card flows: a dialog step sends a card whose Action.Execute buttons carry the flow id of the
 * dialog run (`flowId`), then waits in a CardActionPrompt. The invoke is routed into the dialog;
 * the step that handles it answers with `setCardResponse` (usually the updated card). A click on
 * a card of a flow that has ended, was cancelled, or belongs to another conversation finds no
 * waiting prompt with that flow id and is answered "this card has expired" — nothing changes.
 */

const RESPONSE_KEY = Symbol('cardActionResponse');

export function setCardResponse(context: TurnContext, response: AdaptiveCardInvokeResponse): void {
  context.turnState.set(RESPONSE_KEY, response);
}

export function takeCardResponse(context: TurnContext): AdaptiveCardInvokeResponse | undefined {
  const response = context.turnState.get<AdaptiveCardInvokeResponse | undefined>(RESPONSE_KEY);
  context.turnState.delete(RESPONSE_KEY);
  return response;
}

export function newFlowId(): string {
  return randomUUID();
}

/** Fields every flow card action carries. */
export const flowDataSchema = z.object({
  flowId: z.uuid(),
  /** Command to suggest when the card has expired. */
  command: z.enum(COMMAND_NAMES).optional(),
});

export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
}

export function isCardInvoke(context: TurnContext): boolean {
  const a = context.activity;
  return a.type === 'invoke' && a.name === 'adaptiveCard/action';
}

export function cardActionOf(context: TurnContext): CardAction | undefined {
  if (!isCardInvoke(context)) return undefined;
  const action = (context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)
    ?.action;
  if (typeof action?.verb !== 'string') return undefined;
  const data = action.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
  return { verb: action.verb, data };
}

/** Answers a card action that no waiting flow accepts. */
export function respondExpired(context: TurnContext): void {
  const t = translatorFor(context.activity.locale);
  const parsed = flowDataSchema.partial().safeParse(cardActionOf(context)?.data ?? {});
  const command: CommandName = (parsed.success && parsed.data.command) || 'help';
  // In a group chat or channel the card may be another member's flow (flows belong to whoever
  // started them): say so, and how to start one's own.
  const type = inbound(context).conversation?.conversationType;
  const key = type === 'groupChat' || type === 'channel' ? 'card.notYours' : 'card.expired';
  setCardResponse(context, messageResponse(t.t(key, { command: COMMAND_WORDS[command][t.language] })));
}

export interface CardActionPromptOptions {
  flowId: string;
  /** Verbs this step accepts. */
  verbs: string[];
}

/**
 * Waits for an Action.Execute of this flow. Ends with the CardAction; anything else (a stale
 * card, another verb) is answered as expired and the prompt keeps waiting. Typed messages get
 * a hint to use the card (commands are handled before, by the interruptible base).
 */
/** The prompt's own entry on the dialog stack (botbuilder pushes it before begin/continue). */
function ownInstance(dc: DialogContext): DialogInstance {
  const instance = dc.activeDialog;
  if (!instance) throw new Error('CardActionPrompt runs without an active dialog');
  return instance;
}

export class CardActionPrompt extends Dialog<CardActionPromptOptions> {
  override beginDialog(
    dc: DialogContext,
    options?: Partial<CardActionPromptOptions>,
  ): Promise<DialogTurnResult> {
    if (!options?.flowId || !options.verbs?.length)
      return Promise.reject(new Error('CardActionPrompt needs flowId and verbs'));
    ownInstance(dc).state = { flowId: options.flowId, verbs: options.verbs };
    return Promise.resolve(Dialog.EndOfTurn);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = ownInstance(dc).state as CardActionPromptOptions;
    const action = cardActionOf(dc.context);
    if (!action) {
      if (dc.context.activity.type === 'message') {
        await dc.context.sendActivity(translatorFor(dc.context.activity.locale).t('flow.useCard'));
      }
      return Dialog.EndOfTurn;
    }
    const flow = flowDataSchema.safeParse(action.data);
    if (!flow.success || flow.data.flowId !== state.flowId || !state.verbs.includes(action.verb)) {
      respondExpired(dc.context);
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(action);
  }
}
