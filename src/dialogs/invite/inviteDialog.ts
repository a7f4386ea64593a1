import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { TurnContext } from 'botbuilder';
import { cardResponse, messageResponse } from '../cardResponses';
import {
  renderInviteCancelledCard,
  renderInviteChoiceCard,
  renderInviteDetailsCard,
  renderInviteDoneCard,
  renderInviteDraftCard,
  type InviteDetails,
  type InviteFlowData,
  type InviteSelection,
  type ProviderOption,
} from '../../cards/inviteCards';
import type { AdaptiveCardJson } from '../../cards/render';
import { ACQUISITION_CHANNELS, type AcquisitionChannel, type Invitation } from '../../domain/invitations';
import {
  INVITE_LIMITS,
  containsLink,
  finishedText,
  isUsableLink,
  isValidEmail,
  cleanText,
} from '../../domain/inviteDraft';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { isPartnerCenterError, PartnerCenterError } from '../../partnerCenter/errors';
import { StorageError } from '../../storage/errors';
import {
  CardActionPrompt,
  isCardInvoke,
  newFlowId,
  setCardResponse,
  type CardAction,
  type CardActionPromptOptions,
} from '../cardFlow';
import { ensureAllowed } from '../guards';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import { sendCard } from '../respond';
import { callContextOf, type DialogServices } from '../services';
import { draftEmail } from './emailText';
import { chooseDataSchema, detailsDataSchema, draftDataSchema, INVITE_VERBS } from './inviteSchemas';

export const INVITE_DIALOG_ID = 'inviteDialog';
const MAIN_WATERFALL = 'invite.main';
const CHOICE_LOOP = 'invite.choiceLoop';
const DETAILS_LOOP = 'invite.detailsLoop';
const DRAFT_LOOP = 'invite.draftLoop';
const PROMPT = 'invite.cardPrompt';

interface Inviter {
  aadObjectId: string;
  name?: string;
}

interface ChoiceLoopOptions {
  flowId: string;
  /** undefined: loading them failed; the card offers "Try again". */
  providers?: ProviderOption[];
}
type ChoiceResult = { cancelled: true } | { cancelled?: false; selection: InviteSelection };

interface DetailsLoopOptions {
  flowId: string;
  selection: InviteSelection;
}
type DetailsResult = { cancelled: true } | { cancelled?: false; details: InviteDetails; link: string };

interface DraftLoopOptions {
  flowId: string;
  selection: InviteSelection;
  details: InviteDetails;
  link: string;
  inviter: Inviter;
  subject: string;
  body: string;
}
type DraftResult = { cancelled: true } | { cancelled?: false; invitation: Invitation };

/** What the main waterfall keeps between its steps (`step.values`). */
interface MainValues {
  flowId: string;
  inviter: Inviter;
  selection: InviteSelection;
}

function valuesOf(step: WaterfallStepContext): Partial<MainValues> & { flowId: string } {
  return step.values as Partial<MainValues> & { flowId: string };
}

/** How the invite dialog ended. */
export interface InviteDialogResult {
  outcome: 'refused' | 'cancelled' | 'recorded';
  invitationId?: string;
}

export interface InviteDialogOptions {
  now?: () => Date;
}

/**
 * `invite` / `einladen`: role check → "Request a reseller relationship" or "Invite new customers"
 * (with an indirect provider) → optional customer details → the personalized link from Partner
 * Center → the draft email card (edit, open in email, copy) → Done: the link must still be in the
 * text; the invitation is stored once (id = flow id) with an audit entry and the card becomes a
 * confirmation. Every card is replaced in place; each stage waits in a loop until its card is
 * answered, so an error shows the same card again with the user's entries kept.
 */
export class InviteDialog extends ComponentDialog {
  private readonly now: () => Date;

