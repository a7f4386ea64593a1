import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { MAX_CHOICES } from '../../cards/removeCards';
import { sentence } from '../../cards/untrusted';
import type { AdaptiveCardJson } from '../../cards/render';
import { findCustomers } from '../../domain/customerSearch';
import type { LegalNoticeCatalog } from '../../domain/legalNotice';
import { newCommerceNotes } from '../../domain/newCommerce';
import {
  relationshipGone,
  removalOutcomeOf,
  verifiedRemoval,
  type RemovalOutcome,
} from '../../domain/removal';
import type { PartnerRoleName } from '../../domain/roles';
import { translatorFor } from '../../i18n/i18n';
import { isPartnerCenterError } from '../../partnerCenter/errors';
import type { Customer } from '../../partnerCenter/types';
import { ensureAllowed } from '../guards';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import { callContextOf, turnDeadlineOf, type DialogServices } from '../services';
import { readAdminAccess } from './accessTermination';
import { readRelationshipBack } from './removalReadBack';
import { EndAccessStep } from './endAccess';
import { FlowClaims } from './flowClaims';
import { ProviderRequests } from './providerRequest';
import { RemovalAudit } from './removalAudit';
import { suspendActive } from './suspension';
import {
  finish,
  isWaiting,
  snapshotCustomer,
  snapshotSubscription,
  type FlowWithCustomer,
  type RemoveFlowState,
} from './removalFlow';
import {
  cancelledCard,
  chooseCard,
  outcomeCard,
  preconditionsCard,
  suspendCard,
  warningCard,
  type CardNotes,
} from './removalViews';

/** What a step of the flow answers: the card to show, or a sentence. */
export type RemovalAnswer = { card: AdaptiveCardJson } | { message: string };

/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 100;
/** Matches read per search field: one more than the choice card lists, to know there are more. */
const SEARCH_LIMITS = { pageSize: MAX_CHOICES + 1, maxPagesPerField: 1 };

export interface RemovalServiceDependencies {
  services: DialogServices;
  notices: LegalNoticeCatalog;
  /** Shared double-click guard (one per process). */
  claims?: FlowClaims;
}

/**
 * The steps of a removal flow, each moving the flow's state on and answering with a card or a
 * sentence: find the customer, check the caller's role and Partner Center's preconditions (with
 * suspending active subscriptions behind their own confirmation), show the legal notice, remove
 * the relationship only with the attestation on, audit every attempt. A step that leaves the flow
 * waiting (`isWaiting`) expects the next click on its card; any other ends the flow.
 * A Partner Center failure while looking things up ends the flow with a clear sentence.
 *
 * Extending it: a new step is a method here returning a RemovalAnswer, a stage in removalFlow and
 * a verb in the dialog's STAGE_VERBS. What the removal call achieved is a RemovalOutcome
 * (`removed | notRemoved | refused | unknown`, see domain/removal): `removeRelationship` is where
 * an `unknown` outcome gets verified by reading the customer back, and `outcomeCard` where each
 * outcome offers its next step (after `removed`, ending admin access; after `refused`, the request
 * to the indirect provider).
 */
export class RemovalService {
  private readonly services: DialogServices;
  private readonly notices: LegalNoticeCatalog;
  private readonly claims: FlowClaims;
  private readonly audit: RemovalAudit;
  /** The request to the indirect provider when Partner Center refuses an indirect reseller. */
  readonly providerRequests: ProviderRequests;
  /** The step after a successful removal: "End admin access too" (the dialog routes its verbs there). */
  readonly endAccessStep: EndAccessStep;

  constructor(deps: RemovalServiceDependencies) {
    this.services = deps.services;
    this.notices = deps.notices;
    this.claims = deps.claims ?? new FlowClaims();
    this.audit = new RemovalAudit(deps.services);
    this.providerRequests = new ProviderRequests(deps.services, deps.notices, this.claims);
    this.endAccessStep = new EndAccessStep(deps.services, this.audit, this.claims);
  }

