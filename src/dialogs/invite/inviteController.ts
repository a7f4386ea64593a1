import { TurnContext } from 'botbuilder';
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
import type { Invitation } from '../../domain/invitations';
import {
  cleanText,
  draftProblem,
  finishedText,
  isUsableLink,
  missingLinks,
  type DraftProblem,
  type RequiredLink,
  type RequiredLinkKind,
} from '../../domain/inviteDraft';
import type { PartnerRoleName } from '../../domain/roles';
import { translatorFor, type Translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { isPartnerCenterError, PartnerCenterError } from '../../partnerCenter/errors';
import { ensureAllowed } from '../guards';
import { partnerCenterErrorText } from '../partnerCenterMessages';
import type { Answer } from '../respond';
import { callContextOf, type DialogServices } from '../services';
import { draftEmail } from './emailText';
import {
  InvitationRecorder,
  type InvitationDraft,
  type InvitationOrigin,
  type Inviter,
} from './invitationRecorder';
import {
  checkInput,
  chooseDataSchema,
  detailsDataSchema,
  detailsLimitsSchema,
  draftDataSchema,
  draftLimitsSchema,
  type InputProblem,
} from './inviteSchemas';

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

/** The draft card waits: the email as the user last left it. */
export interface DraftState extends InvitationDraft {
  body: string;
}

/** The links the email of a draft must carry unchanged. */
export function requiredLinks(draft: DraftState): RequiredLink[] {
  return [{ kind: 'reseller', url: draft.link }];
}

/**
 * What answering one card does: the answer, and whether the card keeps waiting (`stay`, with its
 * state — e.g. the user's edits), moves on (`next`: the next stage's state) or the flow ends.
 * `post` is a plain-text message to send besides (the finished text of "Copy text").
 */
export type StageOutcome<S, N> =
  | { answer: Answer; stay: S; post?: string }
  | { answer: Answer; next: N }
  | { answer: Answer; cancelled: true };

/** One card click of a waiting stage: its (shape-unchecked) data and the clicker's roles. */
export interface StageRequest<S> {
  context: TurnContext;
  data: Record<string, unknown>;
  roles: PartnerRoleName[];
  state: S;
}

export type StageAction<S, N> = (request: StageRequest<S>) => Promise<StageOutcome<S, N>>;

/** Which "too long" message names which field. */
const FIELDS: Record<string, { message: MessageKey; label: MessageKey }> = {
  companyName: { message: 'invite.details.tooLong', label: 'invite.details.company' },
  contactEmail: { message: 'invite.details.tooLong', label: 'invite.details.email' },
  subject: { message: 'invite.draft.tooLong', label: 'invite.draft.subject' },
  body: { message: 'invite.draft.tooLong', label: 'invite.draft.body' },
};

/** What Done says about a draft that cannot be sent yet. */
const DRAFT_PROBLEMS: Record<Exclude<DraftProblem['kind'], 'linkMissing'>, MessageKey> = {
  subjectRequired: 'invite.draft.subjectRequired',
  bodyRequired: 'invite.draft.bodyRequired',
};
const LINK_MISSING: Record<RequiredLinkKind, MessageKey> = {
  reseller: 'invite.draft.linkMissing',
};

/**
 * The invite flow's behaviour, stage by stage: the choice (reseller request, or new customers with
 * an indirect provider), the optional customer details and the personalized link from Partner
 * Center, the draft email (edit, copy, Done). Each action returns what to answer and where the
 * flow goes; the dialog only waits for cards and routes verbs here.
 */
export class InviteController {
  private readonly recorder: InvitationRecorder;

  constructor(
    private readonly services: DialogServices,
    now: () => Date = () => new Date(),
  ) {
    this.recorder = new InvitationRecorder({ ...services, now });
  }

  /** `invite`: the role check, then the choice card with the indirect providers. */
  async start(context: TurnContext, flowId: string): Promise<{ answer: Answer; next?: ChoiceState }> {
    const check = await ensureAllowed(context, this.services.roles, 'invite');
    if (!check.allowed) return { answer: { message: check.message } };
    const from = context.activity.from;
    const inviter: Inviter = { aadObjectId: from?.aadObjectId ?? '', name: from?.name };
    const state: ChoiceState = { flowId, inviter };
    const t = translatorFor(context.activity.locale);
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

  readonly choose: StageAction<ChoiceState, DetailsState> = async ({ context, data, state }) => {
    const t = translatorFor(context.activity.locale);
    const parsed = chooseDataSchema.safeParse(data);
    if (!parsed.success) return invalid(t, state);
    let selection: InviteSelection = { kind: 'reseller' };
    if (parsed.data.kind === 'indirectReseller') {
      const providers = state.providers ?? [];
      // The card offers "Invite new customers" only when there are providers: anything else is forged.
      if (providers.length === 0) return invalid(t, state);
      const wanted = parsed.data.providerId?.trim().toLowerCase();
      const provider = providers.find((p) => p.id.toLowerCase() === wanted);
      if (!provider) {
        const error = t.t('invite.choice.providerRequired');
        const card = renderInviteChoiceCard(t, { flow: flowData(state.flowId), providers, error });
        return { answer: { card }, stay: state };
      }
      selection = { kind: 'indirectReseller', provider: { id: provider.id, name: provider.name } };
    }
    const card = renderInviteDetailsCard(t, { flow: flowData(state.flowId), selection, values: {} });
    return { answer: { card }, next: { flowId: state.flowId, inviter: state.inviter, selection } };
  };

  // --------------------------------------------- the details and the link

  readonly submitDetails: StageAction<DetailsState, DraftState> = async (request) => {
    const { context, data, state } = request;
    const t = translatorFor(context.activity.locale);
    const checked = checkInput(detailsDataSchema, detailsLimitsSchema, data);
    if (checked.ok) return this.draft(request, checked.value);
    const { problem, entries } = checked;
    if (problem.kind !== 'invalidEmail' || !entries)
      return { answer: problemAnswer(t, problem), stay: state };
    const card = renderInviteDetailsCard(t, {
      flow: flowData(state.flowId),
      selection: state.selection,
      values: entries,
      error: t.t('invite.details.invalidEmail', { email: problem.email }),
    });
    return { answer: { card }, stay: state };
  };

  readonly skipDetails: StageAction<DetailsState, DraftState> = (request) => this.draft(request, {});

  /** Step 4 of the seed: the personalized link, always from Partner Center, never assembled here. */
  private async draft(
    { context, state }: StageRequest<DetailsState>,
    details: InviteDetails,
  ): Promise<StageOutcome<DetailsState, DraftState>> {
    const t = translatorFor(context.activity.locale);
    const { selection, inviter } = state;
    let link: string;
    try {
      link = await this.requestLink(context, selection);
    } catch (err) {
      this.logFailure(err, 'relationship request link failed');
      const card = renderInviteDetailsCard(t, {
        flow: flowData(state.flowId),
        selection,
        values: details,
        error: t.t('invite.details.linkFailed', { error: partnerCenterErrorText(t, err) }),
        retry: true,
      });
      return { answer: { card }, stay: state };
    }
    const email = draftEmail(t, { selection, details, link, senderName: inviter.name });
    const draft: DraftState = { flowId: state.flowId, selection, details, link, inviter, ...email };
    return { answer: { card: draftCard(t, draft) }, next: draft };
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

  // ---------------------------------------------------- the draft email

  /** Copy text: the finished text as a plain message; the card stays, with the edits. */
  readonly copy: StageAction<DraftState, Invitation> = async ({ context, data, state }) => {
    const t = translatorFor(context.activity.locale);
    const edited = readDraft(data, state);
    if (!edited.ok) return { answer: problemAnswer(t, edited.problem), stay: state };
    const draft = edited.value;
    const [missing] = missingLinks(draft.body, requiredLinks(draft));
    const card = draftCard(t, draft, { copied: true, error: missing && t.t(LINK_MISSING[missing.kind]) });
    const post = finishedText(t.t('invite.draft.subjectLabel'), draft.subject, draft.body);
    return { answer: { card }, stay: draft, post };
  };

  /** Done: subject, body and every required link must be there; then the invitation is recorded. */
  readonly done: StageAction<DraftState, Invitation> = async ({ context, data, roles, state }) => {
    const t = translatorFor(context.activity.locale);
    const edited = readDraft(data, state);
    if (!edited.ok) return { answer: problemAnswer(t, edited.problem), stay: state };
    // From here on the card comes back with the user's edits kept.
    const draft = edited.value;
    const problem = draftProblem(draft, requiredLinks(draft));
    if (problem)
      return { answer: { card: draftCard(t, draft, { error: problemText(t, problem) }) }, stay: draft };
    const recorded = await this.recorder.record(draft, originOf(context, roles));
    if (!recorded.ok) {
      return {
        answer: { card: draftCard(t, draft, { error: t.t('invite.draft.saveFailed') }) },
        stay: draft,
      };
    }
    const stored = recorded.invitation;
    const card = renderInviteDoneCard(t, {
      selection: { kind: stored.kind, provider: stored.provider },
      details: { ...stored.customer, channel: stored.channel },
      link: stored.link,
    });
    return { answer: { card }, next: stored };
  };

  /** Cancel on any card of the flow: the card says so and the flow ends. */
  cancel<S>({ context }: StageRequest<S>): Promise<StageOutcome<S, never>> {
    const t = translatorFor(context.activity.locale);
    return Promise.resolve({ answer: { card: renderInviteCancelledCard(t) }, cancelled: true });
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

function flowData(flowId: string): InviteFlowData {
  return { flowId, command: 'invite' };
}

function draftCard(t: Translator, draft: DraftState, extra: { copied?: boolean; error?: string } = {}) {
  const { flowId, selection, details, link, subject, body } = draft;
  return renderInviteDraftCard(t, {
    flow: flowData(flowId),
    selection,
    details,
    link,
    subject,
    body,
    ...extra,
  });
}

/** The draft card's text within its limits, as kept (cleaned), over the current draft. */
function readDraft(data: Record<string, unknown>, state: DraftState) {
  const checked = checkInput(draftDataSchema, draftLimitsSchema, data);
  if (!checked.ok) return checked;
  const { subject, body } = checked.value;
  return {
    ok: true as const,
    value: { ...state, subject: cleanText(subject).trim(), body: cleanText(body) },
  };
}

function invalid<S>(t: Translator, state: S): StageOutcome<S, never> {
  return { answer: { message: t.t('card.invalid') }, stay: state };
}

/** A card input the flow refuses: forged data or an over-long field (the card stays as it is). */
function problemAnswer(t: Translator, problem: InputProblem): Answer {
  const field = problem.kind === 'tooLong' ? FIELDS[problem.field] : undefined;
  if (problem.kind !== 'tooLong' || !field) return { message: t.t('card.invalid') };
  const { length, max } = problem;
  return { message: t.t(field.message, { field: t.t(field.label), length, max }) };
}

function problemText(t: Translator, problem: DraftProblem): string {
  return t.t(problem.kind === 'linkMissing' ? LINK_MISSING[problem.link.kind] : DRAFT_PROBLEMS[problem.kind]);
}

/** Where Done was clicked and by whom: the conversation to notify when the customer accepts. */
function originOf(context: TurnContext, roles: PartnerRoleName[]): InvitationOrigin {
  const activity = context.activity;
  const reference = TurnContext.getConversationReference(activity);
  return {
    conversationId: activity.conversation?.id ?? '',
    conversationReference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    locale: activity.locale,
    actor: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name, roles },
  };
}
