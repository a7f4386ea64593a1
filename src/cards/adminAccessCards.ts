import { entraRoleName, isAutoExtending, type RoleTemplate } from '../domain/gdap';
import type { Translator, MessageKey } from '../i18n/i18n';
import { mediumDateFormat } from './formats';
import { templateLine, templateName } from './gdapText';
import { MAX_TEMPLATE_CHOICES, type InviteFlowData } from './inviteCards';
import { defineCard, render, type AdaptiveCardJson } from './render';

/** Card verbs of the admin access feature (Action.Execute). */
export const ADMIN_ACCESS_VERBS = {
  /** Starts the `admin access` command (the notification's button). */
  open: 'adminAccess.open',
  /** Another page of the admin access list (stateless). */
  page: 'adminAccess.page',
} as const;

export interface Fact {
  title: string;
  value: string;
}

/** The parts of a GDAP relationship the cards show (a subset of the Graph type). */
export interface RelationshipSummary {
  status: string;
  roleDefinitionIds: readonly string[];
  endDateTime?: string;
  autoExtendDuration?: string;
}

const MAX_FIELD = 256;
export const clipText = (s: string, max = MAX_FIELD): string =>
  s.length <= max ? s : `${s.slice(0, max - 1)}…`;

export function gdapDate(t: Translator, iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? '' : mediumDateFormat(t.locale).format(new Date(ms));
}

export function gdapStatusLabel(t: Translator, status: string): string {
  const key = `gdap.status.${status}` as MessageKey;
  const label = t.t(key);
  return label === key ? t.t('gdap.status.unknownFutureValue') : label;
}

/** Role names in the user's language, comma separated. */
export function roleNames(t: Translator, ids: readonly string[]): string {
  return clipText(ids.map((id) => entraRoleName(id, t.language)).join(', '), 600);
}

/** Status, roles, end date and auto-extend of one relationship, as facts. */
export function relationshipFacts(t: Translator, r: RelationshipSummary): Fact[] {
  const facts: Fact[] = [
    { title: t.t('gdap.fact.status'), value: gdapStatusLabel(t, r.status) },
    { title: t.t('gdap.fact.roles'), value: roleNames(t, r.roleDefinitionIds) },
  ];
  const end = gdapDate(t, r.endDateTime);
  if (end) facts.push({ title: t.t('gdap.fact.endDate'), value: end });
  facts.push({
    title: t.t('gdap.fact.autoExtend'),
    value: isAutoExtending(r.autoExtendDuration) ? t.t('gdap.autoExtend.yes') : t.t('gdap.autoExtend.no'),
  });
  return facts;
}

// ------------------------------------------------------------ notification

export interface AdminAccessNotificationData {
  title: string;
  text: string;
  failures: { text: string }[];
  facts: Fact[];
  openTitle: string;
  openVerb: string;
}
export const adminAccessNotificationTemplate =
  defineCard<AdminAccessNotificationData>('notification-admin-access');

export interface AdminAccessCardInput {
  outcome: 'active' | 'ended';
  /** The customer's name (from Graph or the invitation); may be empty. */
  customer: string;
  roleDefinitionIds: readonly string[];
  endDateTime?: string;
  autoExtendDuration?: string;
  failedAssignments: readonly { securityGroupId: string; roleDefinitionIds: readonly string[] }[];
  requestedAt?: string;
}

/** The inviter's card: admin access approved (roles, end, auto-extend, failed assignments) or the request ended. */
export function renderAdminAccessCard(t: Translator, input: AdminAccessCardInput): AdaptiveCardJson {
  const company = clipText(input.customer.trim() || t.t('gdap.notify.aCustomer'));
  const facts: Fact[] = [{ title: t.t('gdap.fact.customer'), value: company }];
  let title: string;
  let text: string;
  let failures: { text: string }[] = [];
  if (input.outcome === 'active') {
    title = t.t('gdap.notify.activeTitle', { company });
    failures = input.failedAssignments.slice(0, 20).map((a) => ({
      text: t.t('gdap.notify.failedGroup', {
        group: clipText(a.securityGroupId || '—', 64),
        roles: roleNames(t, a.roleDefinitionIds),
      }),
    }));
    text = failures.length ? t.t('gdap.notify.activeTextFailed') : t.t('gdap.notify.activeText');
    facts.push(
      ...relationshipFacts(t, {
        status: 'active',
        roleDefinitionIds: input.roleDefinitionIds,
        endDateTime: input.endDateTime,
        autoExtendDuration: input.autoExtendDuration,
      }),
    );
  } else {
    title = t.t('gdap.notify.endedTitle', { company });
    text = t.t('gdap.notify.endedText');
    facts.push({ title: t.t('gdap.fact.roles'), value: roleNames(t, input.roleDefinitionIds) });
  }
  const requested = gdapDate(t, input.requestedAt);
  if (requested) facts.push({ title: t.t('gdap.fact.requestedOn'), value: requested });
  return render(adminAccessNotificationTemplate, {
    title,
    text,
    failures,
    facts,
    openTitle: t.t('gdap.open'),
    openVerb: ADMIN_ACCESS_VERBS.open,
  });
}

