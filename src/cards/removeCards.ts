import type { AuditEntry } from '../domain/audit';
import type { LegalNoticeStatement } from '../domain/legalNotice';
import { VERIFICATION_TEXT, type Verification } from '../domain/removal';
import type { Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { Customer, Subscription } from '../partnerCenter/types';
import { defineCard, render, type AdaptiveCardJson } from './render';
import type { CardText } from './untrusted';

/**
 * Cards of the "remove customer relationship" flow and of the audit log view. Each card's
 * Action.Execute buttons carry `actionData` (flow id, command and the flow's customer id).
 */

export interface Fact {
  title: string;
  value: string;
}

/** Data every button of a removal card carries. */
export interface RemoveActionData {
  flowId: string;
  command: 'remove';
  customerId?: string;
}

export interface RemoveChooseCardData {
  title: string;
  text: string;
  placeholder: string;
  required: string;
  choices: { title: string; value: string }[];
  more: string;
  error: string;
  continueButton: string;
  cancelButton: string;
  actionData: RemoveActionData;
}
export const removeChooseTemplate = defineCard<RemoveChooseCardData>('remove-choose');

export interface RemovePreconditionsCardData {
  title: string;
  customerFacts: Fact[];
  intro: string;
  subscriptions: Fact[];
  more: string;
  reported: string;
  newCommerceTitle: string;
  newCommerce: { text: string }[];
  newCommerceHint: string;
  steps: string;
  notice: string;
  error: string;
  suspendButton: string;
  recheckButton: string;
  cancelButton: string;
  actionData: RemoveActionData;
}
export const removePreconditionsTemplate = defineCard<RemovePreconditionsCardData>('remove-preconditions');

export interface RemoveSuspendCardData {
  title: string;
  subscriptions: Fact[];
  more: string;
  text: string;
  confirmButton: string;
  backButton: string;
  cancelButton: string;
  actionData: RemoveActionData;
}
export const removeSuspendTemplate = defineCard<RemoveSuspendCardData>('remove-suspend');

export interface RemoveWarningCardData {
  title: string;
  customerFacts: Fact[];
  notice: string;
  accessTitle: string;
  access: { text: string }[];
  accessNote: string;
  newCommerceTitle: string;
  newCommerce: { text: string }[];
  newCommerceHint: string;
  important: string;
  paragraphs: { text: string }[];
  toggleLabel: string;
  toggleRequired: string;
  error: string;
  version: string;
  removeButton: string;
  cancelButton: string;
  actionData: RemoveActionData;
}
export const removeWarningTemplate = defineCard<RemoveWarningCardData>('remove-warning');

export interface RemoveResultCardData {
  title: string;
  color: 'Good' | 'Attention' | 'Warning' | 'Default';
  facts: Fact[];
  lines: { text: CardText }[];
  footer: string;
}
export const removeResultTemplate = defineCard<RemoveResultCardData>('remove-result');

export interface AuditListCardData {
  title: string;
  subtitle: string;
  entries: { heading: string; outcome: string; color: string; when: string; facts: Fact[] }[];
}
export const auditListTemplate = defineCard<AuditListCardData>('audit-list');

/** A titled group of lines on a removal card (an empty title leaves it off). */
export interface CardSection {
  title: string;
  lines: { text: CardText }[];
  hint: string;
}

const NO_SECTION: CardSection = { title: '', lines: [], hint: '' };

/** How many choices / subscriptions a card lists at most (the rest is summarised). */
export const MAX_CHOICES = 25;
export const MAX_LISTED_SUBSCRIPTIONS = 25;

/** The facts identifying a customer on every card of the flow. */
export function customerFacts(t: Translator, customer: Customer, withDap: boolean): Fact[] {
  const facts: Fact[] = [
    { title: t.t('remove.label.customer'), value: customer.companyName },
    { title: t.t('remove.label.domain'), value: customer.domain },
    { title: t.t('remove.label.customerId'), value: customer.id },
  ];
  if (withDap)
    facts.push({ title: t.t('remove.label.dap'), value: dapText(t, customer.allowDelegatedAccess) });
  return facts;
}

export function dapText(t: Translator, allow: boolean | undefined): string {
  if (allow === true) return t.t('remove.warn.dapGranted');
  if (allow === false) return t.t('remove.warn.dapNone');
  return t.t('remove.warn.dapUnknown');
}

function subscriptionFacts(
  t: Translator,
  subscriptions: readonly Subscription[],
): { facts: Fact[]; more: number } {
  const shown = subscriptions.slice(0, MAX_LISTED_SUBSCRIPTIONS);
  return {
    facts: shown.map((s) => ({
      title: s.friendlyName || s.offerName || s.id,
      value: t.t('remove.pre.quantity', { quantity: s.quantity }),
    })),
    more: subscriptions.length - shown.length,
  };
}

export function renderRemoveChooseCard(
  t: Translator,
  input: {
    searchText: string;
    matches: readonly Customer[];
    totalCount: number;
    error?: string;
    actionData: RemoveActionData;
  },
): AdaptiveCardJson {
  const shown = input.matches.slice(0, MAX_CHOICES);
  return render(removeChooseTemplate, {
    title: t.t('remove.choose.title'),
    text: t.t('remove.choose.text', { count: input.totalCount, text: input.searchText }),
    placeholder: t.t('remove.choose.placeholder'),
    required: t.t('remove.choose.required'),
    choices: shown.map((c) => ({ title: `${c.companyName} (${c.domain})`, value: c.id })),
    more: input.totalCount > shown.length ? t.t('remove.choose.more', { shown: shown.length }) : '',
    error: input.error ?? '',
    continueButton: t.t('remove.choose.button'),
    cancelButton: t.t('common.cancel'),
    actionData: input.actionData,
  });
}

export function renderRemovePreconditionsCard(
  t: Translator,
  input: {
    customer: Customer;
    active: readonly Subscription[];
    reported?: string;
    notice?: string;
    error?: string;
    newCommerce?: CardSection;
    actionData: RemoveActionData;
  },
): AdaptiveCardJson {
  const subs = subscriptionFacts(t, input.active);
  const nce = input.newCommerce ?? NO_SECTION;
  return render(removePreconditionsTemplate, {
    title: t.t('remove.pre.title', { name: input.customer.companyName }),
    customerFacts: customerFacts(t, input.customer, false),
    intro: t.t('remove.pre.intro'),
    subscriptions: subs.facts,
    more: subs.more > 0 ? `+ ${subs.more}` : '',
    reported: input.reported ? t.t('remove.pre.reported', { detail: input.reported }) : '',
    newCommerceTitle: nce.title,
    newCommerce: nce.lines,
    newCommerceHint: nce.hint,
    steps: t.t('remove.pre.steps'),
    notice: input.notice ?? '',
    error: input.error ?? '',
    suspendButton: t.t('remove.pre.suspendButton'),
    recheckButton: t.t('remove.pre.recheckButton'),
    cancelButton: t.t('common.cancel'),
    actionData: input.actionData,
  });
}

export function renderRemoveSuspendCard(
  t: Translator,
  input: { customer: Customer; active: readonly Subscription[]; actionData: RemoveActionData },
): AdaptiveCardJson {
  const subs = subscriptionFacts(t, input.active);
  return render(removeSuspendTemplate, {
    title: t.t('remove.suspend.title', {
      count: input.active.length,
      name: input.customer.companyName,
    }),
    subscriptions: subs.facts,
    more: subs.more > 0 ? `+ ${subs.more}` : '',
    text: t.t('remove.suspend.text'),
    confirmButton: t.t('remove.suspend.confirmButton'),
    backButton: t.t('remove.suspend.backButton'),
    cancelButton: t.t('common.cancel'),
    actionData: input.actionData,
  });
}

export function renderRemoveWarningCard(
  t: Translator,
  input: {
    customer: Customer;
    statement: LegalNoticeStatement;
    notice?: string;
    error?: string;
    adminAccess?: CardSection;
    newCommerce?: CardSection;
    actionData: RemoveActionData;
  },
): AdaptiveCardJson {
  const access = input.adminAccess ?? NO_SECTION;
  const nce = input.newCommerce ?? NO_SECTION;
  return render(removeWarningTemplate, {
    title: t.t('remove.warn.title'),
    customerFacts: customerFacts(t, input.customer, true),
    notice: input.notice ?? '',
    accessTitle: access.title,
    access: access.lines,
    accessNote: access.hint,
    newCommerceTitle: nce.title,
    newCommerce: nce.lines,
    newCommerceHint: nce.hint,
    important: t.t('remove.warn.important'),
    paragraphs: input.statement.paragraphs.map((text) => ({ text })),
    toggleLabel: t.t('remove.warn.toggle'),
    toggleRequired: t.t('remove.warn.toggleRequired'),
    error: input.error ?? '',
    version: t.t('remove.warn.version', {
      version: input.statement.version,
      hash: input.statement.sha256.slice(0, 12),
    }),
    removeButton: t.t('remove.warn.removeButton'),
    cancelButton: t.t('common.cancel'),
    actionData: input.actionData,
  });
}

export function renderRemoveResultCard(data: RemoveResultCardData): AdaptiveCardJson {
  return render(removeResultTemplate, data);
}

/** Stored entries are not validated on read: an outcome not listed gets the default colour. */
const OUTCOME_COLOR: Partial<Record<string, string>> = {
  succeeded: 'Good',
  failed: 'Attention',
  cancelled: 'Default',
  refused: 'Warning',
  unknown: 'Warning',
} satisfies Record<AuditEntry['outcome'], string>;

const VERIFICATIONS: readonly Verification[] = ['removed', 'notRemoved', 'unknown'];

/** Adaptive Cards' DATE/TIME functions want RFC 3339 without fractions. */
export function cardTimestamp(iso: string): string | undefined {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function translated(t: Translator, key: string, fallback: string): string {
  // The key is built from stored data: a key the catalogue lacks reads undefined.
  const text = t.t(key as MessageKey) as string | undefined;
  return text === undefined ? fallback : text;
}

/** A stored text field, or '' when it is missing or not text. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function auditFacts(t: Translator, e: AuditEntry): Fact[] {
  const facts: Fact[] = [];
  const actor = e.actor?.name ?? e.actor?.aadObjectId ?? t.t('audit.unknownActor');
  const roles = e.actor?.roles?.length
    ? ` (${e.actor.roles.map((r) => translated(t, `role.${r}`, r)).join(', ')})`
    : '';
  facts.push({ title: t.t('audit.label.by'), value: actor + roles });
  if (e.customer) {
    const name = e.customer.companyName ?? e.customer.id ?? '';
    const domain = e.customer.domain ? ` (${e.customer.domain})` : '';
    if (name || domain) facts.push({ title: t.t('audit.label.customer'), value: name + domain });
  }
  const details = e.details ?? {};
  const attestation = details['attestation'] as
    { version?: unknown; sha256?: unknown; language?: unknown } | undefined;
  if (attestation && typeof attestation.sha256 === 'string') {
    facts.push({
      title: t.t('audit.label.statement'),
      value: `${textOf(attestation.version)} · ${textOf(attestation.language)} · ${attestation.sha256.slice(0, 12)}`,
    });
  }
  if (typeof details['reason'] === 'string') {
    const reason = details['reason'];
    facts.push({ title: t.t('audit.label.reason'), value: translated(t, `audit.reason.${reason}`, reason) });
  }
  const verification = VERIFICATIONS.find((v) => VERIFICATION_TEXT[v] === details['verification']);
  if (verification) {
    facts.push({ title: t.t('audit.label.verification'), value: t.t(`audit.verification.${verification}`) });
  }
  // Ending admin access: which relationships ended and which did not.
  for (const [key, label] of [
    ['ended', 'audit.label.ended'],
    ['notEnded', 'audit.label.notEnded'],
  ] as const) {
    const names = namesIn(details[key]);
    if (names) facts.push({ title: t.t(label), value: names });
  }
  if (e.requestId) facts.push({ title: t.t('audit.label.reference'), value: e.requestId });
  return facts;
}

/** The `name`s of a list of audit detail items, comma separated ('' when there are none). */
function namesIn(items: unknown): string {
  if (!Array.isArray(items)) return '';
  return items
    .map((i: unknown) => (i && typeof i === 'object' ? (i as { name?: unknown }).name : undefined))
    .filter((n): n is string => typeof n === 'string' && n !== '')
    .join(', ');
}

/** Rendered cards stay below Teams' 28 KB (with room for the activity envelope). */
export const MAX_RENDERED_CARD_BYTES = 26 * 1024;

/** Cuts text coming from storage to a card-friendly length. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function renderAuditListCard(t: Translator, entries: readonly AuditEntry[]): AdaptiveCardJson {
  const rows = entries.map((e) => {
    const stamp = cardTimestamp(e.at);
    return {
      heading: clip(translated(t, `audit.action.${e.action}`, e.action), 80),
      outcome: translated(t, `audit.outcome.${e.outcome}`, e.outcome),
      color: OUTCOME_COLOR[e.outcome] ?? 'Default',
      when: stamp ? `{{DATE(${stamp}, SHORT)}} {{TIME(${stamp})}}` : clip(e.at, 40),
      facts: auditFacts(t, e).map((f) => ({ title: f.title, value: clip(f.value, 160) })),
    };
  });
  // Newest first; if the entries would not fit on one card, the oldest ones are left off.
  for (let n = rows.length; ; n--) {
    const card = render(auditListTemplate, {
      title: t.t('audit.title'),
      subtitle: n ? t.t('audit.subtitle', { count: n }) : t.t('audit.empty'),
      entries: rows.slice(0, n),
    });
    if (n <= 1 || Buffer.byteLength(JSON.stringify(card), 'utf8') <= MAX_RENDERED_CARD_BYTES) return card;
  }
}
