import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { translatorFor } from '../../i18n/i18n';
import type { CommandDialogOptions } from '../mainDialog';
import { say, showCard } from '../respond';
import type { AdminAccessListController } from './adminAccessList';

export const ADMIN_ACCESS_DIALOG_ID = 'adminAccessDialog';
const ADMIN_ACCESS_WATERFALL = 'adminAccess.list';

/**
 * `admin access` / `adminzugriff` [page]: sends the list of GDAP relationships and ends. Its
 * Previous / Next / Refresh buttons are answered by the stateless page handler. Started from a
 * card button (a notification's "Show admin access", the help card), the list comes as a new
 * message and the clicked card stays as it is.
 */
export class AdminAccessDialog extends ComponentDialog {
  constructor(private readonly controller: AdminAccessListController) {
    super(ADMIN_ACCESS_DIALOG_ID);
    this.addDialog(new WaterfallDialog(ADMIN_ACCESS_WATERFALL, [this.listStep.bind(this)]));
    this.initialDialogId = ADMIN_ACCESS_WATERFALL;
  }

  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as Partial<CommandDialogOptions> | undefined;
    const args = typeof options?.args === 'string' ? options.args : '';
    const outcome = await this.controller.open(step.context, args);
    if ('message' in outcome) await say(step.context, outcome.message);
    else {
      const t = translatorFor(step.context.activity.locale);
      await showCard(step.context, outcome.card, 'new', t.t('command.startedBelow'));
    }
    return step.endDialog();
  }
}
