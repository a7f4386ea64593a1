import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type BotState,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { isSharedCustomerCard } from '../cards/customerCompactCard';
import { renderWelcomeCard } from '../cards/helpCard';
import { sendCard, type MainDialog, type MessageExtensionHandler } from '../dialogs';
import { translatorFor } from '../i18n/i18n';
import { inbound } from '../common/inboundActivity';
import type { CardActionRouter } from './cardActions';
import type { ConversationTracker } from './conversationTracker';

export interface BotDependencies {
  conversationState: BotState;
  dialogState: StatePropertyAccessor<DialogState>;
  mainDialog: MainDialog;
  cardActions: CardActionRouter;
  conversations: ConversationTracker;
  maxMessageLength: number;
  /** The search-based message extension ("Customers" / "Kunden"). */
  messageExtension: MessageExtensionHandler;
}

/**
 * The activity handler only routes: messages to the main dialog, card actions to the
 * verb router, message extension queries to their service, installation events to the
 * conversation tracker.
 */
export class CustomerConnectBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.dialogState = deps.dialogState;

    this.onMessage(async (context, next) => {
      await deps.conversations.remember(context);
      if (isSharedCustomerCard(context.activity)) {
        // A customer card the user inserted with the message extension and sent here: it is
        // shown to the chat, not a command; the card's own button talks to the bot.
      } else if (!this.withinLimits(context)) {
        const t = translatorFor(context.activity.locale);
        await context.sendActivity(
          t.t('input.tooLong', { length: inbound(context).text?.length ?? 0, max: deps.maxMessageLength }),
        );
      } else {
        await deps.mainDialog.run(context, this.dialogState);
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await deps.conversations.remember(context);
      await sendCard(context, renderWelcomeCard(translatorFor(context.activity.locale)));
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await deps.conversations.forget(context, 'uninstalled');
      await next();
    });
  }

  /** Sign-in completions (magic code / SSO token exchange) continue the waiting sign-in prompt. */
  protected override async handleTeamsSigninVerifyState(context: TurnContext): Promise<void> {
    await this.deps.mainDialog.run(context, this.dialogState);
  }

  protected override async handleTeamsSigninTokenExchange(context: TurnContext): Promise<void> {
    await this.deps.mainDialog.run(context, this.dialogState);
  }

  /** Message text plus card input values must stay within the configured limit. */
  private withinLimits(context: TurnContext): boolean {
    const text = inbound(context).text ?? '';
    return text.length <= this.deps.maxMessageLength;
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.deps.cardActions.handle(context, invokeValue);
  }

  /** Message extension searches (`composeExtension/query`) go to the extension's service. */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return this.deps.messageExtension.query(context, query);
  }

  /** Saves dialog state after every turn (also after invokes that advanced a dialog). */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    if (context.activity.type !== 'installationUpdate' || context.activity.action !== 'remove') {
      await this.deps.conversationState.saveChanges(context, false);
    }
  }
}
