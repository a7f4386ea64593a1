import type { TurnContext } from 'botbuilder';
import type { AccessRelationship } from '../../cards/removeAccessCards';
import { renderRemoveResultCard } from '../../cards/removeCards';
import { trustedSentence, type CardText } from '../../cards/untrusted';
import type { AuditEntry } from '../../domain/audit';
import type { RemovalOutcome } from '../../domain/removal';
import { isAllowed, type PartnerRoleName } from '../../domain/roles';
import type { GraphError } from '../../graph';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { ensureAllowed } from '../guards';
import { turnDeadlineOf, type DialogServices } from '../services';
import { readAdminAccess, terminateRelationships, type TerminationResult } from './accessTermination';
import { endAccessCard } from './endAccessViews';
import type { FlowClaims } from './flowClaims';
import type { RemovalAudit } from './removalAudit';
import { finish, type FlowWithCustomer, type RemoveFlowState } from './removalFlow';
import { removedResult } from './removalViews';
import type { AdaptiveCardJson } from '../../cards/render';

type Answer = { card: AdaptiveCardJson } | { message: string };

/** A click's choice: relationship ids, comma separated (Input.ChoiceSet multi-select). */
const MAX_SELECTED = 50;

/**
 * "End admin access too", the explicit step after a successful removal. The removal's result card
 * lists the customer's active GDAP relationships (read afresh) to select from; nothing is ended
 * without the click. Each click is one attempt: claimed once (double clicks end nothing twice),
 * audited with the removal's attestation, and when some relationships did not end, the next card
 * offers exactly those again ("Try again for the rest"). A click from an older card changes nothing.
 */
export class EndAccessStep {
  constructor(
    private readonly services: DialogServices,
    private readonly audit: RemovalAudit,
    private readonly claims: FlowClaims,
  ) {}

  /** The card after a successful removal: with the offer when active relationships remain. */
  async offer(
    context: TurnContext,
    flow: FlowWithCustomer,
    outcome: Extract<RemovalOutcome, { kind: 'removed' }>,
    entry: AuditEntry | undefined,
    roles: readonly PartnerRoleName[],
  ): Promise<Answer> {
    const t = translatorFor(context.activity.locale);
    const access = await readAdminAccess(this.services.gdap, flow.customer.tenantId, this.services.logger, {
      deadline: turnDeadlineOf(this.services, context),
    });
    const relationships = access.ok ? access.relationships : [];
    if (relationships.length === 0 || !isAllowed('adminAccess.end', roles)) {
      finish(flow);
      const line = access.ok
        ? relationships.length === 0
          ? t.t('remove.end.none')
          : ''
        : t.t('remove.access.unavailable');
      return {
        card: renderRemoveResultCard(removedResult(t, flow, outcome, entry, line ? [{ text: line }] : [])),
      };
    }
    flow.stage = 'endAccess';
    flow.finished = true;
    flow.endAccess = { attempt: 1, offered: relationships, pending: relationships.map((r) => r.id) };
    const result = removedResult(t, flow, outcome, entry);
    return { card: endAccessCard(t, flow, { ...result, relationships, selected: [], retry: false }) };
  }

