import { randomUUID } from 'node:crypto';
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
import { cardResponse, messageResponse } from '../cardResponses';
import {
  renderRemoveChooseCard,
  renderRemovePreconditionsCard,
  renderRemoveResultCard,
  renderRemoveSuspendCard,
  renderRemoveWarningCard,
  clip,
  customerFacts,
  escapeMarkdown,
  type RemoveActionData,
} from '../../cards/removeCards';
import type { AdaptiveCardJson } from '../../cards/render';
import type { LegalNoticeCatalog, NoticeLanguage } from '../../domain/legalNotice';
import type { PartnerRoleName } from '../../domain/roles';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { isPartnerCenterError, type PartnerCenterError } from '../../partnerCenter/errors';
import type { Customer, Subscription } from '../../partnerCenter/types';
import {
  CardActionPrompt,
  newFlowId,
  setCardResponse,
  type CardAction,
  type CardActionPromptOptions,
} from '../cardFlow';
import { COMMAND_WORDS } from '../../i18n/commands';
import { callerRoles, ensureAllowed } from '../guards';
import type { CommandDialogOptions } from '../mainDialog';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import { callContextOf, type DialogServices } from '../services';
import { FlowClaims } from './flowClaims';
import {
  REMOVE_ACTION,
  RemovalAuditor,
  SUSPEND_ACTION,
  type AttestationRecord,
  type RemovalReason,
} from './removalAudit';
import { say, showCard } from '../respond';

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
} as const;

type WaitingStage = 'choose' | 'preconditions' | 'suspendConfirm' | 'warning';
type Stage = 'start' | WaitingStage | 'done';

const STAGE_VERBS: Readonly<Record<WaitingStage, string[]>> = {
  choose: [REMOVE_VERBS.choose, REMOVE_VERBS.cancel],
  preconditions: [REMOVE_VERBS.suspend, REMOVE_VERBS.recheck, REMOVE_VERBS.cancel],
  suspendConfirm: [REMOVE_VERBS.suspendConfirm, REMOVE_VERBS.back, REMOVE_VERBS.cancel],
  warning: [REMOVE_VERBS.confirm, REMOVE_VERBS.cancel],
};

/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 100;
/** Matches fetched per search field (one more than a card lists, to know there are more). */
const SEARCH_PAGE = 26;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CUSTOMER_ID = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/);

/** What a customer record's "Remove" button must send (`CommandDialogOptions.cardData`). */
const cardDataSchema = z.object({ customerId: CUSTOMER_ID });

/** The fields of a removal card's action this dialog reads (the flow id was checked by the prompt). */
const actionDataSchema = z.object({
  customerId: z.string().max(200).optional(),
  attest: z.string().max(20).optional(),
});

interface CustomerSnapshot {
  id: string;
  companyName: string;
  domain: string;
  tenantId: string;
  relationshipToPartner: string;
  allowDelegatedAccess?: boolean;
}

interface SubscriptionSnapshot {
  id: string;
  friendlyName: string;
  offerName: string;
  offerId: string;
  quantity: number;
  status: string;
  autoRenewEnabled: boolean;
}

/** The flow's state, kept in this component's instance state (persisted with the dialog state). */
interface RemoveFlowState {
  flowId: string;
  stage: Stage;
  args: string;
  cardCustomerId?: string;
  searchText?: string;
  offeredIds?: string[];
  customer?: CustomerSnapshot;
  active?: SubscriptionSnapshot[];
  /** The statement shown on the warning card (what a confirmation attests to). */
  statement?: AttestationRecord;
  /** True once an outcome was written: a later cancel of the dialog adds nothing. */
  finished: boolean;
}

export interface RemoveDialogDependencies {
  services: DialogServices;
  notices: LegalNoticeCatalog;
  /** Shared double-click guard (one per process). */
  claims?: FlowClaims;
}