  /** Button data and role checked before anything else; `undefined` when the flow may go on. */
  async begin(context: TurnContext, flow: RemoveFlowState): Promise<RemovalAnswer | undefined> {
    if (flow.cardCustomerId === '') {
      finish(flow);
      return { message: translatorFor(context.activity.locale).t('remove.invalidCardData') };
    }
    const allowed = await this.allowed(context, flow, 'start');
    return 'message' in allowed ? allowed : undefined;
  }

  /** Whether the user must still be asked which customer (no search text, no button). */
  needsSearchText(flow: RemoveFlowState): boolean {
    return flow.cardCustomerId === undefined && flow.args === '';
  }

  /** The customer of the button, or the one the search finds; a choice card for several. */
  async find(context: TurnContext, flow: RemoveFlowState, typed: string | undefined): Promise<RemovalAnswer> {
    return this.guarded(context, flow, async () => {
      if (flow.cardCustomerId !== undefined) return this.present(context, flow, flow.cardCustomerId);
      const t = translatorFor(context.activity.locale);
      const text = (typed ?? flow.args).trim();
      if (text.length < 1 || text.length > MAX_SEARCH_LENGTH) {
        finish(flow);
        return { message: t.t('remove.searchInvalid', { max: MAX_SEARCH_LENGTH }) };
      }
      flow.searchText = text;
      const found = await this.search(context, flow);
      const [only] = found.customers;
      if (!only) {
        finish(flow);
        return { message: sentence(t, 'remove.notFound', { text }) };
      }
      if (found.customers.length === 1) return this.present(context, flow, only.id);
      flow.stage = 'choose';
      return { card: chooseCard(t, flow, found) };
    });
  }

  /** A customer chosen on the choice card; anything not offered brings the same choice again. */
  async choose(context: TurnContext, flow: RemoveFlowState, customerId: string | undefined) {
    return this.guarded(context, flow, async () => {
      if (customerId && (flow.offeredIds ?? []).includes(customerId)) {
        return this.present(context, flow, customerId);
      }
      const t = translatorFor(context.activity.locale);
      const found = await this.search(context, flow);
      return { card: chooseCard(t, flow, found, t.t('remove.choose.required')) };
    });
  }

  /** "Check again" / "Back": the customer's state read afresh. */
  async recheck(context: TurnContext, flow: RemoveFlowState): Promise<RemovalAnswer> {
    return this.guarded(context, flow, () => this.present(context, flow, flow.customer?.id ?? ''));
  }

  /** "Suspend active subscriptions": their own confirmation first. */
  async askSuspend(context: TurnContext, flow: RemoveFlowState): Promise<RemovalAnswer> {
    return this.guarded(context, flow, async () => {
      if (!hasCustomer(flow) || !flow.active?.length)
        return this.present(context, flow, flow.customer?.id ?? '');
      flow.stage = 'suspendConfirm';
      return { card: suspendCard(translatorFor(context.activity.locale), flow) };
    });
  }

  /** Suspends the active subscriptions (each on its own), audits that, and shows where that leaves us. */
  async suspend(context: TurnContext, flow: RemoveFlowState, customerId: string | undefined) {
    return this.guarded(context, flow, async () => {
      if (!hasCustomer(flow) || customerId !== flow.customer.id)
        return this.forged(context, flow, customerId);
      const allowed = await this.allowed(context, flow, 'action');
      if ('message' in allowed) return allowed;
      const t = translatorFor(context.activity.locale);
      const { result, lastError } = await suspendActive(this.services, context, flow);
      await this.audit.recordSuspension(context, flow, result);
      const notes: CardNotes = {};
      if (result.suspended.length)
        notes.notice = t.t('remove.suspend.done', { count: result.suspended.length });
      const errors: string[] = [];
      if (result.failed.length) {
        errors.push(
          t.t('remove.suspend.partial', {
            names: result.failed.map((f) => f.name).join(', '),
            error: partnerCenterErrorText(t, lastError),
          }),
        );
      }
      if (result.unconfirmed?.length) {
        errors.push(
          t.t('remove.suspend.unconfirmed', {
            names: result.unconfirmed.map((f) => f.name).join(', '),
          }),
        );
      }
      if (errors.length) notes.error = errors.join(' ');
      return this.present(context, flow, flow.customer.id, notes);
    });
  }

