import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { templateName } from '../../cards/gdapText';
import { defaultTemplate } from '../../domain/gdap';
import { translatorFor } from '../../i18n/i18n';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import type { Customer } from '../../partnerCenter/types';
import { ensureAllowed } from '../guards';
import type { Answer } from '../respond';
import { callContextOf, type DialogServices } from '../services';
import { actorOf, type AdminAccessRequests } from './adminAccess';
import { gdapErrorText } from './adminAccessText';
import type { DraftStage, DraftState } from './draftStage';
import { draftEmail } from './emailText';
import { inbound } from '../../common/inboundActivity';

/** The card data of "Request admin access" on an expanded customer (the customers feature). */
export const adminAccessOnlySchema = z.object({
  customerId: z.string().trim().min(1).max(64),
  adminAccessOnly: z.literal(true),
});

/** True when the `invite` command was started for admin access alone. */
export function isAdminAccessOnly(cardData: unknown): boolean {
  return (cardData as { adminAccessOnly?: unknown } | undefined)?.adminAccessOnly === true;
}

/**
 * `invite` for an existing customer, admin access only: the role check (Admin agents and Global
 * admins), the customer from Partner Center, a GDAP request for that customer's tenant from the
 * default role template, and the draft email with only the approval link. Done (the draft stage)
 * locks it and records an invitation of kind "adminAccess".
 */
export async function startAdminAccessOnly(
  deps: { services: DialogServices; admin: AdminAccessRequests; draft: DraftStage },
  context: TurnContext,
  flowId: string,
  cardData: unknown,
): Promise<{ answer: Answer; next?: DraftState }> {
  const { services, admin } = deps;
  const check = await ensureAllowed(context, services.roles, 'invite');
  if (!check.allowed) return { answer: { message: check.message } };
  const t = translatorFor(context.activity.locale);
  const parsed = adminAccessOnlySchema.safeParse(cardData);
  if (!parsed.success) return { answer: { message: t.t('invite.admin.badStart') } };
  const actor = actorOf(context, check.roles);
  await admin.sweep(actor);
  let customer: Customer;
  try {
    customer = await services.partnerCenter.getCustomer(
      parsed.data.customerId,
      callContextOf(services, context, 'user'),
    );
  } catch (err) {
    return {
      answer: { message: t.t('invite.admin.customerFailed', { error: partnerCenterErrorText(t, err) }) },
    };
  }
  const set = services.gdapTemplates;
  const template = defaultTemplate(set);
  const created = await admin.create({
    template,
    company: customer.companyName,
    customer: { tenantId: customer.tenantId || customer.id, displayName: customer.companyName },
    actor,
  });
  if (!created.ok) {
    const error = gdapErrorText(t, created.error, templateName(t, template));
    return { answer: { message: t.t('invite.admin.createFailed', { error }) } };
  }
  const request = created.value;
  const from = inbound(context).from;
  const details = { companyName: customer.companyName };
  const selection = { kind: 'adminAccess' as const };
  const email = draftEmail(t, {
    selection,
    details,
    link: request.approvalLink,
    senderName: from?.name,
    adminAccess: { link: request.approvalLink, template },
  });
  const draft: DraftState = {
    flowId,
    selection,
    details,
    link: request.approvalLink,
    inviter: { aadObjectId: from?.aadObjectId ?? '', name: from?.name },
    adminAccess: request,
    ...email,
  };
  return { answer: { card: deps.draft.card(t, draft) }, next: draft };
}
