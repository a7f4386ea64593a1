import { z } from 'zod';
import { cardResponse, messageResponse, type CardActionHandler } from '../cardResponses';
import { reminderCardInput, renderReminderCard, renderResendCard } from '../../cards/notificationCards';
import type { Invitation } from '../../domain/invitations';
import { ensureAllowed } from '../guards';
import type { DialogServices } from '../services';
import { inbound } from '../../common/inboundActivity';

export const RESEND_VERB = 'notifications.resend';
export const WITHDRAW_VERB = 'notifications.withdraw';

const reminderDataSchema = z.object({
  invitationId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9._:-]+$/),
});

/**
 * The buttons of the reminder card. Stateless (the reminder arrives proactively, no dialog
 * waits for it): the data names the invitation, which is read again and checked. Forged or
 * stale data changes nothing and gets a clear message.
 */
export function createReminderActions(
  services: DialogServices,
  now: () => number = Date.now,
): Record<string, CardActionHandler> {
  const { partnerTenantId, invitations } = services;

  const load = async (
    data: Record<string, unknown>,
  ): Promise<{ invitation?: Invitation; invalid?: boolean }> => {
    const parsed = reminderDataSchema.safeParse(data);
    if (!parsed.success) return { invalid: true };
    return { invitation: await invitations.get(partnerTenantId, parsed.data.invitationId) };
  };

  const resend: CardActionHandler = async ({ context, data, t }) => {
    const check = await ensureAllowed(context, services.roles, 'invite');
    if (!check.allowed) return messageResponse(check.message);
    const { invitation, invalid } = await load(data);
    if (invalid) return messageResponse(t.t('card.invalid'));
    if (!invitation) return messageResponse(t.t('notifications.reminder.notFound'));
    if (invitation.status === 'accepted')
      return messageResponse(t.t('notifications.reminder.alreadyAccepted'));
    if (invitation.status === 'expired')
      return messageResponse(t.t('notifications.reminder.alreadyWithdrawn'));
    return cardResponse(
      renderResendCard(t, {
        link: invitation.link,
        contactEmail: invitation.customer?.contactEmail,
        subject: invitation.emailSubject,
      }),
    );
  };

  const withdraw: CardActionHandler = async ({ context, data, t }) => {
    const check = await ensureAllowed(context, services.roles, 'invite');
    if (!check.allowed) return messageResponse(check.message);
    const { invitation, invalid } = await load(data);
    if (invalid) return messageResponse(t.t('card.invalid'));
    if (!invitation) return messageResponse(t.t('notifications.reminder.notFound'));
    const at = new Date(now()).toISOString();
    const updated = await invitations.update(partnerTenantId, invitation.id, (current) =>
      current.status === 'pending'
        ? { ...current, status: 'expired', expiredAt: at, updatedAt: at }
        : undefined,
    );
    if (!updated) return messageResponse(t.t('notifications.reminder.notFound'));
    if (updated.status === 'accepted') return messageResponse(t.t('notifications.reminder.alreadyAccepted'));
    if (updated.expiredAt === at) {
      const from = inbound(context).from;
      await services.audit.append({
        id: `invitation-withdrawn-${updated.id}`,
        partnerTenantId,
        action: 'invitation.withdrawn',
        outcome: 'succeeded',
        actor: { aadObjectId: from?.aadObjectId, name: from?.name, roles: check.roles },
        customer: updated.customer?.companyName ? { companyName: updated.customer.companyName } : undefined,
        details: { invitationId: updated.id },
      });
    }
    return cardResponse(
      renderReminderCard(t, {
        ...reminderCardInput(updated, now()),
        status: t.t('notifications.reminder.withdrawn'),
      }),
    );
  };

  return { [RESEND_VERB]: resend, [WITHDRAW_VERB]: withdraw };
}
