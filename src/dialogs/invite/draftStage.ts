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
import { findTemplate, type RoleTemplateSet } from '../../domain/gdap';
import type { PartnerRoleName } from '../../domain/roles';
import { templateName } from '../../cards/gdapText';
import { translatorFor, type Translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { AdminAccessRequests } from './adminAccess';
import { gdapErrorText } from './adminAccessText';
import type { InvitationDraft, InvitationOrigin, InvitationRecorder } from './invitationRecorder';
import { checkInput, draftDataSchema, draftLimitsSchema } from './inviteSchemas';
import { flowData, problemAnswer, type StageAction } from './inviteStage';
import { inbound } from '../../common/inboundActivity';

/** The draft card waits: the email as the user last left it. */
export interface DraftState extends InvitationDraft {
  body: string;
  /** Done locked the admin access request already (a later Done only records). */
  adminAccessLocked?: boolean;
}

/** The links the email of a draft must carry unchanged. */
export function requiredLinks(draft: DraftState): RequiredLink[] {
  const admin = draft.adminAccess;
  if (draft.selection.kind === 'adminAccess') return [{ kind: 'adminAccess', url: draft.link }];
  const links: RequiredLink[] = [{ kind: 'reseller', url: draft.link }];
  if (admin) links.push({ kind: 'adminAccess', url: admin.approvalLink });
  return links;
}

/** What Done says about a draft that cannot be sent yet. */
const DRAFT_PROBLEMS: Record<Exclude<DraftProblem['kind'], 'linkMissing'>, MessageKey> = {
  subjectRequired: 'invite.draft.subjectRequired',
  bodyRequired: 'invite.draft.bodyRequired',
};
const LINK_MISSING: Record<RequiredLinkKind, MessageKey> = {
  reseller: 'invite.draft.linkMissing',
  adminAccess: 'invite.draft.adminLinkMissing',
};

/**
 * The draft email stage: the card shows the editable subject and body with the required links;
 * "Copy text" posts the finished text; Done checks the text and records the invitation. Every
 * answer that keeps the card keeps the user's edits.
 */
export class DraftStage {
  constructor(
    private readonly recorder: InvitationRecorder,
    private readonly admin: AdminAccessRequests,
    private readonly templates: RoleTemplateSet,
  ) {}

  /** The draft card as first shown. */
  card(t: Translator, draft: DraftState): AdaptiveCardJson {
    return this.draftCard(t, draft);
  }

  /** Copy text: the finished text as a plain message; the card stays, with the edits. */
  readonly copy: StageAction<DraftState, Invitation> = ({ context, data, state }) => {
    const t = translatorFor(context.activity.locale);
    const edited = readDraft(data, state);
    if (!edited.ok) return { answer: problemAnswer(t, edited.problem), stay: state };
    const draft = edited.value;
    const [missing] = missingLinks(draft.body, requiredLinks(draft));
    const card = this.draftCard(t, draft, {
      copied: true,
      error: missing && t.t(LINK_MISSING[missing.kind]),
    });
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
      return { answer: { card: this.draftCard(t, draft, { error: problemText(t, problem) }) }, stay: draft };
    const origin = originOf(context, roles);
    if (draft.adminAccess && !draft.adminAccessLocked) {
      const locked = await this.admin.lock(draft.adminAccess, origin.actor);
      if (!locked.ok) {
        const gone = locked.error.kind === 'notFound';
        const error = gone
          ? t.t('invite.admin.gone')
          : t.t('invite.admin.lockFailed', { error: gdapErrorText(t, locked.error, this.nameOf(t, draft)) });
        return { answer: { card: this.draftCard(t, draft, { error, retry: !gone }) }, stay: draft };
      }
      // Locked: a later Done (after a failed save) must not lock again.
      draft.adminAccessLocked = true;
    }
    const recorded = await this.recorder.record(draft, origin);
    if (!recorded.ok) {
      return {
        answer: { card: this.draftCard(t, draft, { error: t.t('invite.draft.saveFailed') }) },
        stay: draft,
      };
    }
    const stored = recorded.invitation;
    const card = renderInviteDoneCard(t, {
      selection: { kind: stored.kind, provider: stored.provider },
      details: { ...stored.customer, channel: stored.channel },
      link: stored.link,
      adminAccess: draft.adminAccess && {
        displayName: draft.adminAccess.displayName,
        only: draft.selection.kind === 'adminAccess',
      },
    });
    return { answer: { card }, next: stored };
  };

  private nameOf(t: Translator, draft: DraftState): string {
    const template = draft.adminAccess && findTemplate(this.templates, draft.adminAccess.templateId);
    return template ? templateName(t, template) : (draft.adminAccess?.templateId ?? '');
  }

  private draftCard(
    t: Translator,
    draft: DraftState,
    extra: { copied?: boolean; error?: string; retry?: boolean } = {},
  ) {
    const { flowId, selection, details, link, subject, body, adminAccess } = draft;
    return renderInviteDraftCard(t, {
      flow: flowData(flowId),
      selection,
      details,
      link,
      subject,
      body,
      adminAccess: adminAccess && {
        link: adminAccess.approvalLink,
        templateName: this.nameOf(t, draft),
        only: selection.kind === 'adminAccess',
      },
      ...extra,
    });
  }
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
  const activity = inbound(context);
  const reference = TurnContext.getConversationReference(activity);
  return {
    conversationId: activity.conversation?.id ?? '',
    conversationReference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    locale: activity.locale,
    actor: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name, roles },
  };
}
