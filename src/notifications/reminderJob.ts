import { reminderCardInput, renderReminderCard } from '../cards/notificationCards';
import type { Invitation, InvitationRepository } from '../domain/invitations';
import { translatorFor } from '../i18n/i18n';
import type { Logger } from '../logging/logger';
import type { DedupeRepository } from '../storage/dedupeRepository';
import type { Clock } from './clock';
import { cardActivity, conversationIdOf, type NotificationDelivery } from './delivery';
import { DECISION_TTL_SECONDS, reminderId, type DeliveryRecord, type ReminderRecord } from './records';

export interface ReminderJobDeps {
  partnerTenantId: string;
  invitations: InvitationRepository;
  dedupe: DedupeRepository;
  delivery: NotificationDelivery;
  clock: Clock;
  logger: Logger;
  /** Remind after this many days pending; 0 = never. */
  afterDays: number;
}

const DAY_MS = 24 * 3600_000;
/** Reminders sent per run at most (the rest follow on the next run). */
const MAX_PER_RUN = 200;

/**
 * Invitations pending longer than `afterDays` get ONE reminder to their inviter, with "Resend"
 * and "Withdraw". Once means once: a create-if-absent record per invitation decides, whichever
 * instance runs the job, and `remindedAt` is set on the invitation (ETag).
 */
export class ReminderJob {
  constructor(private readonly deps: ReminderJobDeps) {}

  /** Returns the number of reminders sent. */
  async run(): Promise<number> {
    if (this.deps.afterDays <= 0) return 0;
    const now = this.deps.clock.now();
    const cutoff = new Date(now - this.deps.afterDays * DAY_MS).toISOString();
    let sent = 0;
    let continuation: string | undefined;
    do {
      const page = await this.deps.invitations.list(this.deps.partnerTenantId, {
        status: 'pending',
        limit: 100,
        continuation,
      });
      for (const invitation of page.items) {
        if (sent >= MAX_PER_RUN) return sent;
        if (invitation.remindedAt || invitation.createdAt > cutoff) continue;
        // An admin-access-only request is followed by the GDAP approval processing (declined or
        // expired after 90 days is announced there); the reseller-link reminder does not fit it.
        if (invitation.kind === 'adminAccess') continue;
        if (await this.remind(invitation, now)) sent++;
      }
      continuation = page.continuation;
    } while (continuation);
    return sent;
  }

  private async remind(invitation: Invitation, now: number): Promise<boolean> {
    const at = new Date(now).toISOString();
    const claim = await this.deps.dedupe.tryCreate<ReminderRecord>({
      id: reminderId(this.deps.partnerTenantId, invitation.id),
      type: 'reminder',
      ttl: DECISION_TTL_SECONDS,
      partnerTenantId: this.deps.partnerTenantId,
      invitationId: invitation.id,
      createdAt: at,
    });
    if (!claim) return false; // reminded before (by this or another instance)
    const updated = await this.deps.invitations.update(this.deps.partnerTenantId, invitation.id, (current) =>
      current.status === 'pending' && !current.remindedAt
        ? { ...current, remindedAt: at, updatedAt: at }
        : undefined,
    );
    if (!updated || updated.status !== 'pending' || updated.remindedAt !== at) return false;

    const conversationId = conversationIdOf(updated.conversationReference) ?? updated.conversationId;
    const target = await this.deps.delivery.resolve(conversationId, updated.conversationReference);
    const t = translatorFor(updated.locale ?? target.locale);
    const card = renderReminderCard(t, reminderCardInput(updated, now));
    const pending: DeliveryRecord = { target: 'inviter', conversationId, status: 'pending', attempts: 0 };
    const delivery = await this.deps.delivery.send(
      pending,
      target,
      cardActivity(card, t.t('notifications.reminder.title')),
      () => new Date(this.deps.clock.now()).toISOString(),
    );
    await this.deps.dedupe
      .replaceIfMatch<ReminderRecord>({ ...claim, delivery }, claim.etag)
      .catch((err: unknown) =>
        this.deps.logger.warn({ err: (err as Error).message }, 'reminder: delivery status not recorded'),
      );
    this.deps.logger.info(
      { invitationId: updated.id, status: delivery.status, attempts: delivery.attempts },
      'reminder: sent',
    );
    return delivery.status === 'sent';
  }
}