  /** "Remove customer relationship" on the warning card: one Partner Center change per flow. */
  async confirm(
    context: TurnContext,
    flow: RemoveFlowState,
    customerId: string | undefined,
    attest: string | undefined,
  ): Promise<RemovalAnswer> {
    return this.guarded(context, flow, async () => {
      const t = translatorFor(context.activity.locale);
      if (!hasCustomer(flow) || !flow.statement || customerId !== flow.customer.id) {
        return this.forged(context, flow, customerId);
      }
      if (attest !== 'true') {
        await this.audit.record(context, flow, 'refused', 'notAttested', { details: { attested: false } });
        return { card: warningCard(t, this.notices, flow, { error: t.t('remove.warn.notAttested') }) };
      }
      // However many clicks arrive, only the first gets this far.
      if (!this.claims.claim(flow.flowId)) {
        finish(flow);
        return { message: t.t('remove.inProgress') };
      }
      const allowed = await this.allowed(context, flow, 'action');
      if ('message' in allowed) return allowed;
      const correlationId = randomUUID();
      const outcome = await this.providerRequests.classify(
        context,
        flow.customer.id,
        await this.removeRelationship(context, flow.customer, correlationId),
      );
      // Still unknown: the relationship may be gone, so the cached list may be wrong too.
      if (relationshipGone(outcome) || outcome.kind === 'unknown') {
        this.services.customerCache.invalidate(this.services.partnerTenantId);
      }
      const entry = await this.audit.recordRemoval(context, flow, outcome, {
        roles: allowed.roles,
        details: {
          attested: true,
          delegatedAccess: flow.customer.allowDelegatedAccess ?? null,
          correlationId,
        },
      });
      if (outcome.kind === 'refused' && outcome.reason === 'indirectReseller') {
        return this.providerRequests.offer(context, flow, outcome, entry);
      }
      // After a removal, ending admin access is offered as its own step (see EndAccessStep).
      if (outcome.kind === 'removed')
        return this.endAccessStep.offer(context, flow, outcome, entry, allowed.roles);
      finish(flow);
      return { card: outcomeCard(t, flow, outcome, entry) };
    });
  }

  /** "Cancel" on a card of the flow. */
  async cancel(context: TurnContext, flow: RemoveFlowState): Promise<RemovalAnswer> {
    const entry = await this.audit.record(context, flow, 'cancelled', 'userCancelled', {
      details: { stage: flow.stage },
    });
    finish(flow);
    return { card: cancelledCard(translatorFor(context.activity.locale), flow, entry) };
  }

