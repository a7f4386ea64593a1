import {
  clip,
  customerFacts,
  escapeMarkdown,
  renderRemoveChooseCard,
  renderRemovePreconditionsCard,
  renderRemoveResultCard,
  renderRemoveSuspendCard,
  renderRemoveWarningCard,
} from '../../cards/removeCards';
import type { AdaptiveCardJson } from '../../cards/render';
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
 * action data, every name from Partner Center is shown as escapeMarkdown text.
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
  return renderRemovePreconditionsCard(t, { customer, active, ...notes, actionData: actionDataOf(flow) });
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
    lines: customer
      ? [{ text: t.t('remove.result.cancelled', { name: escapeMarkdown(customer.companyName) }) }]
      : [],
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
  if (outcome.kind === 'removed') {
    return renderRemoveResultCard({
      title: t.t('remove.result.successTitle'),
      color: 'Good',
      facts,
      lines: [
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
        ...(outcome.verified ? [{ text: t.t('remove.result.verifiedRemoved') }] : []),
        { text: t.t('remove.result.noticeReminder') },
      ],
      footer: entry
        ? t.t('remove.result.auditRef', { id: entry.id })
        : t.t('remove.result.auditMissing', { id: finalAuditId(flow) }),
    });
  }
  const name = escapeMarkdown(customer.companyName);
  const err = outcome.error;
  const lines: { text: string }[] = [];
  if (outcome.kind === 'unknown') {
    return renderRemoveResultCard({
      title: t.t('remove.result.unknownTitle'),
      color: 'Warning',
      facts,
      lines: [
        { text: t.t('remove.result.unknown', { name }) },
        {
          text: t.t('remove.result.unknownCheck', {
            customers: COMMAND_WORDS.customers[t.language],
            remove: COMMAND_WORDS.remove[t.language],
            search: escapeMarkdown(customer.companyName),
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
        text: t.t('remove.pre.reported', { detail: escapeMarkdown(clip(err.description, 500)) }),
      });
    }
    lines.push({ text: t.t('remove.pre.steps') });
  } else {
    lines.push({ text: partnerCenterErrorText(t, err) });
    if (outcome.verified) {
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
