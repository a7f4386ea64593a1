import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { customerIdSchema } from '../../cards/customerListActions';
import type { CommandDialogOptions } from '../mainDialog';
import { answer } from '../respond';
import type { CustomerListController } from './customerListController';

export const CUSTOMERS_DIALOG_ID = 'customersDialog';
const CUSTOMERS_WATERFALL = 'customersWaterfall';

/**
 * `customers` / `kunden` [search text]: sends the customer list card and ends. The card's buttons
 * are answered by stateless handlers (see customerListController), so the card keeps working
 * while other flows run. Started from a card button with `cardData.customerId` (e.g. a
 * notification's "open the customer record"), it answers the invoke with the list opened at that
 * customer, expanded.
 */
export class CustomersDialog extends ComponentDialog {
  constructor(private readonly controller: CustomerListController) {
    super(CUSTOMERS_DIALOG_ID);
    this.addDialog(new WaterfallDialog(CUSTOMERS_WATERFALL, [this.showListStep.bind(this)]));
    this.initialDialogId = CUSTOMERS_WATERFALL;
  }

  private async showListStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as Partial<CommandDialogOptions>;
    const customerId = customerIdSchema.safeParse(options.cardData?.['customerId']);
    const outcome =
      options.cardData && customerId.success
        ? await this.controller.openCustomer(step.context, customerId.data)
        : await this.controller.open(step.context, typeof options.args === 'string' ? options.args : '');
    // A typed command gets a new message; a card button gets its card replaced in place.
    await answer(step.context, outcome);
    return step.endDialog();
  }
}
