import type { TurnContext } from 'botbuilder';
import {
  renderInviteCancelledCard,
  renderInviteChoiceCard,
  renderInviteDetailsCard,
  type InviteDetails,
  type InviteSelection,
  type ProviderOption,
} from '../../cards/inviteCards';
import { findTemplate, type RoleTemplate } from '../../domain/gdap';
import { isUsableLink } from '../../domain/inviteDraft';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { isPartnerCenterError, PartnerCenterError } from '../../partnerCenter/errors';
import { ensureAllowed } from '../guards';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import type { Answer } from '../respond';
import { callContextOf, type DialogServices } from '../services';
import { actorOf, AdminAccessRequests } from './adminAccess';
import { gdapErrorText } from './adminAccessText';
import { templateName } from '../../cards/gdapText';
import { DraftStage, type DraftState } from './draftStage';
import { draftEmail } from './emailText';
import { InvitationRecorder, type Inviter } from './invitationRecorder';
import {
  adminChoiceSchema,
  checkInput,
  chooseDataSchema,
  detailsDataSchema,
  detailsLimitsSchema,
} from './inviteSchemas';
import {
  flowData,
  problemAnswer,
  refuseInvalid,
  type StageAction,
  type StageOutcome,
  type StageRequest,
} from './inviteStage';
import { inbound } from '../../common/inboundActivity';

/** The choice card waits: the providers offered (undefined: loading them failed, "Try again"). */
export interface ChoiceState {
  flowId: string;
  inviter: Inviter;
  providers?: ProviderOption[];
}

/** The details card waits for the customer details (or Skip). */
export interface DetailsState {
  flowId: string;
  inviter: Inviter;
  selection: InviteSelection;
}

/** "Also request admin access" as chosen on the details card: off, or on with a template. */
type AdminChoice =
  { on: false; templateId: string } | { on: true; templateId: string; template: RoleTemplate };

/**
 * The invite flow's behaviour, stage by stage: the choice (reseller request, or new customers with
 * an indirect provider), the optional customer details and the personalized link from Partner
 * Center, then the draft email (`draft`: edit, copy, Done). Each action returns what to answer and
 * where the flow goes; the dialog only waits for cards and routes verbs here.
 */
export class InviteController {
  /** The draft email stage (Copy text, Done). */
  readonly draft: DraftStage;
  /** The admin access (GDAP) requests: create, lock, delete, sweep — each audited. */
  readonly admin: AdminAccessRequests;

  constructor(
    readonly services: DialogServices,
    now: () => Date = () => new Date(),
  ) {
    this.admin = new AdminAccessRequests({ ...services, now });
    this.draft = new DraftStage(
      new InvitationRecorder({ ...services, now }),
      this.admin,
      services.gdapTemplates,
    );
  }

  /** `invite`: the role check, then the choice card with the indirect providers. */
  async start(context: TurnContext, flowId: string): Promise<{ answer: Answer; next?: ChoiceState }> {
    const check = await ensureAllowed(context, this.services.roles, 'invite');
    if (!check.allowed) return { answer: { message: check.message } };
    const from = inbound(context).from;
    const inviter: Inviter = { aadObjectId: from?.aadObjectId ?? '', name: from?.name };
    const state: ChoiceState = { flowId, inviter };
    const t = translatorFor(context.activity.locale);
    // Admin access requests abandoned without Done or Cancel (no further message) go here.
    await this.admin.sweep(actorOf(context, check.roles));
    const loaded = await this.loadProviders(context, t);
    const card = renderInviteChoiceCard(t, {
      flow: flowData(flowId),
      providers: loaded.providers,
      providersError: loaded.error,
    });
    return { answer: { card }, next: { ...state, providers: loaded.providers } };
  }

  /**
   * A click on a waiting card: the clicker must (still) be allowed — a colleague in a channel may
   * click someone's card — then the action runs.
   */
  async handle<S, N>(
    context: TurnContext,
    data: Record<string, unknown>,
    state: S,
    action: StageAction<S, N>,
  ): Promise<StageOutcome<S, N>> {
    const check = await ensureAllowed(context, this.services.roles, 'invite');
    if (!check.allowed) return { answer: { message: check.message }, stay: state };
    return action({ context, data, roles: check.roles, state });
  }