/**
 * `remove` / `entfernen` [customer], or "Remove" on a customer record: finds the customer, checks
 * the caller's role and Partner Center's preconditions (offering to suspend active subscriptions
 * behind their own confirmation), shows the legal notice with the customer's actual delegated
 * access, and removes the reseller relationship only with the attestation toggle on. Every
 * attempt is audited. The flow runs on cards: each click replaces the card in place.
 */
export class RemoveDialog extends ComponentDialog {
  private readonly services: DialogServices;
  private readonly notices: LegalNoticeCatalog;
  private readonly claims: FlowClaims;
  private readonly auditor: RemovalAuditor;

  constructor(deps: RemoveDialogDependencies) {
    super(REMOVE_DIALOG_ID);
    this.services = deps.services;
    this.notices = deps.notices;
    this.claims = deps.claims ?? new FlowClaims();
    this.auditor = new RemovalAuditor(deps.services);
    this.addDialog(
      new WaterfallDialog(START_WATERFALL, [
        this.checkRoleStep.bind(this),
        this.askStep.bind(this),
        this.resolveStep.bind(this),
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
    const flow: RemoveFlowState = {
      flowId: newFlowId(),
      stage: 'start',
      args: (options?.args ?? '').trim(),
      finished: false,
    };
    if (options?.cardData !== undefined) {
      const parsed = cardDataSchema.safeParse(options.cardData);
      // An invalid button payload is answered in the first step (it needs the turn's language).
      flow.cardCustomerId = parsed.success ? parsed.data.customerId : '';
    }
    instanceState(innerDC).flow = flow;
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
    if (!flow || flow.finished || flow.stage === 'start' || flow.stage === 'done') return;
    flow.finished = true;
    const roles = await callerRoles(context, this.services.roles).catch(() => [] as PartnerRoleName[]);
    await this.auditor.record(context, {
      action: REMOVE_ACTION,
      outcome: 'cancelled',
      roles,
      flowId: flow.flowId,
      customer: flow.customer,
      reason: 'flowCancelled',
      attestation: flow.statement,
      id: finalAuditId(flow),
      details: { stage: flow.stage },
    });
  }

  // ------------------------------------------------------------------ start

  private async checkRoleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = flowOf(step);
    const t = translatorFor(step.context.activity.locale);
    if (flow.cardCustomerId === '') {
      await say(step.context, t.t('remove.invalidCardData'));
      return this.finish(step, flow);
    }
    const allowed = await this.guard(step, flow, 'start');
    if (!allowed) return this.finish(step, flow);
    return step.next();
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = flowOf(step);
    if (flow.cardCustomerId !== undefined || flow.args !== '') return step.next();
    const t = translatorFor(step.context.activity.locale);
    return step.prompt(SEARCH_PROMPT, {
      prompt: t.t('remove.ask'),
      retryPrompt: t.t('remove.searchInvalid', { max: MAX_SEARCH_LENGTH }),
    });
  }

  private async resolveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = flowOf(step);
    const t = translatorFor(step.context.activity.locale);
    try {
      if (flow.cardCustomerId !== undefined) {
        return await this.checkAndPresent(step, flow, flow.cardCustomerId, 'new');
      }
      const text = (typeof step.result === 'string' ? step.result : flow.args).trim();
      if (text.length < 1 || text.length > MAX_SEARCH_LENGTH) {
        await say(step.context, t.t('remove.searchInvalid', { max: MAX_SEARCH_LENGTH }));
        return this.finish(step, flow);
      }
      flow.searchText = text;
      const { matches, totalCount } = await this.search(step.context, text);
      if (matches.length === 0) {
        await say(step.context, t.t('remove.notFound', { text: escapeMarkdown(text) }));
        return this.finish(step, flow);
      }
      if (matches.length === 1 && matches[0]) {
        return await this.checkAndPresent(step, flow, matches[0].id, 'new');
      }
      flow.stage = 'choose';
      flow.offeredIds = matches.slice(0, SEARCH_PAGE - 1).map((c) => c.id);
      const card = renderRemoveChooseCard(t, {
        searchText: text,
        matches,
        totalCount,
        actionData: this.actionData(flow),
      });
      await showCard(step.context, card, 'new', t.t('remove.startedBelow'));
      return step.replaceDialog(LOOP_WATERFALL);
    } catch (err) {
      return this.partnerCenterFailure(step, flow, err);
    }
  }

  // ------------------------------------------------------------------- loop

  private async waitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = flowOf(step);
    if (flow.stage === 'start' || flow.stage === 'done') return step.endDialog();
    const options: CardActionPromptOptions = { flowId: flow.flowId, verbs: STAGE_VERBS[flow.stage] };
    return step.beginDialog(CARD_PROMPT, options);
  }

