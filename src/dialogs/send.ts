import { CardFactory, MessageFactory, type TurnContext, type ResourceResponse } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';

/** Sends one Adaptive Card as a message (awaited, so errors surface in the turn). */
export async function sendCard(
  context: TurnContext,
  card: AdaptiveCardJson,
): Promise<ResourceResponse | undefined> {
  return context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