  /** The flow was cancelled from outside (typed "cancel", another command) while it showed a card. */
  async abandon(context: TurnContext, flow: RemoveFlowState): Promise<void> {
    if (flow.finished || !isWaiting(flow)) return;
    const stage = flow.stage;
    finish(flow);
    await this.audit.record(context, flow, 'cancelled', 'flowCancelled', { details: { stage } });
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Loads the customer (with its delegated-access state) and its subscriptions: the preconditions
   * card while active subscriptions exist, otherwise the legal-notice warning.
   */
  private async present(
    context: TurnContext,
    flow: RemoveFlowState,
    customerId: string,
    notes: CardNotes = {},
  ): Promise<RemovalAnswer> {
    const t = translatorFor(context.activity.locale);
    const ctx = callContextOf(this.services, context, 'app');
    let customer: Customer;
    try {
      customer = await this.services.partnerCenter.getCustomer(customerId, ctx);
    } catch (err) {
      if (isPartnerCenterError(err, 'not_found') || isPartnerCenterError(err, 'bad_request')) {
        finish(flow);
        return { message: t.t('remove.customerGone') };
      }
      throw err;
    }
    const subscriptions = await this.services.partnerCenter.listSubscriptions(customer.id, ctx);
    const active = subscriptions.filter((s) => s.status === 'active');
    const found: FlowWithCustomer = Object.assign(flow, { customer: snapshotCustomer(customer) });
    found.active = active.map(snapshotSubscription);
    found.newCommerce = newCommerceNotes(subscriptions, Date.now());
    if (active.length > 0) {
      found.stage = 'preconditions';
      return { card: preconditionsCard(t, found, customer, active, notes) };
    }
    found.stage = 'warning';
    const { version, sha256, language, source } = this.notices.statementFor(t.language);
    found.statement = { version, sha256, language, source };
    found.adminAccess = await readAdminAccess(this.services.gdap, customer.tenantId, this.services.logger, {
      deadline: turnDeadlineOf(this.services, context),
    });
    return { card: warningCard(t, this.notices, found, notes) };
  }

  /**
   * The removal call and what it achieved. Our own MS-RequestId (kept across retries) lets a
   * successful removal's audit entry name it too. When the call's outcome is unknown (5xx,
   * timeout, no answer), the customer is read back before anything is said: the relationship gone
   * means removed, still there means not removed, and a failed read leaves it unknown.
   */
  private async removeRelationship(
    context: TurnContext,
    customer: { id: string },
    correlationId: string,
  ): Promise<RemovalOutcome> {
    const requestId = randomUUID();
    const ctx = { ...callContextOf(this.services, context, 'user'), correlationId, requestId };
    let outcome: RemovalOutcome;
    try {
      const { allowDelegatedAccess } = await this.services.partnerCenter.removeResellerRelationship(
        customer.id,
        ctx,
      );
      return { kind: 'removed', requestId, allowDelegatedAccess };
    } catch (err) {
      if (!isPartnerCenterError(err)) throw err;
      outcome = removalOutcomeOf(err);
    }
    if (outcome.kind !== 'unknown') return outcome;
    const readBack = await readRelationshipBack(this.services, context, customer.id, correlationId);
    const verified = verifiedRemoval(outcome, readBack, requestId);
    this.services.logger.warn(
      { ...outcome.error.toLogObject(), verification: verified.kind },
      'removal outcome unknown; verified by reading the customer back',
    );
    return verified;
  }

  private async search(context: TurnContext, flow: RemoveFlowState) {
    const ctx = callContextOf(this.services, context, 'app');
    const found = await findCustomers(this.services.partnerCenter, flow.searchText ?? '', ctx, SEARCH_LIMITS);
    flow.offeredIds = found.customers.slice(0, MAX_CHOICES).map((c) => c.id);
    return found;
  }

  /** The role check (Global admin or Admin agent). A refusal is audited and ends the flow. */
  private async allowed(
    context: TurnContext,
    flow: RemoveFlowState,
    when: 'start' | 'action',
  ): Promise<{ roles: PartnerRoleName[] } | { message: string }> {
    const result = await ensureAllowed(context, this.services.roles, 'remove');
    if (result.allowed) return { roles: result.roles };
    const searchText = flow.args ? flow.args.slice(0, MAX_SEARCH_LENGTH) : undefined;
    await this.audit.record(context, flow, 'refused', 'role', { details: { when, searchText } });
    finish(flow);
    return { message: result.message };
  }

  /** Card data naming another customer than this flow's: refused, audited, the flow ends. */
  private async forged(context: TurnContext, flow: RemoveFlowState, claimed: string | undefined) {
    this.services.logger.warn({ flowId: flow.flowId, verbStage: flow.stage }, 'removal card data forged');
    await this.audit.record(context, flow, 'refused', 'customerMismatch', {
      details: { claimedCustomerId: typeof claimed === 'string' ? claimed.slice(0, 64) : null },
    });
    finish(flow);
    return { message: translatorFor(context.activity.locale).t('remove.forged') };
  }

  /** A Partner Center failure: said clearly, nothing changed, the flow ends. Anything else is rethrown. */
  private async guarded(
    context: TurnContext,
    flow: RemoveFlowState,
    step: () => Promise<RemovalAnswer>,
  ): Promise<RemovalAnswer> {
    try {
      return await step();
    } catch (err) {
      const text = partnerCenterErrorText(translatorFor(context.activity.locale), err);
      if (isPartnerCenterError(err)) {
        this.services.logger.warn(
          { flowId: flow.flowId, ...err.toLogObject() },
          'removal flow: Partner Center failed',
        );
      }
      finish(flow);
      return { message: text };
    }
  }
}

function hasCustomer(flow: RemoveFlowState): flow is FlowWithCustomer {
  return flow.customer !== undefined;
}
