import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { renderHelpCard } from '../cards/helpCard';
import { translatorFor } from '../i18n/i18n';
import { recognizeCommand } from '../i18n/commands';
import { sendCard } from './respond';

/**
 * Shared base: while any child dialog waits for input, "cancel"/"abbrechen" ends the whole
 * flow and "help"/"hilfe" shows the help card without losing the user's place.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const result = await this.interrupt(inner);
    return result ?? super.onContinueDialog(inner);
  }

  /** Called for a typed command other than help/cancel while a flow waits; default: no interruption. */
  protected onOtherCommand(_inner: DialogContext): Promise<DialogTurnResult | undefined> {
    return Promise.resolve(undefined);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = inner.context.activity;
    if (activity.type !== 'message' || typeof activity.text !== 'string') return undefined;
    const recognized = recognizeCommand(activity.text);
    const t = translatorFor(activity.locale);
    if (recognized.command === 'cancel') {
      await inner.context.sendActivity(t.t('cancel.done'));
      return inner.cancelAllDialogs(true);
    }
    if (recognized.command === 'help' && recognized.args === '') {
      await sendCard(inner.context, renderHelpCard(t));
      return { status: DialogTurnStatus.waiting };
    }
    if (recognized.command) return this.onOtherCommand(inner);
    return undefined;
  }
}
