import { randomUUID } from 'node:crypto';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderAuditListCard } from '../../cards/removeCards';
import { translatorFor } from '../../i18n/i18n';
import { ensureAllowed } from '../guards';
import type { CommandDialogOptions } from '../mainDialog';
import { sendCard } from '../respond';
import type { DialogServices } from '../services';
import { say } from '../respond';

export const AUDIT_DIALOG_ID = 'auditDialog';
const WATERFALL = 'audit.show';

/** Entries shown by default, and at most (`audit 20`); the card stays under Teams' size limit. */
export const AUDIT_DEFAULT_ENTRIES = 10;
export const AUDIT_MAX_ENTRIES = 20;

/**
 * `audit` / `protokoll` [count]: the latest entries of the append-only audit log (removal
 * attempts and other audited changes), newest first. Global admins and Admin agents only.
 */
export class AuditDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(AUDIT_DIALOG_ID);
    this.addDialog(new WaterfallDialog(WATERFALL, [this.showStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translatorFor(step.context.activity.locale);
    const allowed = await ensureAllowed(step.context, this.services.roles, 'audit.read');
    if (!allowed.allowed) {
      await say(step.context, allowed.message);
      return step.endDialog();
    }
    const options = step.options as Partial<CommandDialogOptions> | undefined;
    const limit = entryCount(options?.args ?? '');
    let entries;
    try {
      entries = await this.services.audit.latest(this.services.partnerTenantId, limit);
    } catch (err) {
      const ref = randomUUID().slice(0, 8);
      this.services.logger.warn(
        { ref, error: err instanceof Error ? err.name : 'unknown' },
        'audit log could not be read',
      );
      await say(step.context, t.t('error.unavailable', { ref }));
      return step.endDialog();
    }
    await sendCard(step.context, renderAuditListCard(t, entries));
    return step.endDialog();
  }
}

/** `audit 15` → 15 (1..AUDIT_MAX_ENTRIES); anything else → the default. */
export function entryCount(args: string): number {
  const n = /^\d{1,3}$/.test(args.trim()) ? Number(args.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1) return AUDIT_DEFAULT_ENTRIES;
  return Math.min(n, AUDIT_MAX_ENTRIES);
}
