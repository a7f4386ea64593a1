import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { cardResponse, messageResponse } from '../cardResponses';
import { customerIdSchema } from '../../cards/customerListActions';
import { isCardInvoke, setCardResponse } from '../cardFlow';
import type { CommandDialogOptions } from '../mainDialog';
import { sendCard } from '../respond';
import type { CustomerListController, CustomerListOutcome } from './customerListController';

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
    const options = (step.options ?? { args: '' }) as Partial<CommandDialogOptions>;
    const customerId = customerIdSchema.safeParse(options.cardData?.['customerId']);
    const outcome =
      options.cardData && customerId.success
        ? await this.controller.openCustomer(step.context, customerId.data)
        : await this.controller.open(step.context, typeof options.args === 'string' ? options.args : '');
    await this.deliver(step, outcome);
    return step.endDialog();
  }

  /** A typed command gets a new message; a card button gets its card replaced in place. */
  private async deliver(step: WaterfallStepContext, outcome: CustomerListOutcome): Promise<void> {
    if (isCardInvoke(step.context)) {
      setCardResponse(
        step.context,
        'card' in outcome ? cardResponse(outcome.card) : messageResponse(outcome.message),
      );
    } else if ('card' in outcome) {
      await sendCard(step.context, outcome.card);
    } else {
      await step.context.sendActivity(outcome.message);
    }
  }
}
