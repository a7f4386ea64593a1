import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogReason,
  WaterfallDialog,
  type DialogInstance,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Invitation } from '../../domain/invitations';
import { CardActionPrompt, newFlowId, type CardAction, type CardActionPromptOptions } from '../cardFlow';
import { translatorFor } from '../../i18n/i18n';
import { answer, sayPlain, showCard } from '../respond';
import type { DialogServices } from '../services';
import { actorOf, type AdminAccessRequest } from './adminAccess';
import { AdminAccessEntry, isAdminAccessOnly, type AdminTemplateState } from './adminAccessEntry';
import type { DraftState } from './draftStage';
import { InviteController, type ChoiceState, type DetailsState } from './inviteController';
import { INVITE_VERBS } from './inviteSchemas';
import type { StageAction } from './inviteStage';

export const INVITE_DIALOG_ID = 'inviteDialog';
const MAIN_WATERFALL = 'invite.main';
const ADMIN_ONLY_WATERFALL = 'invite.adminOnly';
const CHOICE_LOOP = 'invite.choiceLoop';
const DETAILS_LOOP = 'invite.detailsLoop';
const TEMPLATE_LOOP = 'invite.adminTemplateLoop';
const DRAFT_LOOP = 'invite.draftLoop';
const PROMPT = 'invite.cardPrompt';

/** How a stage loop ended: the flow was cancelled, or the next stage's state. */
type StageResult<N> = { cancelled: true } | { cancelled?: false; next: N };

/** verb → what the controller does with a click on the stage's card. */
type StageRoutes<S, N> = Record<string, StageAction<S, N>>;

/** How the invite dialog ended. */
export interface InviteDialogResult {
  outcome: 'refused' | 'cancelled' | 'recorded';
  invitationId?: string;
}

/** Options the `invite` command is started with (MainDialog's CommandDialogOptions). */
interface InviteStartOptions {
  cardData?: Record<string, unknown>;
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
 * answered, so an error shows the same card again with the user's entries kept. What each click
 * does is the InviteController's; this dialog waits for cards and routes their verbs.
 */
export class InviteDialog extends ComponentDialog {
  private readonly controller: InviteController;
  private readonly adminOnly: AdminAccessEntry;