  private async handleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = flowOf(step);
    const action = step.result as CardAction;
    const t = translatorFor(step.context.activity.locale);
    const parsed = actionDataSchema.safeParse(action.data);
    if (!parsed.success) {
      setCardResponse(step.context, messageResponse(t.t('card.invalid')));
      return step.replaceDialog(LOOP_WATERFALL);
    }
    const data = parsed.data;
    try {
      switch (action.verb) {
        case REMOVE_VERBS.cancel:
          return await this.cancelled(step, flow, t);
        case REMOVE_VERBS.choose:
          return await this.chosen(step, flow, t, data.customerId);
        case REMOVE_VERBS.recheck:
        case REMOVE_VERBS.back:
          return await this.checkAndPresent(step, flow, flow.customer?.id ?? '', 'replace');
        case REMOVE_VERBS.suspend:
          return await this.askSuspend(step, flow, t);
        case REMOVE_VERBS.suspendConfirm:
          return await this.suspend(step, flow, t, data.customerId);
        case REMOVE_VERBS.confirm:
          return await this.confirm(step, flow, t, data.customerId, data.attest);
        default:
          setCardResponse(step.context, messageResponse(t.t('card.unknownAction')));
          return step.replaceDialog(LOOP_WATERFALL);
      }
    } catch (err) {
      return this.partnerCenterFailure(step, flow, err);
    }
  }

  private async cancelled(step: WaterfallStepContext, flow: RemoveFlowState, t: Translator) {
    const roles = await callerRoles(step.context, this.services.roles).catch(() => [] as PartnerRoleName[]);
    const entry = await this.auditor.record(step.context, {
      action: REMOVE_ACTION,
      outcome: 'cancelled',
      roles,
      flowId: flow.flowId,
      customer: flow.customer,
      reason: 'userCancelled',
      attestation: flow.stage === 'warning' ? flow.statement : undefined,
      id: finalAuditId(flow),
      details: { stage: flow.stage },
    });
    const name = flow.customer?.companyName;
    setCardResponse(
      step.context,
      cardResponse(
        renderRemoveResultCard({
          title: t.t('remove.result.cancelledTitle'),
          color: 'Default',
          facts: flow.customer ? customerFacts(t, toCustomer(flow.customer), false) : [],
          lines: name ? [{ text: t.t('remove.result.cancelled', { name: escapeMarkdown(name) }) }] : [],
          footer: entry ? t.t('remove.result.auditRef', { id: entry.id }) : '',
        }),
      ),
    );
    return this.finish(step, flow);
  }

  private async chosen(
    step: WaterfallStepContext,
    flow: RemoveFlowState,
    t: Translator,
    customerId: string | undefined,
  ): Promise<DialogTurnResult> {
    if (!customerId || !(flow.offeredIds ?? []).includes(customerId)) {
      // Nothing (or something not offered) chosen: the same choice again, with a hint.
      const { matches, totalCount } = await this.search(step.context, flow.searchText ?? '');
      const card = renderRemoveChooseCard(t, {
        searchText: flow.searchText ?? '',
        matches,
        totalCount,
        error: t.t('remove.choose.required'),
        actionData: this.actionData(flow),
      });
      flow.offeredIds = matches.slice(0, SEARCH_PAGE - 1).map((c) => c.id);
      setCardResponse(step.context, cardResponse(card));
      return step.replaceDialog(LOOP_WATERFALL);
    }
    return this.checkAndPresent(step, flow, customerId, 'replace');
  }

  private async askSuspend(step: WaterfallStepContext, flow: RemoveFlowState, t: Translator) {
    if (!flow.customer || !flow.active?.length) {
      return this.checkAndPresent(step, flow, flow.customer?.id ?? '', 'replace');
    }
    flow.stage = 'suspendConfirm';
    setCardResponse(
      step.context,
      cardResponse(
        renderRemoveSuspendCard(t, {
          customer: toCustomer(flow.customer),
          active: flow.active.map(toSubscription),
          actionData: this.actionData(flow),
        }),
      ),
    );
    return step.replaceDialog(LOOP_WATERFALL);
  }

  /** Suspends the subscriptions listed on the confirmation card (and only those), then checks again. */
  private async suspend(
    step: WaterfallStepContext,
    flow: RemoveFlowState,
    t: Translator,
    customerId: string | undefined,
  ): Promise<DialogTurnResult> {
    const customer = flow.customer;
    if (!customer || customerId !== customer.id) return this.forged(step, flow, t, customerId);
    if (!(await this.guard(step, flow, 'action'))) return this.finish(step, flow);
    const ctx = callContextOf(this.services, step.context, 'user');
    const done: { id: string; name: string }[] = [];
    const failed: { id: string; name: string; kind: string; requestId?: string }[] = [];
    let lastError: unknown;
    for (const sub of flow.active ?? []) {
      const name = sub.friendlyName || sub.offerName || sub.id;
      try {
        await this.services.partnerCenter.suspendSubscription(customer.id, sub.id, ctx);
        done.push({ id: sub.id, name });
      } catch (err) {
        if (!isPartnerCenterError(err)) throw err;
        lastError = err;
        failed.push({ id: sub.id, name, kind: err.kind, requestId: err.requestId });
      }
    }
    const roles = await callerRoles(step.context, this.services.roles);
    await this.auditor.record(step.context, {
      action: SUSPEND_ACTION,
      outcome: failed.length === 0 ? 'succeeded' : 'failed',
      roles,
      flowId: flow.flowId,
      customer,
      reason: failed.length ? 'partnerCenter' : undefined,
      requestId: failed[0]?.requestId,
      details: { suspended: done, failed },
    });
    const notice = done.length ? t.t('remove.suspend.done', { count: done.length }) : undefined;
    const error = failed.length
      ? t.t('remove.suspend.partial', {
          names: failed.map((f) => escapeMarkdown(f.name)).join(', '),
          error: partnerCenterErrorText(t, lastError),
        })
      : undefined;
    return this.checkAndPresent(step, flow, customer.id, 'replace', { notice, error });
  }

  /** "Remove customer relationship" on the warning card. */
  private async confirm(
    step: WaterfallStepContext,
    flow: RemoveFlowState,
    t: Translator,
    customerId: string | undefined,
    attest: string | undefined,
  ): Promise<DialogTurnResult> {
    const customer = flow.customer;
    const statement = flow.statement;
    if (!customer || !statement || customerId !== customer.id) {
      return this.forged(step, flow, t, customerId);
    }
    if (attest !== 'true') {
      const roles = await callerRoles(step.context, this.services.roles);
      await this.auditor.record(step.context, {
        action: REMOVE_ACTION,
        outcome: 'refused',
        roles,
        flowId: flow.flowId,
        customer,
        reason: 'notAttested',
        attestation: statement,
        details: { attested: false },
      });
      setCardResponse(
        step.context,
        cardResponse(this.warningCard(t, flow, customer, { error: t.t('remove.warn.notAttested') })),
      );
      return step.replaceDialog(LOOP_WATERFALL);
    }
    // One Partner Center change per flow, however many clicks arrive.
    if (!this.claims.claim(flow.flowId)) {
      setCardResponse(step.context, messageResponse(t.t('remove.inProgress')));
      return step.endDialog();
    }
    const roles = await this.guard(step, flow, 'action');
    if (!roles) return this.finish(step, flow);

    const correlationId = randomUUID();
    // Our own MS-RequestId (kept across retries), so a successful removal's audit names it too.
    const requestId = randomUUID();
    const ctx = { ...callContextOf(this.services, step.context, 'user'), correlationId, requestId };
    const base = {
      action: REMOVE_ACTION,
      roles,
      flowId: flow.flowId,
      customer,
      attestation: statement,
      id: finalAuditId(flow),
    } as const;
    const details = {
      attested: true,
      delegatedAccess: customer.allowDelegatedAccess ?? null,
      correlationId,
    };
    try {
      await this.services.partnerCenter.removeResellerRelationship(customer.id, ctx);
    } catch (err) {
      if (!isPartnerCenterError(err)) throw err;
      const reason: RemovalReason =
        err.kind === 'relationship_not_found' || err.kind === 'not_found'
          ? 'alreadyRemoved'
          : err.kind === 'precondition'
            ? 'precondition'
            : 'partnerCenter';
      if (reason === 'alreadyRemoved') this.services.customerCache.invalidate(this.services.partnerTenantId);
      const entry = await this.auditor.record(step.context, {
        ...base,
        outcome: 'failed',
        reason,
        requestId: err.requestId,
        details: { ...details, errorKind: err.kind, status: err.status, pcCode: err.pcCode },
      });
      setCardResponse(step.context, cardResponse(this.failureCard(t, customer, reason, err, entry?.id)));
      return this.finish(step, flow);
    }

    this.services.customerCache.invalidate(this.services.partnerTenantId);
    const entry = await this.auditor.record(step.context, {
      ...base,
      outcome: 'succeeded',
      requestId,
      details,
    });
    const lines = [
      {
        text: t.t('remove.result.success', {
          name: escapeMarkdown(customer.companyName),
          domain: escapeMarkdown(customer.domain),
        }),
      },
      {
        text:
          customer.allowDelegatedAccess === false
            ? t.t('remove.result.dapNone')
            : t.t('remove.result.dapKept'),
      },
      { text: t.t('remove.result.noticeReminder') },
    ];
    setCardResponse(
      step.context,
      cardResponse(
        renderRemoveResultCard({
          title: t.t('remove.result.successTitle'),
          color: 'Good',
          facts: customerFacts(t, toCustomer(customer), false),
          lines,
          footer: entry
            ? t.t('remove.result.auditRef', { id: entry.id })
            : t.t('remove.result.auditMissing', { id: finalAuditId(flow) }),
        }),
      ),
    );
    return this.finish(step, flow);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Loads the customer (with its delegated-access state) and its subscriptions, then shows the
   * preconditions card while active subscriptions exist, otherwise the legal-notice warning.
   */
  private async checkAndPresent(
    step: WaterfallStepContext,
    flow: RemoveFlowState,
    customerId: string,
    mode: 'replace' | 'new',
    extra: { notice?: string; error?: string } = {},
  ): Promise<DialogTurnResult> {
    const t = translatorFor(step.context.activity.locale);
    const ctx = callContextOf(this.services, step.context, 'app');
    let customer: Customer;
    try {
      customer = await this.services.partnerCenter.getCustomer(customerId, ctx);
    } catch (err) {
      if (isPartnerCenterError(err, 'not_found') || isPartnerCenterError(err, 'bad_request')) {
        await say(step.context, t.t('remove.customerGone'));
        return this.finish(step, flow);
      }
      throw err;
    }
    const subscriptions = await this.services.partnerCenter.listSubscriptions(customer.id, ctx);
    const active = subscriptions.filter((s) => s.status === 'active');
    flow.customer = snapshotCustomer(customer);
    flow.active = active.map(snapshotSubscription);
    let card: AdaptiveCardJson;
    if (active.length > 0) {
      flow.stage = 'preconditions';
      card = renderRemovePreconditionsCard(t, {
        customer,
        active,
        notice: extra.notice,
        error: extra.error,
        actionData: this.actionData(flow),
      });
    } else {
      flow.stage = 'warning';
      const statement = this.notices.statementFor(t.language);
      flow.statement = {
        version: statement.version,
        sha256: statement.sha256,
        language: statement.language,
        source: statement.source,
      };
      card = this.warningCard(t, flow, flow.customer, extra);
    }
    await showCard(step.context, card, mode, t.t('remove.startedBelow'));
    return step.replaceDialog(LOOP_WATERFALL);
  }

  private warningCard(
    t: Translator,
    flow: RemoveFlowState,
    customer: CustomerSnapshot,
    extra: { notice?: string; error?: string },
  ): AdaptiveCardJson {
    // The statement of the language recorded for this flow: the text the user attests to.
    const language: NoticeLanguage =
      flow.statement?.language === 'de' ? 'de' : flow.statement ? 'en' : t.language;
    return renderRemoveWarningCard(t, {
      customer: toCustomer(customer),
      statement: this.notices.statementFor(language),
      notice: extra.notice,
      error: extra.error,
      actionData: this.actionData(flow),
    });
  }

  private failureCard(
    t: Translator,
    customer: CustomerSnapshot,
    reason: RemovalReason,
    err: PartnerCenterError,
    auditId: string | undefined,
  ): AdaptiveCardJson {
    const name = escapeMarkdown(customer.companyName);
    const lines: { text: string }[] = [];
    if (reason === 'alreadyRemoved') lines.push({ text: t.t('remove.result.alreadyRemoved', { name }) });
    else if (reason === 'precondition') {
      lines.push({ text: t.t('remove.result.precondition', { name }) });
      if (err.description)
        lines.push({
          text: t.t('remove.pre.reported', { detail: escapeMarkdown(clip(err.description, 500)) }),
        });
      lines.push({ text: t.t('remove.pre.steps') });
    } else lines.push({ text: partnerCenterErrorText(t, err) });
    lines.push({ text: t.t('remove.result.startAgain', { command: COMMAND_WORDS.remove[t.language] }) });
    return renderRemoveResultCard({
      title: t.t('remove.result.failedTitle'),
      color: 'Attention',
      facts: customerFacts(t, toCustomer(customer), false),
      lines,
      footer: auditId ? t.t('remove.result.auditRef', { id: auditId }) : '',
    });
  }

  /** Card data naming another customer than this flow's: refused, audited, the flow ends. */
  private async forged(
    step: WaterfallStepContext,
    flow: RemoveFlowState,
    t: Translator,
    claimed: string | undefined,
  ): Promise<DialogTurnResult> {
    const roles = await callerRoles(step.context, this.services.roles).catch(() => [] as PartnerRoleName[]);
    this.services.logger.warn({ flowId: flow.flowId, verbStage: flow.stage }, 'removal card data forged');
    await this.auditor.record(step.context, {
      action: REMOVE_ACTION,
      outcome: 'refused',
      roles,
      flowId: flow.flowId,
      customer: flow.customer,
      reason: 'customerMismatch',
      attestation: flow.statement,
      id: finalAuditId(flow),
      details: { claimedCustomerId: typeof claimed === 'string' ? claimed.slice(0, 64) : null },
    });
    setCardResponse(step.context, messageResponse(t.t('remove.forged')));
    return this.finish(step, flow);
  }

  /**
   * The role check (Global admin or Admin agent). Refusals are answered and audited; returns the
   * caller's roles when allowed.
   */
  private async guard(
    step: WaterfallStepContext,
    flow: RemoveFlowState,
    when: 'start' | 'action',
  ): Promise<PartnerRoleName[] | undefined> {
    const result = await ensureAllowed(step.context, this.services.roles, 'remove');
    if (result.allowed) return result.roles;
    const roles = await callerRoles(step.context, this.services.roles).catch(() => [] as PartnerRoleName[]);
    const customer = flow.customer ?? (flow.cardCustomerId ? { id: flow.cardCustomerId } : undefined);
    await this.auditor.record(step.context, {
      action: REMOVE_ACTION,
      outcome: 'refused',
      roles,
      flowId: flow.flowId,
      customer,
      reason: 'role',
      id: finalAuditId(flow),
      details: { when, searchText: flow.args ? flow.args.slice(0, MAX_SEARCH_LENGTH) : undefined },
    });
    await say(step.context, result.message);
    return undefined;
  }

  /** A Partner Center failure while looking things up: said clearly, nothing changed, the flow ends. */
  private async partnerCenterFailure(
    step: WaterfallStepContext,
    flow: RemoveFlowState,
    err: unknown,
  ): Promise<DialogTurnResult> {
    const t = translatorFor(step.context.activity.locale);
    const text = partnerCenterErrorText(t, err); // rethrows anything that is not a Partner Center error
    if (isPartnerCenterError(err)) {
      this.services.logger.warn(
        { flowId: flow.flowId, ...err.toLogObject() },
        'removal flow: Partner Center failed',
      );
    }
    await say(step.context, text);
    return this.finish(step, flow);
  }

  private async finish(step: WaterfallStepContext, flow: RemoveFlowState): Promise<DialogTurnResult> {
    flow.stage = 'done';
    flow.finished = true;
    return step.endDialog();
  }

  private actionData(flow: RemoveFlowState): RemoveActionData {
    const data: RemoveActionData = { flowId: flow.flowId, command: 'remove' };
    if (flow.customer) data.customerId = flow.customer.id;
    return data;
  }

  /** Searches company names and domains (prefix, case-insensitive); a GUID is looked up directly. */
  private async search(
    context: TurnContext,
    text: string,
  ): Promise<{ matches: Customer[]; totalCount: number }> {
    const ctx = callContextOf(this.services, context, 'app');
    const pc = this.services.partnerCenter;
    if (GUID.test(text)) {
      try {
        return { matches: [await pc.getCustomer(text.toLowerCase(), ctx)], totalCount: 1 };
      } catch (err) {
        if (isPartnerCenterError(err, 'not_found')) return { matches: [], totalCount: 0 };
        throw err;
      }
    }
    const [byName, byDomain] = await Promise.all([
      pc.searchCustomers({ field: 'CompanyName', prefix: text, size: SEARCH_PAGE }, ctx),
      pc.searchCustomers({ field: 'Domain', prefix: text, size: SEARCH_PAGE }, ctx),
    ]);
    const seen = new Set<string>();
    const matches: Customer[] = [];
    for (const c of [...byName.items, ...byDomain.items]) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      matches.push(c);
    }
    const overlap = byName.items.length + byDomain.items.length - matches.length;
    const totalCount = Math.max(matches.length, byName.totalCount + byDomain.totalCount - overlap);
    return { matches, totalCount };
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

/** The id of a flow's one final audit entry (written at most once, also when a turn is retried). */
function finalAuditId(flow: RemoveFlowState): string {
  return `remove-${flow.flowId}`;
}

function snapshotCustomer(c: Customer): CustomerSnapshot {
  const s: CustomerSnapshot = {
    id: c.id,
    companyName: c.companyName,
    domain: c.domain,
    tenantId: c.tenantId,
    relationshipToPartner: c.relationshipToPartner,
  };
  if (typeof c.allowDelegatedAccess === 'boolean') s.allowDelegatedAccess = c.allowDelegatedAccess;
  return s;
}

function snapshotSubscription(s: Subscription): SubscriptionSnapshot {
  return {
    id: s.id,
    friendlyName: s.friendlyName,
    offerName: s.offerName,
    offerId: s.offerId,
    quantity: s.quantity,
    status: s.status,
    autoRenewEnabled: s.autoRenewEnabled,
  };
}

function toCustomer(s: CustomerSnapshot): Customer {
  return { ...s };
}

function toSubscription(s: SubscriptionSnapshot): Subscription {
  return { ...s };
}
