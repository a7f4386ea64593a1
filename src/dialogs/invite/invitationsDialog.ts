import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { commandWord } from '../../cards/helpCard';
import { translatorFor } from '../../i18n/i18n';
import { StorageError } from '../../storage/errors';
import { ensureAllowed } from '../guards';
import type { CommandDialogOptions } from '../mainDialog';
import { answer, say } from '../respond';
import type { DialogServices } from '../services';
import { invitationsPageCard, parseInvitationsView } from './invitationsPage';

export const INVITATIONS_DIALOG_ID = 'invitationsDialog';
const LIST_WATERFALL = 'invitations.list';

/**
 * `invitations` / `einladungen` [mine|all / meine|alle]: the first page of the partner's
 * invitations with status, age, channel and sender. Further pages come from the stateless
 * `invitations.page` action, so the list keeps working while another flow runs.
 */
export class InvitationsDialog extends ComponentDialog {
  private readonly now: () => Date;

  constructor(
    private readonly services: DialogServices,
    options: { now?: () => Date } = {},
  ) {
    super(INVITATIONS_DIALOG_ID);
    this.now = options.now ?? (() => new Date());
    this.addDialog(new WaterfallDialog(LIST_WATERFALL, [this.listStep.bind(this)]));
    this.initialDialogId = LIST_WATERFALL;
  }

  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const t = translatorFor(context.activity.locale);
    const check = await ensureAllowed(context, this.services.roles, 'invitations.read');
    if (!check.allowed) {
      await say(context, check.message);
      return step.endDialog();
    }
    const options = step.options as Partial<CommandDialogOptions>;
    const view = parseInvitationsView(options.args ?? '');
    const command = commandWord(t, 'invitations');
    if (!view) {
      await say(context, t.t('invitations.badArgs', { command, mine: t.t('invitations.word.mine') }));
      return step.endDialog();
    }
    try {
      const card = await invitationsPageCard(this.services, context, t, { view, page: 1 }, this.now());
      await answer(context, { card });
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
      this.services.logger.warn({ code: err.code }, 'invitations could not be listed');
      await say(context, t.t('error.unavailable', { ref: err.code }));
    }
    return step.endDialog();
  }
}