  constructor(
    private readonly services: DialogServices,
    options: InviteDialogOptions = {},
  ) {
    super(INVITE_DIALOG_ID);
    this.now = options.now ?? (() => new Date());
    this.addDialog(new CardActionPrompt(PROMPT));
    this.addDialog(
      new WaterfallDialog(MAIN_WATERFALL, [
        this.checkRoleStep.bind(this),
        this.detailsStep.bind(this),
        this.draftStep.bind(this),
        this.finishStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(CHOICE_LOOP, [this.waitForChoiceStep.bind(this), this.handleChoiceStep.bind(this)]),
    );
    this.addDialog(
      new WaterfallDialog(DETAILS_LOOP, [
        this.waitForDetailsStep.bind(this),
        this.handleDetailsStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(DRAFT_LOOP, [this.waitForDraftStep.bind(this), this.handleDraftStep.bind(this)]),
    );
    this.initialDialogId = MAIN_WATERFALL;
  }

  // ------------------------------------------------------------- main flow

  private async checkRoleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const check = await ensureAllowed(context, this.services.roles, 'invite');
    if (!check.allowed) {
      await this.say(context, check.message);
      return step.endDialog({ outcome: 'refused' } satisfies InviteDialogResult);
    }
    const flowId = newFlowId();
    const from = context.activity.from;
    const values = valuesOf(step);
    values.flowId = flowId;
    values.inviter = { aadObjectId: from?.aadObjectId ?? '', name: from?.name };
    const t = translatorFor(context.activity.locale);
    const loaded = await this.loadProviders(context, t);
    await this.show(
      context,
      renderInviteChoiceCard(t, {
        flow: flowData(flowId),
        providers: loaded.providers,
        providersError: loaded.error,
      }),
    );
    return step.beginDialog(CHOICE_LOOP, { flowId, providers: loaded.providers } satisfies ChoiceLoopOptions);
  }

  private async detailsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ChoiceResult;
    if (result.cancelled) return step.endDialog({ outcome: 'cancelled' } satisfies InviteDialogResult);
    const { flowId } = valuesOf(step);
    valuesOf(step).selection = result.selection;
    const t = translatorFor(step.context.activity.locale);
    setCardResponse(
      step.context,
      cardResponse(
        renderInviteDetailsCard(t, { flow: flowData(flowId), selection: result.selection, values: {} }),
      ),
    );
    return step.beginDialog(DETAILS_LOOP, {
      flowId,
      selection: result.selection,
    } satisfies DetailsLoopOptions);
  }

  private async draftStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as DetailsResult;
    if (result.cancelled) return step.endDialog({ outcome: 'cancelled' } satisfies InviteDialogResult);
    const { flowId, selection, inviter } = valuesOf(step) as MainValues;
    const t = translatorFor(step.context.activity.locale);
    const draft = draftEmail(t, {
      selection,
      details: result.details,
      link: result.link,
      senderName: inviter.name,
    });
    const options: DraftLoopOptions = {
      flowId,
      selection,
      details: result.details,
      link: result.link,
      inviter,
      subject: draft.subject,
      body: draft.body,
    };
    setCardResponse(step.context, cardResponse(this.draftCard(t, options)));
    return step.beginDialog(DRAFT_LOOP, options);
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as DraftResult;
    if (result.cancelled) return step.endDialog({ outcome: 'cancelled' } satisfies InviteDialogResult);
    return step.endDialog({
      outcome: 'recorded',
      invitationId: result.invitation.id,
    } satisfies InviteDialogResult);
  }

  // ---------------------------------------------------- stage 1: the choice

  private async waitForChoiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.waitForCard(step, [INVITE_VERBS.choose, INVITE_VERBS.retry, INVITE_VERBS.cancel]);
  }

  private async handleChoiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as ChoiceLoopOptions;
    const action = step.result as CardAction;
    const context = step.context;
    const t = translatorFor(context.activity.locale);
    // A colleague in a channel may click someone's card: the clicker must be allowed, too.
    if (!(await this.stillAllowed(context))) return step.replaceDialog(CHOICE_LOOP, options);
    const flow = flowData(options.flowId);

    if (action.verb === INVITE_VERBS.cancel) return this.cancel(step);
    if (action.verb === INVITE_VERBS.retry) {
      const loaded = await this.loadProviders(context, t);
      setCardResponse(
        context,
        cardResponse(
          renderInviteChoiceCard(t, { flow, providers: loaded.providers, providersError: loaded.error }),
        ),
      );
      return step.replaceDialog(CHOICE_LOOP, { ...options, providers: loaded.providers });
    }

