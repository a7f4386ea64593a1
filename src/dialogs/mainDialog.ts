import {
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { commandWord, renderHelpCard } from '../cards/helpCard';
import { sentence } from '../cards/untrusted';
import { truncateText } from '../domain/text';
import { translatorFor } from '../i18n/i18n';
import { COMMANDS_NEEDING_SIGN_IN, createSignInPrompt, SIGN_IN_PROMPT_ID, signOut } from './signIn';
import { isCardInvoke, respondExpired } from './cardFlow';
import { recognizeCommand, type CommandName, type RecognizedCommand } from '../i18n/commands';
import { InterruptibleDialog } from './interruptibleDialog';
import { answer, say } from './respond';

export const MAIN_DIALOG_ID = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/** Options a command dialog is started with. */
export interface CommandDialogOptions {
  /** Whatever followed the command word, e.g. the search text of `customers cont`. */
  args: string;
  /** Data of the card button that started the command (validated by the command's dialog). */
  cardData?: Record<string, unknown>;
}

interface StartCommand {
  command: CommandName;
  options: CommandDialogOptions;
}

/**
 * Routes a typed command to its dialog. Commands without a dialog in this build answer
 * clearly instead of pretending.
 */
export class MainDialog extends InterruptibleDialog {
  private readonly commandDialogs: Partial<Record<CommandName, string>> = {};

  private readonly signInConnection?: string;

  /**
   * @param commandDialogs the dialog of each command this build offers
   * @param options.signInConnection Bot Service OAuth connection (production): commands that call
   *   Partner Center as the user first run the sign-in prompt (Teams SSO where configured).
   */
  constructor(
    commandDialogs: Partial<Record<CommandName, Dialog>> = {},
    options: { signInConnection?: string } = {},
  ) {
    super(MAIN_DIALOG_ID);
    for (const [command, dialog] of Object.entries(commandDialogs) as [CommandName, Dialog][]) {
      this.addDialog(dialog);
      this.commandDialogs[command] = dialog.id;
    }
    this.signInConnection = options.signInConnection;
    if (this.signInConnection) this.addDialog(createSignInPrompt(this.signInConnection));
    this.addDialog(
      new WaterfallDialog(MAIN_WATERFALL, [
        this.routeStep.bind(this),
        this.afterSignInStep.bind(this),
        this.finalStep.bind(this),
      ]),
    );
    this.initialDialogId = MAIN_WATERFALL;
  }

  /** Runs the main dialog for one message turn, keeping dialog state in the accessor. */
  async run(context: TurnContext, accessor: StatePropertyAccessor): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /**
   * Starts a command from a card button: ends whatever flow was waiting and begins the command's
   * dialog with the card data.
   */
  async runCommand(
    context: TurnContext,
    accessor: StatePropertyAccessor,
    command: CommandName,
    cardData: Record<string, unknown> | undefined,
    args = '',
  ): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    await dc.cancelAllDialogs(true);
    const options: CommandDialogOptions = cardData === undefined ? { args } : { args, cardData };
    const start: StartCommand = { command, options };
    await dc.beginDialog(this.id, start);
  }

  /** A new command typed while a flow waits replaces that flow (its cards then expire). */
  protected override async onOtherCommand(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    await inner.cancelAllDialogs(true);
    return inner.beginDialog(MAIN_WATERFALL);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const start = step.options as Partial<StartCommand> | undefined;
    if (start?.command && start.options && this.commandDialogs[start.command]) {
      return this.startCommand(step, start.command, start.options);
    }
    // A command shortcut button (help, cancel, …: commands without a dialog) runs like the typed word.
    const recognized: RecognizedCommand | undefined = start?.command
      ? { command: start.command, args: start.options?.args ?? '' }
      : isCardInvoke(step.context)
        ? undefined
        : recognizeCommand(step.context.activity.text);
    if (!recognized) {
      // A card button with no flow waiting for it: the card is stale.
      respondExpired(step.context);
      return step.endDialog();
    }
    const t = translatorFor(step.context.activity.locale);
    switch (recognized.command) {
      case undefined:
        await step.context.sendActivity(
          recognized.text
            ? sentence(t, 'unknown.command', { text: truncateText(recognized.text, 60) })
            : t.t('unknown.empty'),
        );
        return step.endDialog();
      case 'help':
        // Typed: a new message; from a card button (e.g. the welcome card): that card is replaced.
        await answer(step.context, { card: renderHelpCard(t) });
        return step.endDialog();
      case 'cancel':
        await say(step.context, t.t('cancel.nothing'));
        return step.endDialog();
      case 'signout':
        if (!this.signInConnection) {
          await say(step.context, t.t('signout.notConfigured'));
        } else {
          await signOut(step.context, this.signInConnection);
          await say(step.context, t.t('signout.done'));
        }
        return step.endDialog();
      default: {
        const dialogId = this.commandDialogs[recognized.command];
        if (!dialogId) {
          await say(
            step.context,
            t.t('command.notYetAvailable', { command: commandWord(t, recognized.command) }),
          );
          return step.endDialog();
        }
        return this.startCommand(step, recognized.command, { args: recognized.args });
      }
    }
  }

  /** The dialog of a command this build offers (callers checked that there is one). */
  private dialogOf(command: CommandName): string {
    const dialogId = this.commandDialogs[command];
    if (!dialogId) throw new Error(`no dialog for the command ${command}`);
    return dialogId;
  }

  /** Begins the command's dialog, after the sign-in prompt when the command needs the user's token. */
  private async startCommand(
    step: WaterfallStepContext,
    command: CommandName,
    options: CommandDialogOptions,
  ): Promise<DialogTurnResult> {
    const dialogId = this.dialogOf(command);
    if (this.signInConnection && COMMANDS_NEEDING_SIGN_IN.has(command)) {
      (step.values as { pending?: StartCommand }).pending = { command, options };
      return step.beginDialog(SIGN_IN_PROMPT_ID);
    }
    return step.beginDialog(dialogId, options);
  }

  private async afterSignInStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as { pending?: StartCommand };
    const pending = values.pending;
    if (!pending) return step.next(step.result);
    delete values.pending;
    const token = (step.result as { token?: string } | undefined)?.token;
    if (!token) {
      await step.context.sendActivity(translatorFor(step.context.activity.locale).t('signin.failed'));
      return step.endDialog();
    }
    return step.beginDialog(this.dialogOf(pending.command), pending.options);
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }
}
