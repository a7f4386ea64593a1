import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { mediumDateFormat } from '../../cards/formats';
import {
  renderProviderRefusedCard,
  renderProviderRequestDraftCard,
  requestFacts,
  type ProviderOption,
} from '../../cards/providerRequestCards';
import { renderRemoveResultCard } from '../../cards/removeCards';
import { trustedSentence } from '../../cards/untrusted';
import type { AuditEntry } from '../../domain/audit';
import { cleanText, finishedText, INVITE_LIMITS, isValidEmail } from '../../domain/inviteDraft';
import type { LegalNoticeCatalog } from '../../domain/legalNotice';
import type { RemovalOutcome } from '../../domain/removal';
import type { RemovalRequest } from '../../domain/removalRequests';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { isPartnerCenterError } from '../../partnerCenter/errors';
import { ensureAllowed } from '../guards';
import { sayPlain, type Answer } from '../respond';
import { callContextOf, type DialogServices } from '../services';
import type { FlowClaims } from './flowClaims';
import { providerRequestEmail } from './providerRequestEmail';
import {
  actionDataOf,
  finish,
  finalAuditId,
  type FlowWithCustomer,
  type RemoveFlowState,
} from './removalFlow';

/** The Action.Execute verbs of the provider path's cards (answered by the waiting remove flow). */
export const PROVIDER_REQUEST_VERBS = {
  ask: 'remove.askProvider',
  copy: 'remove.providerCopy',
  done: 'remove.providerDone',
  cancel: 'remove.providerCancel',
} as const;

/** The verbs each provider-path stage of the remove flow accepts. */
export const PROVIDER_STAGE_VERBS = {
  providerOffer: [PROVIDER_REQUEST_VERBS.ask, PROVIDER_REQUEST_VERBS.cancel],
  providerDraft: [PROVIDER_REQUEST_VERBS.copy, PROVIDER_REQUEST_VERBS.done, PROVIDER_REQUEST_VERBS.cancel],
} as const;

export const REMOVAL_REQUEST_CREATED = 'removalRequest.created';

const askSchema = z.object({ providerId: z.string().max(128).optional() });
const draftSchema = z.object({
  to: z.string().max(INVITE_LIMITS.contactEmail).optional(),
  subject: z.string().max(INVITE_LIMITS.subject),
  body: z.string().max(INVITE_LIMITS.body),
});

type Flow = FlowWithCustomer & { stage: string };

/**
 * The provider path of a removal. Partner Center refuses an indirect reseller's removal (403): when
 * the partner buys through indirect providers, that refusal is the indirect-reseller rule
 * (`classify`), and the flow offers **Ask your indirect provider** (`offer`): a draft email to the
 * provider with the customer's name, domain and id and the attested good-faith statement (`ask`),
 * Copy text, and Done, which records one removal request per customer (audited; the customer's
 * record shows it; the notification job tells the requester once the customer is gone).
 */
export class ProviderRequests {
  constructor(
    private readonly services: DialogServices,
    private readonly notices: LegalNoticeCatalog,
    private readonly claims: FlowClaims,
  ) {}

  /**
   * A 403 on the removal of a partner that has indirect providers is Partner Center's
   * indirect-reseller refusal (it documents no code of its own for it): `refused: indirectReseller`
   * with the providers that can remove it, the customer's own first. Anything else stays as it is.
   */
  async classify(context: TurnContext, customerId: string, outcome: RemovalOutcome): Promise<RemovalOutcome> {
    if (outcome.kind !== 'notRemoved' || outcome.reason !== 'partnerCenter' || outcome.verified)
      return outcome;
    if (outcome.error.status !== 403 || !this.services.removalRequests) return outcome;
    let providers: ProviderOption[];
    try {
      const all = await this.services.partnerCenter.listIndirectProviders(
        callContextOf(this.services, context, 'user'),
      );
      providers = all.map((p) => ({ id: p.id, name: p.name }));
    } catch (err) {
      if (!isPartnerCenterError(err)) throw err;
      return outcome;
    }
    if (providers.length === 0) return outcome;
    const own = await this.services.partnerCenter
      .listCustomerRelationships(customerId, callContextOf(this.services, context, 'app'))
      .then((r) => new Set(r.map((p) => p.id.toLowerCase())))
      .catch(() => new Set<string>());
    const served = providers.filter((p) => own.has(p.id.toLowerCase()));
    return {
      kind: 'refused',
      reason: 'indirectReseller',
      error: outcome.error,
      providers: served.length > 0 ? served : providers,
    };
  }