  // ---------------------------------------------------------- the choice

  readonly retryProviders: StageAction<ChoiceState, DetailsState> = async ({ context, state }) => {
    const t = translatorFor(context.activity.locale);
    const loaded = await this.loadProviders(context, t);
    const card = renderInviteChoiceCard(t, {
      flow: flowData(state.flowId),
      providers: loaded.providers,
      providersError: loaded.error,
    });
    return { answer: { card }, stay: { ...state, providers: loaded.providers } };
  };

  readonly choose: StageAction<ChoiceState, DetailsState> = ({ context, data, state }) => {
    const t = translatorFor(context.activity.locale);
    const parsed = chooseDataSchema.safeParse(data);
    if (!parsed.success) return refuseInvalid(t, state);
    let selection: InviteSelection = { kind: 'reseller' };
    if (parsed.data.kind === 'indirectReseller') {
      const providers = state.providers ?? [];
      // The card offers "Invite new customers" only when there are providers: anything else is forged.
      if (providers.length === 0) return refuseInvalid(t, state);
      const wanted = parsed.data.providerId?.trim().toLowerCase();
      const provider = providers.find((p) => p.id.toLowerCase() === wanted);
      if (!provider) {
        const error = t.t('invite.choice.providerRequired');
        const card = renderInviteChoiceCard(t, { flow: flowData(state.flowId), providers, error });
        return { answer: { card }, stay: state };
      }
      selection = { kind: 'indirectReseller', provider: { id: provider.id, name: provider.name } };
    }
    const card = renderInviteDetailsCard(t, {
      flow: flowData(state.flowId),
      selection,
      values: {},
      adminAccess: this.adminOption(),
    });
    return { answer: { card }, next: { flowId: state.flowId, inviter: state.inviter, selection } };
  };

  // --------------------------------------------- the details and the link

  readonly submitDetails: StageAction<DetailsState, DraftState> = async (request) => {
    const { context, data, state } = request;
    const t = translatorFor(context.activity.locale);
    const admin = this.readAdminChoice(data);
    if (!admin) return refuseInvalid(t, state);
    const checked = checkInput(detailsDataSchema, detailsLimitsSchema, data);
    if (checked.ok) return this.toDraft(request, checked.value, admin);
    const { problem, entries } = checked;
    if (problem.kind !== 'invalidEmail' || !entries)
      return { answer: problemAnswer(t, problem), stay: state };
    const card = renderInviteDetailsCard(t, {
      flow: flowData(state.flowId),
      selection: state.selection,
      values: entries,
      error: t.t('invite.details.invalidEmail', { email: problem.email }),
      adminAccess: this.adminOption(admin),
    });
    return { answer: { card }, stay: state };
  };

  readonly skipDetails: StageAction<DetailsState, DraftState> = async (request) => {
    const admin = this.readAdminChoice(request.data);
    if (!admin) return refuseInvalid(translatorFor(request.context.activity.locale), request.state);
    return this.toDraft(request, {}, admin);
  };