// ------------------------------------------------ expanded customer record

/** A customer's GDAP relationships as read from Graph, or that they could not be read. */
export type AdminAccessView =
  { ok: true; relationships: readonly (RelationshipSummary & { displayName?: string })[] } | { ok: false };

/** Admin access lines of an expanded customer: one per relationship, or "no admin access" (+ the button). */
export function adminAccessLines(
  t: Translator,
  view: AdminAccessView | undefined,
  canRequest: boolean,
  customerId: string,
  max: number,
): {
  adminAccessTitle: string;
  adminAccess: { text: string }[];
  canRequestAdminAccess: boolean;
  requestAdminAccessTitle: string;
  requestAdminAccessData: { customerId: string; adminAccessOnly: true };
} {
  let lines: { text: string }[];
  let none = false;
  if (!view) lines = [];
  else if (!view.ok) lines = [{ text: t.t('gdap.unavailable') }];
  else if (view.relationships.length === 0) {
    none = true;
    lines = [{ text: t.t('gdap.none') }];
  } else {
    const shown = view.relationships.slice(0, Math.max(1, max));
    lines = shown.map((r) => ({
      text: noTemplate(
        relationshipFacts(t, r)
          .map((f) => `${f.title}: ${f.value}`)
          .join(' · '),
      ),
    }));
    const more = view.relationships.length - shown.length;
    if (more > 0) lines.push({ text: t.t('customers.more', { count: more }) });
  }
  return {
    adminAccessTitle: view ? t.t('gdap.list.title') : '',
    adminAccess: lines,
    canRequestAdminAccess: none && canRequest,
    requestAdminAccessTitle: t.t('gdap.request'),
    requestAdminAccessData: { customerId, adminAccessOnly: true },
  };
}

/** Teams allows 6 actions a card: with both record buttons and Previous/Next, Refresh gives way. */
export function withinActionBudget(card: AdaptiveCardJson): AdaptiveCardJson {
  if (countActions(card) <= 6 || !Array.isArray(card['actions'])) return card;
  const actions = (card['actions'] as { data?: { r?: unknown } }[]).filter((a) => a.data?.r !== 1);
  return { ...card, actions };
}

function countActions(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  let n = 0;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'actions' && Array.isArray(v)) n += v.length;
    n += Array.isArray(v) ? v.reduce((s: number, x) => s + countActions(x), 0) : countActions(v);
  }
  return n;
}

function noTemplate(text: string): string {
  return text.replace(/\$\{/g, '$\u200b{');
}

// ------------------------------------- role template for an existing customer

export interface AdminAccessTemplateCardData {
  title: string;
  customerLabel: string;
  customer: string;
  intro: string;
  templateLabel: string;
  templateValue: string;
  templateChoices: { title: string; value: string }[];
  templateLines: string[];
  hasError: boolean;
  error: string;
  continueTitle: string;
  cancelTitle: string;
  flowData: InviteFlowData;
}
export const adminAccessTemplateTemplate = defineCard<AdminAccessTemplateCardData>('admin-access-template');

export interface AdminAccessTemplateInput {
  flow: InviteFlowData;
  /** The customer's name from Partner Center (shown as plain text). */
  customer: string;
  templates: readonly RoleTemplate[];
  templateId: string;
  error?: string;
  /** After a Graph failure the main button reads "Try again". */
  retry?: boolean;
}

/** "Request admin access" for an existing customer: the role template (the invite flow's choice), then the draft. */
export function renderAdminAccessTemplateCard(
  t: Translator,
  input: AdminAccessTemplateInput,
): AdaptiveCardJson {
  const templates = input.templates.slice(0, MAX_TEMPLATE_CHOICES);
  return render(adminAccessTemplateTemplate, {
    title: t.t('gdap.template.title'),
    customerLabel: t.t('gdap.fact.customer'),
    customer: clipText(input.customer.trim() || t.t('gdap.notify.aCustomer'), 200),
    intro: t.t('gdap.template.intro'),
    templateLabel: t.t('invite.admin.templateLabel'),
    templateValue: input.templateId,
    templateChoices: templates.map((tpl) => ({ title: templateName(t, tpl), value: tpl.id })),
    templateLines: templates.map((tpl) => templateLine(t, tpl)),
    hasError: !!input.error,
    error: input.error ?? '',
    continueTitle: input.retry ? t.t('common.retry') : t.t('invite.details.continue'),
    cancelTitle: t.t('common.cancel'),
    flowData: input.flow,
  });
}
