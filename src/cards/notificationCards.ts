import { buildMailto } from '../domain/inviteDraft';
import type { Invitation, InvitationKind } from '../domain/invitations';
import type { Translator } from '../i18n/i18n';
import { commandData, type CommandData } from './commandActions';
import { defineCard, render, type AdaptiveCardJson } from './render';
import { trustedSentence, trustedUrl, type CardText } from './untrusted';
import { mediumDateFormat } from './formats';

interface Fact {
  title: string;
  value: string;
}

/** Longest text put into one card field (company names, domains): keeps every card far below 28 KB. */
const MAX_FIELD = 256;
const clip = (s: string, max = MAX_FIELD): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function relationshipLabel(t: Translator, kind: InvitationKind): string {
  return kind === 'indirectReseller'
    ? t.t('notifications.kind.indirectReseller')
    : t.t('notifications.kind.reseller');
}

export function formatDate(t: Translator, iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return '';
  return mediumDateFormat(t.locale).format(new Date(ms));
}

// ---------------------------------------------------------------- accepted

export interface AcceptedCardData {
  title: string;
  text: CardText;
  facts: Fact[];
  openTitle: string;
  /** The customers command searching for the customer's domain (a command shortcut). */
  openData: CommandData;
}
export const acceptedTemplate = defineCard<AcceptedCardData>('notification-accepted');

export interface AcceptedCardInput {
  /** Who reads the card: the inviter, a subscribed channel about a matched invitation, or about an unmatched one. */
  audience: 'inviter' | 'channel' | 'unmatched';
  customer: { companyName: string; domain: string };
  kind: InvitationKind;
  provider?: { name: string };
  inviterName?: string;
  invitedAt?: string;
}

export function renderAcceptedCard(t: Translator, input: AcceptedCardInput): AdaptiveCardJson {
  const company = clip(input.customer.companyName || input.customer.domain);
  const inviter = clip(input.inviterName?.trim() || t.t('notifications.accepted.someone'), 120);
  const title =
    input.audience === 'inviter'
      ? t.t('notifications.accepted.titleInviter', { company })
      : input.audience === 'channel'
        ? t.t('notifications.accepted.titleChannel', { company })
        : t.t('notifications.accepted.titleUnmatched', { company });
  const text =
    input.audience === 'inviter'
      ? trustedSentence(t, 'notifications.accepted.textInviter')
      : input.audience === 'channel'
        ? trustedSentence(t, 'notifications.accepted.textChannel', { inviter })
        : trustedSentence(t, 'notifications.accepted.textUnmatched');
  const facts: Fact[] = [
    { title: t.t('notifications.fact.customer'), value: company },
    { title: t.t('notifications.fact.domain'), value: clip(input.customer.domain) },
    { title: t.t('notifications.fact.relationship'), value: relationshipLabel(t, input.kind) },
  ];
  if (input.provider?.name)
    facts.push({ title: t.t('notifications.fact.provider'), value: clip(input.provider.name) });
  if (input.audience === 'channel')
    facts.push({ title: t.t('notifications.fact.invitedBy'), value: inviter });
  const invitedOn = formatDate(t, input.invitedAt);
  if (invitedOn && input.audience !== 'unmatched')
    facts.push({ title: t.t('notifications.fact.invitedOn'), value: invitedOn });
  return render(acceptedTemplate, {
    title,
    text,
    facts,
    openTitle: t.t('notifications.open'),
    openData: commandData('customers', clip(input.customer.domain)),
  });
}

// ---------------------------------------------------------------- reminder

export interface ReminderActionData {
  invitationId: string;
}

export interface ReminderCardData {
  title: string;
  text: string;
  facts: Fact[];
  hasStatus: boolean;
  status: string;
  showActions: boolean;
  resendTitle: string;
  withdrawTitle: string;
  actionData: ReminderActionData;
}
export const reminderTemplate = defineCard<ReminderCardData>('notification-reminder');

