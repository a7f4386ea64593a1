import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { answer } from '../respond';
import type { StatusController } from './statusController';

export const STATUS_DIALOG_ID = 'statusDialog';

/** `status` (English and German): the operations status card for admins. */
export class StatusDialog extends ComponentDialog {
  constructor(private readonly controller: StatusController) {
    super(STATUS_DIALOG_ID);
    this.addDialog(new WaterfallDialog('status.show', [this.showStep.bind(this)]));
    this.initialDialogId = 'status.show';
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await answer(step.context, await this.controller.open(step.context));
    return step.endDialog();
  }
}
