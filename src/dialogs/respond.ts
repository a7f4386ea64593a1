import { CardFactory, MessageFactory, type ResourceResponse, type TurnContext } from 'botbuilder';
import { cardResponse, messageResponse } from './cardResponses';
import type { AdaptiveCardJson } from '../cards/render';
import { isCardInvoke, setCardResponse } from './cardFlow';

/**
 * How a step answers, whatever started the turn: a typed message gets a message; a card click
 * gets its invoke answered (Teams shows that), never left unanswered (that would read "expired").
 */

/** Sends one Adaptive Card as a message (awaited, so errors surface in the turn). */
export async function sendCard(
  context: TurnContext,
  card: AdaptiveCardJson,
): Promise<ResourceResponse | undefined> {
  return context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** A text answer: the invoke response for a card click, a message otherwise. */
export async function say(context: TurnContext, text: string): Promise<void> {
  if (isCardInvoke(context)) setCardResponse(context, messageResponse(text));
  else await context.sendActivity(text);
}

/**
 * Shows a card of the flow. `replace`: the clicked card (of this flow) is replaced in place.
 * `new`: a new message; if a card button of another feature started the flow, that click is
 * answered with `startedText` and its card stays as it is.
 */
export async function showCard(
  context: TurnContext,
  card: AdaptiveCardJson,
  mode: 'replace' | 'new',
  startedText: string,
): Promise<void> {
  if (mode === 'replace' && isCardInvoke(context)) {
    setCardResponse(context, cardResponse(card));
    return;
  }
  await sendCard(context, card);
  if (isCardInvoke(context)) setCardResponse(context, messageResponse(startedText));
}

/** What a step answers with: a card, or a sentence (a clicked card then stays as it is). */
export type Answer = { card: AdaptiveCardJson } | { message: string };

/** Answers with a card or a sentence: the invoke response for a card click, a new message otherwise. */
export async function answer(context: TurnContext, reply: Answer): Promise<void> {
  if ('message' in reply) return say(context, reply.message);
  if (isCardInvoke(context)) setCardResponse(context, cardResponse(reply.card));
  else await sendCard(context, reply.card);
}

/**
 * A message shown exactly as written, e.g. the finished invitation text for the user to copy into
 * an email (its personalized link must stay intact). `textFormat: 'plain'` makes Teams render no
 * Markdown or HTML in it, so nothing in it needs escaping. Any other message is Markdown in Teams:
 * outside text in it goes through `sentence` (src/cards/untrusted.ts), the same rule cards use.
 */
export async function sayPlain(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({ type: 'message', textFormat: 'plain', text });
}
