import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { commandWord } from '../../cards/helpCard';
import { renderProvidersCard } from '../../cards/providersCard';
import { translatorFor } from '../../i18n/i18n';
import { ensureAllowed } from '../guards';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import { sendCard } from '../respond';
import { callContextOf, type DialogServices } from '../services';

export const PROVIDERS_DIALOG_ID = 'providersDialog';

/** `providers` / `anbieter`: the partner's indirect providers (Partner Center relationships API). */
export class ProvidersDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(PROVIDERS_DIALOG_ID);
    this.addDialog(new WaterfallDialog('providers.list', [this.listStep.bind(this)]));
    this.initialDialogId = 'providers.list';
  }

  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const t = translatorFor(context.activity.locale);
    const check = await ensureAllowed(context, this.services.roles, 'providers.read');
    if (!check.allowed) {
      await context.sendActivity(check.message);
      return step.endDialog();
    }
    let providers;
    try {
      providers = await this.services.partnerCenter.listIndirectProviders(
        callContextOf(this.services, context, 'user'),
      );
    } catch (err) {
      await context.sendActivity(partnerCenterErrorText(t, err));
      return step.endDialog();
    }
    if (providers.length === 0) {
      await context.sendActivity(t.t('providers.none', { command: commandWord(t, 'invite') }));
    } else {
      await sendCard(context, renderProvidersCard(t, providers));
    }
    return step.endDialog();
  }
}
