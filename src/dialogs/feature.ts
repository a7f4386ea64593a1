import type { Dialog } from 'botbuilder-dialogs';
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { CardActionHandler, CardActionRequest } from './cardResponses';
import type { CommandName } from '../i18n/commands';

/**
 * A feature plugs into the bot with: dialogs for typed commands, verbs its waiting dialogs
 * answer (routed into the dialog stack), stateless card actions (answered from card data and
 * storage alone), and verbs that start one of its commands from a card button.
 */
export interface Feature {
  commands?: Partial<Record<CommandName, Dialog>>;
  dialogVerbs?: string[];
  cardActions?: Record<string, CardActionHandler>;
  /** verb → command to start with the card data as options (e.g. "Remove" on a customer record). */
  startVerbs?: Record<string, CommandName>;
  /**
   * verb → a check before a start verb (any feature's) starts its command: an answer stops it there
   * (e.g. an expiry warning clicked after the relationship was renewed), undefined lets it start.
   */
  startGuards?: Record<string, StartGuard>;
}

export type StartGuard = (request: CardActionRequest) => Promise<AdaptiveCardInvokeResponse | undefined>;