  /** "End admin access too" (or "Try again for the rest"): ends the selected, still active relationships. */
  async end(
    context: TurnContext,
    flow: RemoveFlowState,
    customerId: string | undefined,
    attempt: number | undefined,
    selection: string | undefined,
  ): Promise<Answer> {
    const t = translatorFor(context.activity.locale);
    if (!hasCustomer(flow) || customerId !== flow.customer.id) {
      // Card data naming another customer: refused, nothing ended, the flow ends.
      this.services.logger.warn({ flowId: flow.flowId }, 'end admin access: card data forged');
      finish(flow);
      return { message: t.t('remove.forged') };
    }
    const state = flow.endAccess;
    if (!state) return { message: t.t('remove.end.stale') };
    if (attempt !== state.attempt) return { message: t.t('remove.end.stale') };
    const ids = [...new Set((selection ?? '').split(',').map((s) => s.trim()))].filter((s) => s !== '');
    const chosen = state.offered.filter((r) => ids.includes(r.id) && state.pending.includes(r.id));
    if (ids.length > MAX_SELECTED || chosen.length !== ids.length || chosen.length === 0) {
      return { message: t.t('remove.end.noneSelected') };
    }
    const allowed = await ensureAllowed(context, this.services.roles, 'adminAccess.end');
    if (!allowed.allowed) {
      finish(flow);
      return { message: allowed.message };
    }
    // However many clicks on this card arrive, only the first ends anything.
    if (!this.claims.claim(`${flow.flowId}:access:${state.attempt}`)) {
      return { message: t.t('remove.end.inProgress') };
    }
    const result = await terminateRelationships(this.services.gdap, chosen, {
      deadline: turnDeadlineOf(this.services, context),
    });
    const entry = await this.audit.recordAccessEnding(context, flow, state.attempt, result, allowed.roles);
    const endedIds = new Set(result.ended.map((e) => e.id));
    state.pending = state.pending.filter((id) => !endedIds.has(id));
    state.attempt++;
    const lines = resultLines(t, result);
    const footer = entry ? t.t('remove.result.auditRef', { id: entry.id }) : '';
    const failed = [...result.notEnded, ...result.unconfirmed].map((f) => f.id);
    if (failed.length === 0) {
      finish(flow);
      return {
        card: renderRemoveResultCard({
          title: t.t('remove.end.doneTitle'),
          color: 'Good',
          facts: [],
          lines,
          footer,
        }),
      };
    }
    lines.push({ text: t.t('remove.end.retryHint') });
    return { card: this.retryCard(t, flow, failed, { lines, footer }) };
  }

  /** "Keep admin access": the flow ends, nothing changes. */
  keep(context: TurnContext, flow: RemoveFlowState): Answer {
    finish(flow);
    return { message: translatorFor(context.activity.locale).t('remove.end.kept') };
  }

  /** The card offering the still active relationships again (failed ones pre-selected). */
  private retryCard(
    t: Translator,
    flow: FlowWithCustomer,
    selected: string[],
    parts: { lines: { text: CardText }[]; footer: string },
  ): AdaptiveCardJson {
    const state = flow.endAccess;
    const pending: AccessRelationship[] = (state?.offered ?? []).filter((r) =>
      (state?.pending ?? []).includes(r.id),
    );
    return endAccessCard(t, flow, {
      title: t.t('remove.end.partialTitle'),
      color: 'Warning',
      facts: [],
      lines: parts.lines,
      footer: parts.footer,
      relationships: pending,
      selected,
      retry: true,
    });
  }
}

/** Which relationships ended, which did not (and why), which are unconfirmed. */
function resultLines(t: Translator, result: TerminationResult): { text: CardText }[] {
  const names = (items: readonly { name: string }[]) => items.map((i) => i.name).join(', ');
  const lines: { text: CardText }[] = [];
  if (result.ended.length)
    lines.push({ text: trustedSentence(t, 'remove.end.ended', { names: names(result.ended) }) });
  if (result.notEnded.length) {
    lines.push({
      text: trustedSentence(t, 'remove.end.notEnded', {
        names: names(result.notEnded),
        error: graphErrorText(t, result.lastError),
      }),
    });
  }
  if (result.unconfirmed.length) {
    lines.push({ text: trustedSentence(t, 'remove.end.unconfirmed', { names: names(result.unconfirmed) }) });
  }
  return lines;
}

function graphErrorText(t: Translator, err: GraphError | undefined): string {
  switch (err?.kind) {
    case 'forbidden':
    case 'unauthorized':
      return t.t('remove.end.error.forbidden');
    case 'conflict':
      return t.t('remove.end.error.conflict');
    case 'unavailable':
    case 'throttled':
    case 'unknown':
      return t.t('remove.end.error.unavailable');
    default:
      return t.t('remove.end.error.other');
  }
}

function hasCustomer(flow: RemoveFlowState): flow is FlowWithCustomer {
  return flow.customer !== undefined;
}
