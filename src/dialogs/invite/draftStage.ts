import { TurnContext } from 'botbuilder';
import { renderInviteDoneCard, renderInviteDraftCard } from '../../cards/inviteCards';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Invitation } from '../../domain/invitations';
import {
  cleanText,
  draftProblem,
  finishedText,
  missingLinks,
  type DraftProblem,
  type RequiredLink,
  type RequiredLinkKind,
} from '../../domain/inviteDraft';
import type { PartnerRoleName } from '../../domain/roles';
import { translatorFor, type Translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { InvitationDraft, InvitationOrigin, InvitationRecorder } from './invitationRecorder';
import { checkInput, draftDataSchema, draftLimitsSchema } from './inviteSchemas';
import { flowData, problemAnswer, type StageAction } from './inviteStage';

/** The draft card waits: the email as the user last left it. */
export interface DraftState extends InvitationDraft {
  body: string;
}

/** The links the email of a draft must carry unchanged. */
export function requiredLinks(draft: DraftState): RequiredLink[] {
  return [{ kind: 'reseller', url: draft.link }];
}

/** What Done says about a draft that cannot be sent yet. */
const DRAFT_PROBLEMS: Record<Exclude<DraftProblem['kind'], 'linkMissing'>, MessageKey> = {
  subjectRequired: 'invite.draft.subjectRequired',
  bodyRequired: 'invite.draft.bodyRequired',
};
const LINK_MISSING: Record<RequiredLinkKind, MessageKey> = {
  reseller: 'invite.draft.linkMissing',
};

/**
 * The draft email stage: the card shows the editable subject and body with the required links;
 * "Copy text" posts the finished text; Done checks the text and records the invitation. Every
 * answer that keeps the card keeps the user's edits.
 */
export class DraftStage {
  constructor(private readonly recorder: InvitationRecorder) {}

  /** The draft card as first shown. */
  card(t: Translator, draft: DraftState): AdaptiveCardJson {
    return draftCard(t, draft);
  }

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