    const parsed = chooseDataSchema.safeParse(action.data);
    if (!parsed.success) return this.refuseData(step, CHOICE_LOOP, options);
    if (parsed.data.kind === 'reseller') {
      return step.endDialog({ selection: { kind: 'reseller' } } satisfies ChoiceResult);
    }
    const providers = options.providers ?? [];
    // The card offers "Invite new customers" only when there are providers: anything else is forged.
    if (providers.length === 0) return this.refuseData(step, CHOICE_LOOP, options);
    const wanted = parsed.data.providerId?.trim().toLowerCase();
    const provider = providers.find((p) => p.id.toLowerCase() === wanted);
    if (!provider) {
      setCardResponse(
        context,
        cardResponse(
          renderInviteChoiceCard(t, { flow, providers, error: t.t('invite.choice.providerRequired') }),
        ),
      );
      return step.replaceDialog(CHOICE_LOOP, options);
    }
    return step.endDialog({
      selection: { kind: 'indirectReseller', provider: { id: provider.id, name: provider.name } },
    } satisfies ChoiceResult);
  }

  // ------------------------------------------ stage 2: details and the link

  private async waitForDetailsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.waitForCard(step, [INVITE_VERBS.details, INVITE_VERBS.skip, INVITE_VERBS.cancel]);
  }

  private async handleDetailsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as DetailsLoopOptions;
    const action = step.result as CardAction;
    const context = step.context;
    const t = translatorFor(context.activity.locale);
    if (!(await this.stillAllowed(context))) return step.replaceDialog(DETAILS_LOOP, options);
    if (action.verb === INVITE_VERBS.cancel) return this.cancel(step);
    const flow = flowData(options.flowId);

    let details: InviteDetails = {};
    if (action.verb === INVITE_VERBS.details) {
      const parsed = detailsDataSchema.safeParse(action.data);
      if (!parsed.success) return this.refuseData(step, DETAILS_LOOP, options);
      const values = parsed.data;
      const companyName = cleanText(values.companyName ?? '').trim();
      const contactEmail = values.contactEmail?.trim() ?? '';
      const channel = values.channel?.trim() ?? '';
      if (companyName.length > INVITE_LIMITS.companyName) {
        return this.refuseTooLong(step, DETAILS_LOOP, options, 'invite.details.tooLong', {
          field: t.t('invite.details.company'),
          max: INVITE_LIMITS.companyName,
        });
      }
      if (contactEmail.length > INVITE_LIMITS.contactEmail) {
        return this.refuseTooLong(step, DETAILS_LOOP, options, 'invite.details.tooLong', {
          field: t.t('invite.details.email'),
          max: INVITE_LIMITS.contactEmail,
        });
      }
      // The choice set offers only the known channels: anything else is forged.
      if (channel && !(ACQUISITION_CHANNELS as readonly string[]).includes(channel)) {
        return this.refuseData(step, DETAILS_LOOP, options);
      }
      if (contactEmail && !isValidEmail(contactEmail)) {
        setCardResponse(
          context,
          cardResponse(
            renderInviteDetailsCard(t, {
              flow,
              selection: options.selection,
              values: { companyName, contactEmail, channel },
              error: t.t('invite.details.invalidEmail', { email: contactEmail }),
            }),
          ),
        );
        return step.replaceDialog(DETAILS_LOOP, options);
      }
      details = compact({
        companyName: companyName || undefined,
        contactEmail: contactEmail || undefined,
        channel: (channel || undefined) as AcquisitionChannel | undefined,
      });
    }

    // Step 4 of the seed: the personalized link, always from Partner Center, never assembled here.
    const provider = options.selection.kind === 'indirectReseller' ? options.selection.provider : undefined;
    let link: string;
    try {
      const answer = await this.services.partnerCenter.getRelationshipRequestLink(
        provider ? { indirectCloudSolutionProviderId: provider.id } : {},
        callContextOf(this.services, context, 'user'),
      );
      if (!isUsableLink(answer.url)) {
        throw new PartnerCenterError('unknown', 'relationship request link is not a usable URL', {
          operation: 'getRelationshipRequestLink',
        });
      }
      link = answer.url;
    } catch (err) {
      const text = partnerCenterErrorText(t, err);
      this.logFailure(err, 'relationship request link failed');
      setCardResponse(
        context,
        cardResponse(
          renderInviteDetailsCard(t, {
            flow,
            selection: options.selection,
            values: details,
            error: t.t('invite.details.linkFailed', { error: text }),
            retry: true,
          }),
        ),
      );
      return step.replaceDialog(DETAILS_LOOP, options);
    }
    return step.endDialog({ details, link } satisfies DetailsResult);
  }

  // ------------------------------------------------ stage 3: the draft email

  private async waitForDraftStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.waitForCard(step, [INVITE_VERBS.copy, INVITE_VERBS.done, INVITE_VERBS.cancel]);
  }

  private async handleDraftStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as DraftLoopOptions;
    const action = step.result as CardAction;
    const context = step.context;
    const t = translatorFor(context.activity.locale);
    const allowed = await this.stillAllowed(context);
    if (!allowed) return step.replaceDialog(DRAFT_LOOP, options);
    if (action.verb === INVITE_VERBS.cancel) return this.cancel(step);

    const parsed = draftDataSchema.safeParse(action.data);
    if (!parsed.success) return this.refuseData(step, DRAFT_LOOP, options);
    const { subject: rawSubject, body: rawBody } = parsed.data;
    if (rawSubject.length > INVITE_LIMITS.subject) {
      return this.refuseTooLong(step, DRAFT_LOOP, options, 'invite.draft.tooLong', {
        field: t.t('invite.draft.subject'),
        length: rawSubject.length,
        max: INVITE_LIMITS.subject,
      });
    }
    if (rawBody.length > INVITE_LIMITS.body) {
      return this.refuseTooLong(step, DRAFT_LOOP, options, 'invite.draft.tooLong', {
        field: t.t('invite.draft.body'),
        length: rawBody.length,
        max: INVITE_LIMITS.body,
      });
    }
    // From here on the card comes back with the user's edits kept.
    const edited: DraftLoopOptions = {
      ...options,
      subject: cleanText(rawSubject).trim(),
      body: cleanText(rawBody),
    };
    const linkKept = containsLink(edited.body, edited.link);

    if (action.verb === INVITE_VERBS.copy) {
      await context.sendActivity({
        type: 'message',
        textFormat: 'plain',
        text: finishedText(t.t('invite.draft.subjectLabel'), edited.subject, edited.body),
      });
      setCardResponse(
        context,
        cardResponse(
          this.draftCard(t, edited, {
            copied: true,
            error: linkKept ? undefined : t.t('invite.draft.linkMissing'),
          }),
        ),
      );
      return step.replaceDialog(DRAFT_LOOP, edited);
    }

    // Done.
    let error: string | undefined;
    if (!edited.subject) error = t.t('invite.draft.subjectRequired');
    else if (!edited.body.trim()) error = t.t('invite.draft.bodyRequired');
    else if (!linkKept) error = t.t('invite.draft.linkMissing');
    if (error) {
      setCardResponse(context, cardResponse(this.draftCard(t, edited, { error })));
      return step.replaceDialog(DRAFT_LOOP, edited);
    }

    const invitation = this.invitationOf(context, edited);
    let stored: Invitation;
    try {
      const result = await this.services.invitations.create(invitation);
      stored = result.invitation;
      // Written on every Done (same id → once): a retry after a failed audit write still records it.
      await this.services.audit.append({
        id: `invitation.created.${invitation.id}`,
        partnerTenantId: this.services.partnerTenantId,
        action: 'invitation.created',
        outcome: 'succeeded',
        actor: {
          aadObjectId: context.activity.from?.aadObjectId,
          name: context.activity.from?.name,
          roles: allowed,
        },
        customer: stored.customer?.companyName ? { companyName: stored.customer.companyName } : undefined,
        details: compact({
          invitationId: stored.id,
          kind: stored.kind,
          providerId: stored.provider?.id,
          channel: stored.channel,
        }),
      });
      this.services.logger.info(
        { invitationId: stored.id, kind: stored.kind, created: result.created },
        'invitation recorded',
      );
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
      this.services.logger.warn({ flowId: edited.flowId, code: err.code }, 'invitation could not be stored');
      setCardResponse(
        context,
        cardResponse(this.draftCard(t, edited, { error: t.t('invite.draft.saveFailed') })),
      );
      return step.replaceDialog(DRAFT_LOOP, edited);
    }
    setCardResponse(
      context,
      cardResponse(
        renderInviteDoneCard(t, {
          selection: { kind: stored.kind, provider: stored.provider },
          details: { ...stored.customer, channel: stored.channel },
          link: stored.link,
        }),
      ),
    );
    return step.endDialog({ invitation: stored } satisfies DraftResult);
  }

  // --------------------------------------------------------------- helpers

  private invitationOf(context: TurnContext, draft: DraftLoopOptions): Invitation {
    const activity = context.activity;
    const reference = TurnContext.getConversationReference(activity);
    const at = this.now().toISOString();
    const customer = compact({
      companyName: draft.details.companyName,
      contactEmail: draft.details.contactEmail,
    });
    return compact({
      id: draft.flowId,
      partnerTenantId: this.services.partnerTenantId,
      kind: draft.selection.kind,
      provider: draft.selection.provider,
      customer: Object.keys(customer).length > 0 ? customer : undefined,
      channel: draft.details.channel,
      link: draft.link,
      emailSubject: draft.subject,
      createdBy: compact({ aadObjectId: draft.inviter.aadObjectId, name: draft.inviter.name }),
      conversationId: activity.conversation?.id ?? '',
      conversationReference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
      locale: activity.locale,
      status: 'pending',
      createdAt: at,
      updatedAt: at,
    }) as Invitation;
  }

  private draftCard(
    t: Translator,
    draft: DraftLoopOptions,
    extra: { copied?: boolean; error?: string } = {},
  ): AdaptiveCardJson {
    return renderInviteDraftCard(t, {
      flow: flowData(draft.flowId),
      selection: draft.selection,
      details: draft.details,
      link: draft.link,
      subject: draft.subject,
      body: draft.body,
      ...extra,
    });
  }

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

  private async waitForCard(step: WaterfallStepContext, verbs: string[]): Promise<DialogTurnResult> {
    const { flowId } = step.options as { flowId: string };
    return step.beginDialog(PROMPT, { flowId, verbs } satisfies CardActionPromptOptions);
  }

  /** The clicker's roles when they may still invite; otherwise answers with the refusal. */
  private async stillAllowed(context: TurnContext): Promise<string[] | undefined> {
    const check = await ensureAllowed(context, this.services.roles, 'invite');
    if (check.allowed) return check.roles;
    setCardResponse(context, messageResponse(check.message));
    return undefined;
  }

  /** Forged or malformed card data: a clear message, the card and the flow stay as they are. */
  private async refuseData(
    step: WaterfallStepContext,
    loop: string,
    options: object,
  ): Promise<DialogTurnResult> {
    const t = translatorFor(step.context.activity.locale);
    setCardResponse(step.context, messageResponse(t.t('card.invalid')));
    return step.replaceDialog(loop, options);
  }

  private async refuseTooLong(
    step: WaterfallStepContext,
    loop: string,
    options: object,
    key: 'invite.details.tooLong' | 'invite.draft.tooLong',
    params: Record<string, string | number>,
  ): Promise<DialogTurnResult> {
    const t = translatorFor(step.context.activity.locale);
    setCardResponse(step.context, messageResponse(t.t(key, params)));
    return step.replaceDialog(loop, options);
  }

  private async cancel(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translatorFor(step.context.activity.locale);
    setCardResponse(step.context, cardResponse(renderInviteCancelledCard(t)));
    return step.endDialog({ cancelled: true });
  }

  /** A card as the answer of a button (invoke) or as a new message. */
  private async show(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    if (isCardInvoke(context)) setCardResponse(context, cardResponse(card));
    else await sendCard(context, card);
  }

  private async say(context: TurnContext, text: string): Promise<void> {
    if (isCardInvoke(context)) setCardResponse(context, messageResponse(text));
    else await context.sendActivity(text);
  }
}

function flowData(flowId: string): InviteFlowData {
  return { flowId, command: 'invite' };
}

/** Drops undefined properties (Cosmos stores them as missing anyway; keeps records and tests tidy). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