  /** Step 4 of the seed: the personalized link, always from Partner Center, never assembled here. */
  private async toDraft(
    { context, state, roles }: StageRequest<DetailsState>,
    details: InviteDetails,
    admin: AdminChoice,
  ): Promise<StageOutcome<DetailsState, DraftState>> {
    const t = translatorFor(context.activity.locale);
    const { selection, inviter } = state;
    const retry = (error: string): StageOutcome<DetailsState, DraftState> => {
      const card = renderInviteDetailsCard(t, {
        flow: flowData(state.flowId),
        selection,
        values: details,
        error,
        retry: true,
        adminAccess: this.adminOption(admin),
      });
      return { answer: { card }, stay: state };
    };
    let link: string;
    try {
      link = await this.requestLink(context, selection);
    } catch (err) {
      this.logFailure(err, 'relationship request link failed');
      return retry(t.t('invite.details.linkFailed', { error: partnerCenterErrorText(t, err) }));
    }
    let adminAccess: DraftState['adminAccess'];
    if (admin.on) {
      // Created now (status `created`); Done locks it for approval, Cancel or a stale flow deletes it.
      const created = await this.admin.create({
        template: admin.template,
        company: details.companyName,
        actor: actorOf(context, roles),
      });
      if (!created.ok) {
        const error = gdapErrorText(t, created.error, templateName(t, admin.template));
        return retry(t.t('invite.admin.createFailed', { error }));
      }
      adminAccess = created.value;
    }
    const email = draftEmail(t, {
      selection,
      details,
      link,
      senderName: inviter.name,
      adminAccess:
        admin.on && adminAccess ? { link: adminAccess.approvalLink, template: admin.template } : undefined,
    });
    const draft: DraftState = {
      flowId: state.flowId,
      selection,
      details,
      link,
      inviter,
      ...email,
      ...(adminAccess ? { adminAccess } : {}),
    };
    return { answer: { card: this.draft.card(t, draft) }, next: draft };
  }

  /** The admin access option of the details card (on with the default template unless chosen). */
  private adminOption(choice?: AdminChoice) {
    const set = this.services.gdapTemplates;
    return {
      templates: set.templates,
      on: choice?.on ?? true,
      templateId: choice?.templateId || set.defaultTemplateId,
    };
  }

  /**
   * The admin access inputs: absent (a card without the option) is off; an unknown template id is
   * forged (undefined); an empty one is the default template.
   */
  private readAdminChoice(data: Record<string, unknown>): AdminChoice | undefined {
    const parsed = adminChoiceSchema.safeParse(data);
    if (!parsed.success) return undefined;
    const templateId = parsed.data.templateId || this.services.gdapTemplates.defaultTemplateId;
    if (!parsed.data.adminAccess) return { on: false, templateId };
    const template = findTemplate(this.services.gdapTemplates, templateId);
    return template ? { on: true, templateId, template } : undefined;
  }

  private async requestLink(context: TurnContext, selection: InviteSelection): Promise<string> {
    const provider = selection.kind === 'indirectReseller' ? selection.provider : undefined;
    const answer = await this.services.partnerCenter.getRelationshipRequestLink(
      provider ? { indirectCloudSolutionProviderId: provider.id } : {},
      callContextOf(this.services, context, 'user'),
    );
    if (!isUsableLink(answer.url)) {
      throw new PartnerCenterError('unknown', 'relationship request link is not a usable URL', {
        operation: 'getRelationshipRequestLink',
      });
    }
    return answer.url;
  }

  /** Cancel on any card of the flow: an admin access request it made is deleted; the flow ends. */
  async cancel<S>({ context, roles, state }: StageRequest<S>): Promise<StageOutcome<S, never>> {
    const t = translatorFor(context.activity.locale);
    const draft = state as Partial<DraftState>;
    if (draft.adminAccess && !draft.adminAccessLocked) {
      await this.admin.discard(draft.adminAccess, actorOf(context, roles), 'cancelled');
    }
    return { answer: { card: renderInviteCancelledCard(t) }, cancelled: true };
  }

  // --------------------------------------------------------------- helpers

  private async loadProviders(
    context: TurnContext,
    t: Translator,
  ): Promise<{ providers?: ProviderOption[]; error?: string }> {
    try {
      const providers = await this.services.partnerCenter.listIndirectProviders(
        callContextOf(this.services, context, 'user'),
      );
      return {
        providers: providers
          .filter((p) => !p.state || p.state.toLowerCase() === 'active')
          .map((p) => ({ id: p.id, name: p.name })),
      };
    } catch (err) {
      const error = partnerCenterErrorText(t, err);
      this.logFailure(err, 'listing indirect providers failed');
      return { error };
    }
  }

  private logFailure(err: unknown, message: string): void {
    this.services.logger.warn(isPartnerCenterError(err) ? { err: err.toLogObject() } : {}, message);
  }
}
