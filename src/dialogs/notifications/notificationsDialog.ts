import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { translatorFor } from '../../i18n/i18n';
import { ensureAllowed } from '../guards';
import type { CommandDialogOptions } from '../mainDialog';
import type { DialogServices } from '../services';
import { inbound } from '../../common/inboundActivity';

export const NOTIFICATIONS_DIALOG_ID = 'notificationsDialog';
const TOGGLE_WATERFALL = 'notifications.toggle';

export type NotificationsSwitch = 'on' | 'off' | 'status';

const WORDS: Readonly<Record<string, NotificationsSwitch>> = {
  on: 'on',
  an: 'on',
  ein: 'on',
  enable: 'on',
  off: 'off',
  aus: 'off',
  disable: 'off',
  '': 'status',
  status: 'status',
};

/** `on`/`an`, `off`/`aus`, nothing/`status`; undefined for anything else. */
export function parseNotificationsSwitch(args: string): NotificationsSwitch | undefined {
  return WORDS[args.trim().toLowerCase()];
}

/**
 * `notifications on|off` / `benachrichtigungen an|aus` in a team channel: whether the channel is
 * told about accepted invitations. Switching needs Admin agent or Global admin; anyone may ask
 * for the status. Outside channels it explains where the setting lives.
 */
export class NotificationsDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(NOTIFICATIONS_DIALOG_ID);
    this.addDialog(new WaterfallDialog(TOGGLE_WATERFALL, [this.toggleStep.bind(this)]));
    this.initialDialogId = TOGGLE_WATERFALL;
  }

  private async toggleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const activity = inbound(context);
    const t = translatorFor(activity.locale);
    const options = step.options as Partial<CommandDialogOptions>;
    const wanted = parseNotificationsSwitch(options.args ?? '');
    if (!wanted) {
      await context.sendActivity(t.t('notifications.cmd.usage'));
      return step.endDialog();
    }
    const conversationId = activity.conversation?.id;
    if (activity.conversation?.conversationType !== 'channel' || !conversationId) {
      await context.sendActivity(t.t('notifications.cmd.channelOnly'));
      return step.endDialog();
    }
    const { partnerTenantId, conversations } = this.services;
    if (wanted === 'status') {
      const record = await conversations.get(partnerTenantId, conversationId);
      await context.sendActivity(
        t.t(record?.notificationsEnabled ? 'notifications.cmd.statusOn' : 'notifications.cmd.statusOff'),
      );
      return step.endDialog();
    }
    const check = await ensureAllowed(context, this.services.roles, 'notifications.manage');
    if (!check.allowed) {
      await context.sendActivity(check.message);
      return step.endDialog();
    }
    const enabled = wanted === 'on';
    if (!(await conversations.setNotificationsEnabled(partnerTenantId, conversationId, enabled))) {
      await context.sendActivity(t.t('notifications.cmd.notStored'));
      return step.endDialog();
    }
    await this.services.audit.append({
      partnerTenantId,
      action: enabled ? 'notifications.enabled' : 'notifications.disabled',
      outcome: 'succeeded',
      actor: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name, roles: check.roles },
      details: { conversationId },
    });
    await context.sendActivity(t.t(enabled ? 'notifications.cmd.on' : 'notifications.cmd.off'));
    return step.endDialog();
  }
}