  /** The refusal card with "Ask your indirect provider"; the (finished) flow waits for it. */
  offer(
    context: TurnContext,
    flow: FlowWithCustomer,
    outcome: Extract<RemovalOutcome, { reason: 'indirectReseller' }>,
    entry: AuditEntry | undefined,
  ): Answer {
    finish(flow);
    flow.stage = 'providerOffer';
    flow.providerRequest = { providers: outcome.providers, to: '', subject: '', body: '' };
    return {
      card: this.refusedCard(
        translatorFor(context.activity.locale),
        flow,
        outcome.error.description,
        entry?.id,
      ),
    };
  }

  /** A click on a provider-path card; undefined for a verb that is not one of them. */
  async handle(
    context: TurnContext,
    flow: RemoveFlowState,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<Answer | undefined> {
    const t = translatorFor(context.activity.locale);
    if (!(Object.values(PROVIDER_REQUEST_VERBS) as string[]).includes(verb)) return undefined;
    if (!flow.customer || !flow.providerRequest) return { message: t.t('card.invalid') };
    const current = flow as Flow;
    switch (verb) {
      case PROVIDER_REQUEST_VERBS.ask:
        return this.ask(context, t, current, data);
      case PROVIDER_REQUEST_VERBS.copy:
        return this.copy(context, t, current, data);
      case PROVIDER_REQUEST_VERBS.done:
        return this.done(context, t, current, data);
      default:
        return this.cancel(t, current);
    }
  }

  // ------------------------------------------------------------------ steps

  private ask(context: TurnContext, t: Translator, flow: Flow, data: Record<string, unknown>): Answer {
    const state = this.state(flow);
    const parsed = askSchema.safeParse(data);
    if (!parsed.success) return { message: t.t('card.invalid') };
    const [only] = state.providers;
    const provider =
      state.providers.length === 1 ? only : state.providers.find((p) => p.id === parsed.data.providerId);
    if (!provider) {
      return {
        card: this.refusedCard(t, flow, undefined, undefined, t.t('removalRequest.refused.providerRequired')),
      };
    }
    const language = flow.statement?.language === 'de' ? 'de' : flow.statement ? 'en' : t.language;
    const email = providerRequestEmail(t, {
      customer: flow.customer,
      provider,
      statement: this.notices.statementFor(language),
      senderName: context.activity.from.name,
    });
    Object.assign(state, { provider, subject: email.subject, body: email.body });
    flow.stage = 'providerDraft';
    return { card: this.draftCard(t, flow) };
  }

  private async copy(context: TurnContext, t: Translator, flow: Flow, data: Record<string, unknown>) {
    const problem = this.readDraft(t, flow, data);
    if (problem) return problem;
    const state = this.state(flow);
    await sayPlain(context, finishedText(t.t('invite.draft.subjectLabel'), state.subject, state.body));
    return { card: this.draftCard(t, flow, { copied: true }) };
  }

  private async done(context: TurnContext, t: Translator, flow: Flow, data: Record<string, unknown>) {
    const problem = this.readDraft(t, flow, data);
    if (problem) return problem;
    const state = this.state(flow);
    if (!state.subject.trim())
      return { card: this.draftCard(t, flow, { error: t.t('invite.draft.subjectRequired') }) };
    if (!state.body.trim())
      return { card: this.draftCard(t, flow, { error: t.t('invite.draft.bodyRequired') }) };
    const allowed = await ensureAllowed(context, this.services.roles, 'remove');
    if (!allowed.allowed) return { message: allowed.message };
    const repository = this.services.removalRequests;
    const provider = state.provider;
    if (!repository || !provider) return { message: t.t('card.invalid') };
    // However many clicks arrive, only the first records.
    const claim = `${flow.flowId}:providerDone`;
    if (!this.claims.claim(claim)) return { message: t.t('remove.inProgress') };
    const now = new Date().toISOString();
    const activity = context.activity;
    const request: RemovalRequest = {
      id: flow.customer.id,
      partnerTenantId: this.services.partnerTenantId,
      requestId: randomUUID(),
      status: 'open',
      customer: {
        id: flow.customer.id,
        companyName: flow.customer.companyName,
        domain: flow.customer.domain,
      },
      provider,
      requestedAt: now,
      requestedBy: { aadObjectId: activity.from.aadObjectId, name: activity.from.name },
      conversationId: activity.conversation.id,
      conversationReference: JSON.parse(
        JSON.stringify(TurnContext.getConversationReference(activity)),
      ) as Record<string, unknown>,
      locale: activity.locale,
      attestation: flow.statement,
      updatedAt: now,
    };
    let stored: RemovalRequest;
    let created: boolean;
    try {
      ({ request: stored, created } = await repository.create(request));
    } catch (err) {
      this.claims.release(claim);
      this.services.logger.warn(
        { flowId: flow.flowId, error: err instanceof Error ? err.name : 'unknown' },
        'removal request not saved',
      );
      return { card: this.draftCard(t, flow, { error: t.t('removalRequest.saveFailed') }) };
    }
    const entry = created ? await this.audit(context, flow, stored, allowed.roles) : undefined;
    finish(flow);
    const date = mediumDateFormat(t.locale).format(new Date(stored.requestedAt));
    const params = { provider: stored.provider.name, date };
    return {
      card: renderRemoveResultCard({
        title: t.t('removalRequest.done.title'),
        color: created ? 'Good' : 'Default',
        facts: requestFacts(t, flow.customer, stored.provider),
        lines: [
          {
            text: created
              ? trustedSentence(t, 'removalRequest.done.text', params)
              : trustedSentence(t, 'removalRequest.done.already', params),
          },
        ],
        footer: entry ? t.t('remove.result.auditRef', { id: entry.id }) : '',
      }),
    };
  }

  private cancel(t: Translator, flow: Flow): Answer {
    finish(flow);
    return {
      card: renderRemoveResultCard({
        title: t.t('removalRequest.cancelled.title'),
        color: 'Default',
        facts: requestFacts(t, flow.customer),
        lines: [
          { text: trustedSentence(t, 'removalRequest.cancelled.text', { name: flow.customer.companyName }) },
        ],
        footer: '',
      }),
    };
  }

  // ---------------------------------------------------------------- helpers

  private state(flow: Flow) {
    if (!flow.providerRequest) throw new Error('ProviderRequests: no provider request state');
    return flow.providerRequest;
  }

  /** The draft card's inputs into the flow state; a problem answer when they cannot be kept. */
  private readDraft(t: Translator, flow: Flow, data: Record<string, unknown>): Answer | undefined {
    const parsed = draftSchema.safeParse(data);
    if (!parsed.success) {
      const tooLong = parsed.error.issues.find((i) => i.code === 'too_big');
      const field = String(tooLong?.path[0] ?? '');
      if (!tooLong || !['subject', 'body'].includes(field)) return { message: t.t('card.invalid') };
      const value = data[field];
      return {
        message: t.t('invite.draft.tooLong', {
          field: t.t(field === 'subject' ? 'invite.draft.subject' : 'invite.draft.body'),
          length: typeof value === 'string' ? value.length : 0,
          max: Number(tooLong.maximum),
        }),
      };
    }
    const to = (parsed.data.to ?? '').trim();
    if (to && !isValidEmail(to)) return { message: t.t('removalRequest.draft.invalidEmail', { email: to }) };
    Object.assign(this.state(flow), {
      to,
      subject: cleanText(parsed.data.subject).trim(),
      body: cleanText(parsed.data.body),
    });
    return undefined;
  }

  private refusedCard(
    t: Translator,
    flow: Flow | FlowWithCustomer,
    detail?: string,
    auditId?: string,
    error?: string,
  ) {
    return renderProviderRefusedCard(t, {
      customer: flow.customer,
      providers: flow.providerRequest?.providers ?? [],
      detail,
      error,
      footer: auditId ? t.t('remove.result.auditRef', { id: auditId }) : '',
      actionData: actionDataOf(flow),
    });
  }

  private draftCard(t: Translator, flow: Flow, extra: { copied?: boolean; error?: string } = {}) {
    const state = this.state(flow);
    if (!state.provider) throw new Error('ProviderRequests: no provider chosen');
    return renderProviderRequestDraftCard(t, {
      customer: flow.customer,
      provider: state.provider,
      to: state.to,
      subject: state.subject,
      body: state.body,
      ...extra,
      actionData: actionDataOf(flow),
    });
  }

  /** The request in the audit log (who, which customer, which provider, which attested statement). */
  private async audit(
    context: TurnContext,
    flow: Flow,
    request: RemovalRequest,
    roles: readonly string[],
  ): Promise<AuditEntry | undefined> {
    const from = context.activity.from;
    try {
      return await this.services.audit.append({
        id: `removal-request-${request.requestId}`,
        partnerTenantId: this.services.partnerTenantId,
        action: REMOVAL_REQUEST_CREATED,
        outcome: 'succeeded',
        actor: { aadObjectId: from.aadObjectId, name: from.name, roles: [...roles] },
        customer: request.customer,
        details: {
          flowId: flow.flowId,
          removalAuditId: finalAuditId(flow),
          provider: request.provider,
          reason: 'indirectReseller',
          ...(request.attestation ? { attestation: request.attestation } : {}),
        },
      });
    } catch (err) {
      this.services.logger.error(
        { flowId: flow.flowId, error: err instanceof Error ? err.name : 'unknown' },
        'audit entry could not be written',
      );
      return undefined;
    }
  }
}
