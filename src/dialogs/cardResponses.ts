import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Translator } from '../i18n/i18n';
import type { AdaptiveCardJson } from '../cards/render';

/** Everything a card action handler gets: the turn, the validated data and the user's language. */
export interface CardActionRequest {
  context: TurnContext;
  verb: string;
  data: Record<string, unknown>;
  t: Translator;
}

export type CardActionHandler = (request: CardActionRequest) => Promise<AdaptiveCardInvokeResponse>;

/** Answers an `adaptiveCard/action` invoke with a card that replaces the clicked one. */
export const cardResponse = (card: AdaptiveCardJson): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card,
});

/** Answers an `adaptiveCard/action` invoke with a text Teams shows; the clicked card stays. */
export const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  // botbuilder types `value` as an object only; for this type Teams expects the text itself.
  value: text as unknown as Record<string, unknown>,
});
