import {
  clip,
  customerFacts,
  renderRemoveChooseCard,
  renderRemovePreconditionsCard,
  renderRemoveResultCard,
  renderRemoveSuspendCard,
  renderRemoveWarningCard,
  type RemoveResultCardData,
} from '../../cards/removeCards';
import { adminAccessSection, newCommerceSection } from '../../cards/removeAccessCards';
import type { AdaptiveCardJson } from '../../cards/render';
import { trustedSentence, type CardText } from '../../cards/untrusted';
import type { AuditEntry } from '../../domain/audit';
import type { CustomerSearchResult } from '../../domain/customerSearch';
import type { LegalNoticeCatalog, NoticeLanguage } from '../../domain/legalNotice';
import type { RemovalOutcome } from '../../domain/removal';
import type { Translator } from '../../i18n/i18n';
import type { Customer, Subscription } from '../../partnerCenter/types';
import { COMMAND_WORDS } from '../../i18n/commands';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import {
  actionDataOf,
  finalAuditId,
  toCustomer,
  toSubscription,
  type FlowWithCustomer,
  type RemoveFlowState,
} from './removalFlow';

/**
 * The cards of a removal flow, composed from the flow's state: every button carries the flow's
 * action data, every name from Partner Center is data the render helper shows as inert text.
 */

/** A sentence shown above or below a card's content. */
export interface CardNotes {
  notice?: string;
  error?: string;
}

export function chooseCard(
  t: Translator,
  flow: RemoveFlowState,
  found: CustomerSearchResult,
  error?: string,
): AdaptiveCardJson {
  return renderRemoveChooseCard(t, {
    searchText: flow.searchText ?? '',
    matches: found.customers,
    totalCount: found.totalCount,
    error,
    actionData: actionDataOf(flow),
  });
}

export function preconditionsCard(
  t: Translator,
  flow: RemoveFlowState,
  customer: Customer,
  active: readonly Subscription[],
  notes: CardNotes,
): AdaptiveCardJson {
  return renderRemovePreconditionsCard(t, {
    customer,
    active,
    ...notes,
    newCommerce: newCommerceSection(t, flow.newCommerce),
    actionData: actionDataOf(flow),
  });
}

export function suspendCard(t: Translator, flow: FlowWithCustomer): AdaptiveCardJson {
  return renderRemoveSuspendCard(t, {
    customer: toCustomer(flow.customer),
    active: (flow.active ?? []).map(toSubscription),
    actionData: actionDataOf(flow),
  });
}

/** The legal notice, in the language of the statement recorded for this flow (what the user attests to). */
export function warningCard(
  t: Translator,
  notices: LegalNoticeCatalog,
  flow: FlowWithCustomer,
  notes: CardNotes,
): AdaptiveCardJson {
  const language: NoticeLanguage =
    flow.statement?.language === 'de' ? 'de' : flow.statement ? 'en' : t.language;
  return renderRemoveWarningCard(t, {
    customer: toCustomer(flow.customer),
    statement: notices.statementFor(language),
    ...notes,
    adminAccess: flow.adminAccess ? adminAccessSection(t, flow.adminAccess) : undefined,
    newCommerce: newCommerceSection(t, flow.newCommerce),
    actionData: actionDataOf(flow),
  });
}

export function cancelledCard(
  t: Translator,
  flow: RemoveFlowState,
  entry: AuditEntry | undefined,
): AdaptiveCardJson {
  const customer = flow.customer;
  return renderRemoveResultCard({
    title: t.t('remove.result.cancelledTitle'),
    color: 'Default',
    facts: customer ? customerFacts(t, toCustomer(customer), false) : [],
    lines: customer ? [{ text: t.t('remove.result.cancelled', { name: customer.companyName }) }] : [],
    footer: entry ? t.t('remove.result.auditRef', { id: entry.id }) : '',
  });
}

/** The result of the removal call: success (with what stays unchanged) or why nothing was removed. */
export function outcomeCard(
  t: Translator,
  flow: FlowWithCustomer,
  outcome: RemovalOutcome,
  entry: AuditEntry | undefined,
): AdaptiveCardJson {
  const customer = flow.customer;
  const facts = customerFacts(t, toCustomer(customer), false);
  if (outcome.kind === 'removed') return renderRemoveResultCard(removedResult(t, flow, outcome, entry));
  const name = customer.companyName;
  const err = outcome.error;
  const lines: { text: CardText }[] = [];
  if (outcome.kind === 'unknown') {
    return renderRemoveResultCard({
      title: t.t('remove.result.unknownTitle'),
      color: 'Warning',
      facts,
      lines: [
        { text: t.t('remove.result.unknown', { name }) },
        {
          text: trustedSentence(t, 'remove.result.unknownCheck', {
            customers: COMMAND_WORDS.customers[t.language],
            remove: COMMAND_WORDS.remove[t.language],
            search: customer.companyName,
          }),
        },
      ],
      footer: entry ? t.t('remove.result.auditRef', { id: entry.id }) : '',
    });
  }
  if (outcome.reason === 'alreadyRemoved') {
    lines.push({ text: t.t('remove.result.alreadyRemoved', { name }) });
  } else if (outcome.reason === 'precondition') {
    lines.push({ text: t.t('remove.result.precondition', { name }) });
    if (err.description) {
      lines.push({
        text: t.t('remove.pre.reported', { detail: clip(err.description, 500) }),
      });
    }
    lines.push({ text: t.t('remove.pre.steps') });
  } else {
    lines.push({ text: partnerCenterErrorText(t, err) });
    if (outcome.kind === 'notRemoved' && outcome.verified) {
      lines.push({ text: t.t('remove.result.verifiedNotRemoved', { name }) });
    }
  }
  lines.push({ text: t.t('remove.result.startAgain', { command: COMMAND_WORDS.remove[t.language] }) });
  return renderRemoveResultCard({
    title: t.t('remove.result.failedTitle'),
    color: 'Attention',
    facts,
    lines,
    footer: entry ? t.t('remove.result.auditRef', { id: entry.id }) : '',
  });
}

/** What a successful removal says: the customer, what happened to DAP, the notice reminder, the audit entry. */
export function removedResult(
  t: Translator,
  flow: FlowWithCustomer,
  outcome: Extract<RemovalOutcome, { kind: 'removed' }>,
  entry: AuditEntry | undefined,
  extraLines: readonly { text: CardText }[] = [],
): RemoveResultCardData {
  const customer = flow.customer;
  return {
    title: t.t('remove.result.successTitle'),
    color: 'Good',
    facts: customerFacts(t, toCustomer(customer), false),
    lines: [
      {
        text: trustedSentence(t, 'remove.result.success', {
          name: customer.companyName,
          domain: customer.domain,
        }),
      },
      { text: dapAfterRemoval(t, customer.allowDelegatedAccess, outcome.allowDelegatedAccess) },
      ...(outcome.verified ? [{ text: t.t('remove.result.verifiedRemoved') }] : []),
      ...extraLines,
      { text: t.t('remove.result.noticeReminder') },
    ],
    footer: entry
      ? t.t('remove.result.auditRef', { id: entry.id })
      : t.t('remove.result.auditMissing', { id: finalAuditId(flow) }),
  };
}

/** DAP after the removal: none before, removed by Partner Center, still there, or not reported. */
function dapAfterRemoval(t: Translator, before: boolean | undefined, after: boolean | undefined): string {
  if (before === false) return t.t('remove.result.dapNone');
  if (after === false) return t.t('remove.result.dapRemoved');
  if (after === true) return t.t('remove.result.dapKept');
  return t.t('remove.result.dapUnreported');
}
