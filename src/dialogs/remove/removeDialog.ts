import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogReason,
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import { customerIdSchema } from '../../common/customerId';
import { translatorFor } from '../../i18n/i18n';
import { CardActionPrompt, newFlowId, type CardAction, type CardActionPromptOptions } from '../cardFlow';
import type { CommandDialogOptions } from '../mainDialog';
import { say, showCard } from '../respond';
import { PROVIDER_STAGE_VERBS } from './providerRequest';
import { isWaiting, newFlow, type RemoveFlowState, type WaitingStage } from './removalFlow';
import {
  MAX_SEARCH_LENGTH,
  RemovalService,
  type RemovalAnswer,
  type RemovalServiceDependencies,
} from './removalService';

export const REMOVE_DIALOG_ID = 'removeDialog';
const START_WATERFALL = 'remove.start';
const LOOP_WATERFALL = 'remove.loop';
const SEARCH_PROMPT = 'remove.searchPrompt';
const CARD_PROMPT = 'remove.cardPrompt';

/** The Action.Execute verbs of the removal cards (answered by the waiting flow). */
export const REMOVE_VERBS = {
  choose: 'remove.choose',
  cancel: 'remove.cancel',
  suspend: 'remove.suspend',
  suspendConfirm: 'remove.suspendConfirm',
  back: 'remove.back',
  recheck: 'remove.recheck',
  confirm: 'remove.confirm',
  endAccess: 'remove.endAccess',
  keepAccess: 'remove.keepAccess',
} as const;

/** The verbs each waiting stage accepts: a click on any other button finds the card expired. */
const STAGE_VERBS: Readonly<Record<WaitingStage, string[]>> = {
  choose: [REMOVE_VERBS.choose, REMOVE_VERBS.cancel],
  preconditions: [REMOVE_VERBS.suspend, REMOVE_VERBS.recheck, REMOVE_VERBS.cancel],
  suspendConfirm: [REMOVE_VERBS.suspendConfirm, REMOVE_VERBS.back, REMOVE_VERBS.cancel],
  warning: [REMOVE_VERBS.confirm, REMOVE_VERBS.cancel],
  providerOffer: [...PROVIDER_STAGE_VERBS.providerOffer],
  providerDraft: [...PROVIDER_STAGE_VERBS.providerDraft],
  endAccess: [REMOVE_VERBS.endAccess, REMOVE_VERBS.keepAccess],
};

const CUSTOMER_ID = customerIdSchema;

/** What a customer record's "Remove" button must send (`CommandDialogOptions.cardData`). */
const cardDataSchema = z.object({ customerId: CUSTOMER_ID });

/** The fields of a removal card's action this dialog reads (the flow id was checked by the prompt). */
const actionDataSchema = z.object({
  customerId: z.string().max(200).optional(),
  attest: z.string().max(20).optional(),
  /** "End admin access too": the card's attempt and the selected relationship ids (comma separated). */
  attempt: z.number().int().min(0).max(10_000).optional(),
  relationships: z.string().max(4000).optional(),
});

export type RemoveDialogDependencies = RemovalServiceDependencies;

/**
 * `remove` / `entfernen` [customer], or "Remove" on a customer record. The flow runs on cards:
 * this dialog asks for the customer when none was named, then waits for clicks on the flow's
 * cards and routes each verb to a step of the RemovalService, which moves the flow on and
 * answers (each click replaces the card in place). The flow's state lives in this component's
 * instance state.
 */
export class RemoveDialog extends ComponentDialog {
  private readonly removal: RemovalService;

  constructor(deps: RemoveDialogDependencies) {
    super(REMOVE_DIALOG_ID);
    this.removal = new RemovalService(deps);
    this.addDialog(
      new WaterfallDialog(START_WATERFALL, [
        this.beginStep.bind(this),
        this.askStep.bind(this),
        this.findStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(LOOP_WATERFALL, [this.waitStep.bind(this), this.handleStep.bind(this)]),
    );
    this.addDialog(new TextPrompt(SEARCH_PROMPT, validateSearchText));
    this.addDialog(new CardActionPrompt(CARD_PROMPT));
    this.initialDialogId = START_WATERFALL;
  }

  protected override async onBeginDialog(
    innerDC: DialogContext,
    options?: CommandDialogOptions,
  ): Promise<DialogTurnResult> {
    let cardCustomerId: string | undefined;
    if (options?.cardData !== undefined) {
      const parsed = cardDataSchema.safeParse(options.cardData);
      // An invalid button payload is answered in the first step (it needs the turn's language).
      cardCustomerId = parsed.success ? parsed.data.customerId : '';
    }
    instanceState(innerDC).flow = newFlow(newFlowId(), options?.args ?? '', cardCustomerId);
    return super.onBeginDialog(innerDC, options);
  }

  /** A flow cancelled (typed "cancel", another command) after it showed a card is audited as cancelled. */
  protected override async onEndDialog(
    context: TurnContext,
    instance: DialogInstance,
    reason: DialogReason,
  ): Promise<void> {
    if (reason !== DialogReason.cancelCalled) return;
    const flow = (instance.state as { flow?: RemoveFlowState } | undefined)?.flow;
    if (flow) await this.removal.abandon(context, flow);
  }

  // ------------------------------------------------------------------ start

  private async beginStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = await this.removal.begin(step.context, flowOf(step));
    if (!answer) return step.next();
    await this.answer(step, answer, 'new');
    return step.endDialog();
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!this.removal.needsSearchText(flowOf(step))) return step.next();
    const t = translatorFor(step.context.activity.locale);
    return step.prompt(SEARCH_PROMPT, {
      prompt: t.t('remove.ask'),
      retryPrompt: t.t('remove.searchInvalid', { max: MAX_SEARCH_LENGTH }),
    });
  }

