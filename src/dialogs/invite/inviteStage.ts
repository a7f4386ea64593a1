import type { TurnContext } from 'botbuilder';
import type { InviteFlowData } from '../../cards/inviteCards';
import type { PartnerRoleName } from '../../domain/roles';
import type { Translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { Answer } from '../respond';
import type { InputProblem } from './inviteSchemas';

/**
 * The invite flow is a row of stages (choice, details, draft email); each waits for a click on its
 * card. These are the types every stage action shares, and the answers they share.
 */

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

export type StageAction<S, N> = (
  request: StageRequest<S>,
) => StageOutcome<S, N> | Promise<StageOutcome<S, N>>;

/** Which "too long" message names which field. */
const FIELDS: Record<string, { message: MessageKey; label: MessageKey }> = {
  companyName: { message: 'invite.details.tooLong', label: 'invite.details.company' },
  contactEmail: { message: 'invite.details.tooLong', label: 'invite.details.email' },
  subject: { message: 'invite.draft.tooLong', label: 'invite.draft.subject' },
  body: { message: 'invite.draft.tooLong', label: 'invite.draft.body' },
};

/** The data every Action.Execute of one invite flow carries. */
export function flowData(flowId: string): InviteFlowData {
  return { flowId, command: 'invite' };
}

/** Forged or malformed card data: a clear message, the card and the flow stay as they are. */
export function refuseInvalid<S>(t: Translator, state: S): StageOutcome<S, never> {
  return { answer: { message: t.t('card.invalid') }, stay: state };
}

/** A card input the flow refuses: forged data or an over-long field (the card stays as it is). */
export function problemAnswer(t: Translator, problem: InputProblem): Answer {
  const field = problem.kind === 'tooLong' ? FIELDS[problem.field] : undefined;
  if (problem.kind !== 'tooLong' || !field) return { message: t.t('card.invalid') };
  const { length, max } = problem;
  return { message: t.t(field.message, { field: t.t(field.label), length, max }) };
}
