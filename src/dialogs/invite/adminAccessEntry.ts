import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderAdminAccessTemplateCard } from '../../cards/adminAccessCards';
import { templateName } from '../../cards/gdapText';
import { defaultTemplate, findTemplate, type RoleTemplate } from '../../domain/gdap';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import type { Customer } from '../../partnerCenter/types';
import { ensureAllowed } from '../guards';
import type { Answer } from '../respond';
import { callContextOf, type DialogServices } from '../services';
import { actorOf, type AdminAccessRequests } from './adminAccess';
import { gdapErrorText } from './adminAccessText';
import type { DraftStage, DraftState } from './draftStage';
import { draftEmail } from './emailText';
import type { Inviter } from './invitationRecorder';
import { flowData, refuseInvalid, type StageAction } from './inviteStage';
import { inbound } from '../../common/inboundActivity';

/**
 * The card data that starts `invite` for admin access alone: "Request admin access" on an
 * expanded customer, or a button elsewhere (e.g. an expiry warning) that preselects a template.
 */
export const adminAccessOnlySchema = z.object({
  customerId: z.string().trim().min(1).max(64),
  adminAccessOnly: z.literal(true),
  templateId: z.string().trim().max(64).optional(),
});

/** The role template card's data (besides flowId/command, checked by CardActionPrompt). */
const templateChoiceSchema = z.object({ templateId: z.string().trim().min(1).max(64) });

/** True when the `invite` command was started for admin access alone. */
export function isAdminAccessOnly(cardData: unknown): boolean {
  return (cardData as { adminAccessOnly?: unknown } | undefined)?.adminAccessOnly === true;
}

/** The role template card waits: for whom, and the template shown as chosen. */
export interface AdminTemplateState {
  flowId: string;
  inviter: Inviter;
  customer: { id: string; tenantId: string; companyName: string };
  templateId: string;
}

export interface AdminAccessEntryDeps {
  services: DialogServices;
  admin: AdminAccessRequests;
  draft: DraftStage;
}

/**
 * `invite` for an existing customer, admin access only: the role check (Admin agents and Global
 * admins), the customer from Partner Center, the role template card (the same choice as the
 * new-customer invite; a template named by the starting button is preselected), then a GDAP
 * request for that customer's tenant and the draft email with only the approval link. Done (the
 * draft stage) locks it and records an invitation of kind "adminAccess".
 */
export class AdminAccessEntry {
  constructor(private readonly deps: AdminAccessEntryDeps) {}

  async start(
    context: TurnContext,
    flowId: string,
    cardData: unknown,
  ): Promise<{ answer: Answer; next?: AdminTemplateState }> {
    const { services, admin } = this.deps;
    const check = await ensureAllowed(context, services.roles, 'invite');
    if (!check.allowed) return { answer: { message: check.message } };
    const t = translatorFor(context.activity.locale);
    const parsed = adminAccessOnlySchema.safeParse(cardData);
    if (!parsed.success) return { answer: { message: t.t('invite.admin.badStart') } };
    await admin.sweep(actorOf(context, check.roles));
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
    const wanted = parsed.data.templateId;
    const preselected = wanted ? findTemplate(set, wanted) : undefined;
    const from = inbound(context).from;
    const state: AdminTemplateState = {
      flowId,
      inviter: { aadObjectId: from?.aadObjectId ?? '', name: from?.name },
      customer: {
        id: customer.id,
        tenantId: customer.tenantId || customer.id,
        companyName: customer.companyName,
      },
      templateId: (preselected ?? this.defaultTemplate()).id,
    };
    // A template named by the button that is no longer configured: the user chooses another.
    const error = wanted && !preselected ? t.t('gdap.template.unknown') : undefined;
    return { answer: { card: this.card(t, state, { error }) }, next: state };
  }

  /** Continue on the role template card: the GDAP request (status `created`) and the draft email. */
  readonly choose: StageAction<AdminTemplateState, DraftState> = async ({ context, data, roles, state }) => {
    const t = translatorFor(context.activity.locale);
    const parsed = templateChoiceSchema.safeParse(data);
    const template = parsed.success
      ? findTemplate(this.deps.services.gdapTemplates, parsed.data.templateId)
      : undefined;
    // The card offers only configured templates: anything else is forged.
    if (!template) return refuseInvalid(t, state);
    const chosen = { ...state, templateId: template.id };
    const { customer } = state;
    const created = await this.deps.admin.create({
      template,
      company: customer.companyName,
      customer: { tenantId: customer.tenantId, displayName: customer.companyName },
      actor: actorOf(context, roles),
    });
    if (!created.ok) {
      const error = t.t('invite.admin.createFailed', {
        error: gdapErrorText(t, created.error, templateName(t, template)),
      });
      return { answer: { card: this.card(t, chosen, { error, retry: true }) }, stay: chosen };
    }
    const draft = this.draftOf(t, chosen, template, created.value);
    return { answer: { card: this.deps.draft.card(t, draft) }, next: draft };
  };

  private draftOf(
    t: Translator,
    state: AdminTemplateState,
    template: RoleTemplate,
    request: NonNullable<DraftState['adminAccess']>,
  ): DraftState {
    const details = { companyName: state.customer.companyName };
    const selection = { kind: 'adminAccess' as const };
    const email = draftEmail(t, {
      selection,
      details,
      link: request.approvalLink,
      senderName: state.inviter.name,
      adminAccess: { link: request.approvalLink, template },
    });
    return {
      flowId: state.flowId,
      selection,
      details,
      link: request.approvalLink,
      inviter: state.inviter,
      adminAccess: request,
      ...email,
    };
  }

  private defaultTemplate(): RoleTemplate {
    const set = this.deps.services.gdapTemplates;
    return defaultTemplate(set);
  }

  private card(t: Translator, state: AdminTemplateState, extra: { error?: string; retry?: boolean }) {
    return renderAdminAccessTemplateCard(t, {
      flow: flowData(state.flowId),
      customer: state.customer.companyName,
      templates: this.deps.services.gdapTemplates.templates,
      templateId: state.templateId,
      ...extra,
    });
  }
}