  private async findStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = flowOf(step);
    const typed = typeof step.result === 'string' ? step.result : undefined;
    return this.continueWith(step, flow, await this.removal.find(step.context, flow, typed), 'new');
  }

  // ------------------------------------------------------------------- loop

  private async waitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = flowOf(step);
    if (!isWaiting(flow)) return step.endDialog();
    const options: CardActionPromptOptions = { flowId: flow.flowId, verbs: STAGE_VERBS[flow.stage] };
    return step.beginDialog(CARD_PROMPT, options);
  }

  private async handleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = flowOf(step);
    const action = step.result as CardAction;
    const t = translatorFor(step.context.activity.locale);
    const parsed = actionDataSchema.safeParse(action.data);
    if (!parsed.success) return this.continueWith(step, flow, { message: t.t('card.invalid') });
    const { customerId, attest, attempt, relationships } = parsed.data;
    const removal = this.removal;
    const context = step.context;
    let answer: RemovalAnswer;
    switch (action.verb) {
      case REMOVE_VERBS.cancel:
        answer = await removal.cancel(context, flow);
        break;
      case REMOVE_VERBS.choose:
        answer = await removal.choose(context, flow, customerId);
        break;
      case REMOVE_VERBS.recheck:
      case REMOVE_VERBS.back:
        answer = await removal.recheck(context, flow);
        break;
      case REMOVE_VERBS.suspend:
        answer = await removal.askSuspend(context, flow);
        break;
      case REMOVE_VERBS.suspendConfirm:
        answer = await removal.suspend(context, flow, customerId);
        break;
      case REMOVE_VERBS.confirm:
        answer = await removal.confirm(context, flow, customerId, attest);
        break;
      case REMOVE_VERBS.endAccess:
        answer = await removal.endAccessStep.end(context, flow, customerId, attempt, relationships);
        break;
      case REMOVE_VERBS.keepAccess:
        answer = removal.endAccessStep.keep(context, flow);
        break;
      default:
        // The provider path (after Partner Center refused: indirect reseller), see providerRequest.ts.
        answer = (await removal.providerRequests.handle(context, flow, action.verb, action.data)) ?? {
          message: t.t('card.unknownAction'),
        };
    }
    return this.continueWith(step, flow, answer);
  }

  /** Answers, then waits for the next click while the flow waits for one; otherwise ends. */
  private async continueWith(
    step: WaterfallStepContext,
    flow: RemoveFlowState,
    answer: RemovalAnswer,
    mode: 'replace' | 'new' = 'replace',
  ): Promise<DialogTurnResult> {
    await this.answer(step, answer, mode);
    return isWaiting(flow) ? step.replaceDialog(LOOP_WATERFALL) : step.endDialog();
  }

  /** A card replaces the clicked one (`replace`) or comes as a new message (`new`); a sentence is said. */
  private async answer(step: WaterfallStepContext, answer: RemovalAnswer, mode: 'replace' | 'new') {
    if ('message' in answer) return say(step.context, answer.message);
    const t = translatorFor(step.context.activity.locale);
    return showCard(step.context, answer.card, mode, t.t('remove.startedBelow'));
  }
}

function validateSearchText(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const text = prompt.recognized.value?.trim() ?? '';
  return Promise.resolve(prompt.recognized.succeeded && text.length >= 1 && text.length <= MAX_SEARCH_LENGTH);
}

function instanceState(dc: DialogContext): { flow?: RemoveFlowState } {
  const instance = dc.parent?.activeDialog;
  if (!instance) throw new Error('RemoveDialog: no component instance');
  return instance.state as { flow?: RemoveFlowState };
}

function flowOf(step: DialogContext): RemoveFlowState {
  const flow = instanceState(step).flow;
  if (!flow) throw new Error('RemoveDialog: flow state missing');
  return flow;
}