export interface ReminderCardInput {
  invitationId: string;
  kind: InvitationKind;
  provider?: { name: string };
  companyName?: string;
  contactEmail?: string;
  createdAt: string;
  /** Whole days since the invitation was created. */
  days: number;
  /** Shown instead of the buttons once the reminder was acted on. */
  status?: string;
}

const DAY_MS = 24 * 3600_000;

/** The reminder card's input for a stored invitation; `days` counted up to `nowMs` (at least 1). */
export function reminderCardInput(invitation: Invitation, nowMs: number): ReminderCardInput {
  return {
    invitationId: invitation.id,
    kind: invitation.kind,
    provider: invitation.provider,
    companyName: invitation.customer?.companyName,
    contactEmail: invitation.customer?.contactEmail,
    createdAt: invitation.createdAt,
    days: Math.max(1, Math.floor((nowMs - Date.parse(invitation.createdAt)) / DAY_MS)),
  };
}

export function renderReminderCard(t: Translator, input: ReminderCardInput): AdaptiveCardJson {
  const who =
    input.companyName?.trim() || input.contactEmail?.trim() || t.t('notifications.reminder.aCustomer');
  const facts: Fact[] = [];
  if (input.companyName)
    facts.push({ title: t.t('notifications.fact.customer'), value: clip(input.companyName) });
  if (input.contactEmail)
    facts.push({ title: t.t('notifications.fact.contact'), value: clip(input.contactEmail) });
  facts.push({ title: t.t('notifications.fact.relationship'), value: relationshipLabel(t, input.kind) });
  if (input.provider?.name)
    facts.push({ title: t.t('notifications.fact.provider'), value: clip(input.provider.name) });
  facts.push({ title: t.t('notifications.fact.invitedOn'), value: formatDate(t, input.createdAt) });
  return render(reminderTemplate, {
    title: t.t('notifications.reminder.title'),
    text: t.t('notifications.reminder.text', { customer: clip(who), days: input.days }),
    facts,
    hasStatus: !!input.status,
    status: input.status ?? '',
    showActions: !input.status,
    resendTitle: t.t('notifications.reminder.resend'),
    withdrawTitle: t.t('notifications.reminder.withdraw'),
    actionData: { invitationId: input.invitationId },
  });
}

// ------------------------------------------------------------------ resend

export interface ResendCardData {
  title: string;
  intro: string;
  facts: Fact[];
  bodyLabel: string;
  paragraphs: CardText[];
  linkLabel: string;
  link: CardText;
  openTitle: string;
  mailto: string;
}
export const resendTemplate = defineCard<ResendCardData>('notification-resend');

export interface ResendCardInput {
  link: string;
  contactEmail?: string;
  subject?: string;
}

/** A fresh draft email with the invitation's unchanged personalized link. */
export function renderResendCard(t: Translator, input: ResendCardInput): AdaptiveCardJson {
  const subject = clip(input.subject?.trim() || t.t('notifications.resend.subject'), 200);
  const body = t.t('notifications.resend.body', { link: input.link });
  const mailto = buildMailto({ to: input.contactEmail, subject, body, link: input.link });
  return render(resendTemplate, {
    title: t.t('notifications.resend.title'),
    intro: t.t('notifications.resend.intro'),
    facts: [
      {
        title: t.t('notifications.resend.to'),
        value: input.contactEmail ? clip(input.contactEmail) : t.t('notifications.resend.noRecipient'),
      },
      { title: t.t('notifications.resend.subjectLabel'), value: subject },
    ],
    bodyLabel: t.t('notifications.resend.bodyLabel'),
    paragraphs: body
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => (p === input.link ? trustedUrl(p) : p)),
    linkLabel: t.t('notifications.resend.link'),
    link: trustedUrl(input.link),
    openTitle: t.t('notifications.resend.open'),
    mailto: mailto.url,
  });
}