  constructor(services: DialogServices, options: InviteDialogOptions = {}) {
    super(INVITE_DIALOG_ID);
    const controller = new InviteController(services, options.now);
    this.controller = controller;
    const { admin, draft } = controller;
    const adminOnly = new AdminAccessEntry({ services, admin, draft });
    this.adminOnly = adminOnly;
    this.addDialog(new CardActionPrompt(PROMPT));
    this.addDialog(
      new WaterfallDialog(MAIN_WATERFALL, [
        this.startStep.bind(this),
        this.nextStage(DETAILS_LOOP),
        this.nextStage(DRAFT_LOOP),
        this.finishStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(ADMIN_ONLY_WATERFALL, [
        this.adminOnlyStep.bind(this),
        this.nextStage(DRAFT_LOOP),
        this.finishStep.bind(this),
      ]),
    );
    this.addStage<ChoiceState, DetailsState>(CHOICE_LOOP, {
      [INVITE_VERBS.choose]: controller.choose,
      [INVITE_VERBS.retry]: controller.retryProviders,
      [INVITE_VERBS.cancel]: (request) => controller.cancel(request),
    });
    this.addStage<AdminTemplateState, DraftState>(TEMPLATE_LOOP, {
      [INVITE_VERBS.adminTemplate]: adminOnly.choose,
      [INVITE_VERBS.cancel]: (request) => controller.cancel(request),
    });
    this.addStage<DetailsState, DraftState>(DETAILS_LOOP, {
      [INVITE_VERBS.details]: controller.submitDetails,
      [INVITE_VERBS.skip]: controller.skipDetails,
      [INVITE_VERBS.cancel]: (request) => controller.cancel(request),
    });
    this.addStage<DraftState, Invitation>(DRAFT_LOOP, {
      [INVITE_VERBS.copy]: controller.draft.copy,
      [INVITE_VERBS.done]: controller.draft.done,
      [INVITE_VERBS.cancel]: (request) => controller.cancel(request),
    });
    this.initialDialogId = MAIN_WATERFALL;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const cardData = (step.options as InviteStartOptions | undefined)?.cardData;
    if (isAdminAccessOnly(cardData)) return step.replaceDialog(ADMIN_ONLY_WATERFALL, step.options);
    const started = await this.controller.start(step.context, newFlowId());
    await answer(step.context, started.answer);
    if (!started.next) return step.endDialog({ outcome: 'refused' } satisfies InviteDialogResult);
    return step.beginDialog(CHOICE_LOOP, started.next);
  }

  /** "Request admin access" on an existing customer: the role template, then the draft with the approval link. */
  private async adminOnlyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { cardData } = step.options as InviteStartOptions;
    const started = await this.adminOnly.start(step.context, newFlowId(), cardData);
    // Started from another card (an expanded customer, a warning): that card stays, ours comes below.
    if ('card' in started.answer) {
      const t = translatorFor(step.context.activity.locale);
      await showCard(step.context, started.answer.card, 'new', t.t('command.startedBelow'));
    } else await answer(step.context, started.answer);
    if (!started.next) return step.endDialog({ outcome: 'refused' } satisfies InviteDialogResult);
    return step.beginDialog(TEMPLATE_LOOP, started.next);
  }

  /**
   * The flow ends without Done or Cancel (another command, `cancel`, a card that starts a command):
   * an admin access request it created and did not lock is deleted, so none is left behind.
   */
  override async endDialog(
    context: TurnContext,
    instance: DialogInstance,
    reason: DialogReason,
  ): Promise<void> {
    // Read before the inner stack is cancelled (that empties it).
    const request = reason === DialogReason.cancelCalled ? unlockedRequest(instance.state) : undefined;
    await super.endDialog(context, instance, reason);
    if (request) await this.controller.admin.discard(request, actorOf(context, []), 'stale');
  }

  /** Ends on a cancelled stage; otherwise waits in `loop` with the state the stage handed on. */
  private nextStage(loop: string) {
    return async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      const result = step.result as StageResult<object>;
      if (result.cancelled) return step.endDialog({ outcome: 'cancelled' } satisfies InviteDialogResult);
      return step.beginDialog(loop, result.next);
    };
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as StageResult<Invitation>;
    if (result.cancelled) return step.endDialog({ outcome: 'cancelled' } satisfies InviteDialogResult);
    return step.endDialog({ outcome: 'recorded', invitationId: result.next.id } satisfies InviteDialogResult);
  }

  /**
   * A stage: waits for a click on its card (one of the routed verbs, this flow's id), lets the
   * controller answer it, then waits again (state updated), or ends the loop with its result.
   */
  private addStage<S extends { flowId: string }, N>(id: string, routes: StageRoutes<S, N>): void {
    const verbs = Object.keys(routes);
    const wait = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      const { flowId } = step.options as S;
      return step.beginDialog(PROMPT, { flowId, verbs } satisfies CardActionPromptOptions);
    };
    const handle = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      const action = step.result as CardAction;
      const route = routes[action.verb];
      const state = step.options as S;
      if (!route) return step.replaceDialog(id, state); // the prompt accepts routed verbs only
      const outcome = await this.controller.handle(step.context, action.data, state, route);
      if ('post' in outcome && outcome.post !== undefined) await sayPlain(step.context, outcome.post);
      await answer(step.context, outcome.answer);
      if ('stay' in outcome) return step.replaceDialog(id, outcome.stay);
      if ('cancelled' in outcome) return step.endDialog({ cancelled: true } satisfies StageResult<N>);
      return step.endDialog({ next: outcome.next } satisfies StageResult<N>);
    };
    this.addDialog(new WaterfallDialog(id, [wait, handle]));
  }
}

/** The admin access request of a waiting draft stage that Done has not locked, if any. */
function unlockedRequest(state: unknown): AdminAccessRequest | undefined {
  if (!state || typeof state !== 'object') return undefined;
  if (Array.isArray(state)) {
    for (const item of state) {
      const found = unlockedRequest(item);
      if (found) return found;
    }
    return undefined;
  }
  const o = state as Partial<DraftState>;
  if (o.adminAccess?.relationshipId && typeof o.flowId === 'string') {
    return o.adminAccessLocked ? undefined : o.adminAccess;
  }
  for (const value of Object.values(state)) {
    const found = unlockedRequest(value);
    if (found) return found;
  }
  return undefined;
}
