import { emailDraftFields, type EmailDraftCardFields } from './emailDraftCard';
import { commandWord } from './helpCard';
import { commandData, type CommandData } from './commandActions';
import { defineCard, render, type AdaptiveCardJson } from './render';
import { sentence, trusted, trustedSentence, trustedUrl, type CardText } from './untrusted';
import { ACQUISITION_CHANNELS, type AcquisitionChannel, type InvitationKind } from '../domain/invitations';
import type { RoleTemplate } from '../domain/gdap';
import { buildMailto } from '../domain/inviteDraft';
import { templateLine, templateName } from './gdapText';
import type { Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** An indirect provider as the invite cards show it. */
export interface ProviderOption {
  id: string;
  name: string;
}

/** What the user chose on the first card. */
export interface InviteSelection {
  kind: InvitationKind;
  provider?: ProviderOption;
}

/** The optional customer details (validated, trimmed). */
export interface InviteDetails {
  companyName?: string;
  contactEmail?: string;
  channel?: AcquisitionChannel;
}

/** The data every Action.Execute of one invite flow carries. */
export interface InviteFlowData {
  flowId: string;
  command: 'invite';
}

interface Choice {
  title: string;
  value: string;
}
interface Fact {
  title: string;
  value: CardText;
}

// ------------------------------------------------------------------ choice

export interface InviteChoiceCardData {
  title: string;
  intro: string;
  resellerTitle: string;
  resellerHint: string;
  indirectTitle: string;
  indirectHint: string;
  showIndirect: boolean;
  providerLabel: string;
  providerPlaceholder: string;
  providerChoices: Choice[];
  providerValue: string;
  hasNotice: boolean;
  notice: string;
  hasError: boolean;
  error: string;
  showRetry: boolean;
  retryTitle: string;
  cancelTitle: string;
  flowData: InviteFlowData;
  resellerData: InviteFlowData & { kind: 'reseller' };
  indirectData: InviteFlowData & { kind: 'indirectReseller' };
}
export const inviteChoiceTemplate = defineCard<InviteChoiceCardData>('invite-choice');

/** At most this many providers are offered on the card (Partner Center accounts have a handful). */
export const MAX_PROVIDER_CHOICES = 50;

export interface InviteChoiceInput {
  flow: InviteFlowData;
  /** undefined: they could not be loaded (`providersError` says why; the card offers "Try again"). */
  providers: ProviderOption[] | undefined;
  providersError?: string;
  error?: string;
}

export function renderInviteChoiceCard(t: Translator, input: InviteChoiceInput): AdaptiveCardJson {
  const providers = (input.providers ?? []).slice(0, MAX_PROVIDER_CHOICES);
  const showIndirect = providers.length > 0;
  let notice = '';
  if (input.providers === undefined) {
    notice = t.t('invite.choice.providersFailed', { error: input.providersError ?? '' });
  } else if (!showIndirect) {
    notice = t.t('invite.choice.noProviders');
  }
  return render(inviteChoiceTemplate, {
    title: t.t('invite.choice.title'),
    intro: t.t('invite.choice.intro'),
    resellerTitle: t.t('invite.choice.reseller'),
    resellerHint: t.t('invite.choice.resellerHint'),
    indirectTitle: t.t('invite.choice.indirect'),
    indirectHint: t.t('invite.choice.indirectHint'),
    showIndirect,
    providerLabel: t.t('invite.choice.providerLabel'),
    providerPlaceholder: t.t('invite.choice.providerPlaceholder'),
    providerChoices: providers.map((p) => ({ title: p.name, value: p.id })),
    providerValue: providers.length === 1 ? (providers[0]?.id ?? '') : '',
    hasNotice: notice !== '',
    notice,
    hasError: !!input.error,
    error: input.error ?? '',
    showRetry: input.providers === undefined,
    retryTitle: t.t('common.retry'),
    cancelTitle: t.t('common.cancel'),
    flowData: input.flow,
    resellerData: { ...input.flow, kind: 'reseller' },
    indirectData: { ...input.flow, kind: 'indirectReseller' },
  });
}

// ----------------------------------------------------------------- details

export interface InviteDetailsCardData {
  title: string;
  intro: string;
  invitationLabel: string;
  invitation: string;
  companyLabel: string;
  companyName: string;
  emailLabel: string;
  contactEmail: string;
  channelLabel: string;
  channelPlaceholder: string;
  channelChoices: Choice[];
  channel: string;
  showAdminAccess: boolean;
  adminHeading: string;
  adminHint: string;
  adminToggle: string;
  adminAccessValue: string;
  templateLabel: string;
  templateValue: string;
  templateChoices: Choice[];
  templateLines: string[];
  skipInputs: 'auto' | 'none';
  hasError: boolean;
  error: string;
  continueTitle: string;
  skipTitle: string;
  cancelTitle: string;
  flowData: InviteFlowData;
}
export const inviteDetailsTemplate = defineCard<InviteDetailsCardData>('invite-details');

export interface InviteDetailsInput {
  flow: InviteFlowData;
  selection: InviteSelection;
  /** What the inputs show (the user's entries, kept after an error). */
  values: { companyName?: string; contactEmail?: string; channel?: string };
  error?: string;
  /** After a Partner Center failure the main button reads "Try again". */
  retry?: boolean;
  /** The "Also request admin access" option with the role templates (absent: not offered). */
  adminAccess?: { templates: readonly RoleTemplate[]; on: boolean; templateId: string };
}

/** At most this many role templates are offered on the card. */
export const MAX_TEMPLATE_CHOICES = 20;

export function kindLabel(t: Translator, selection: InviteSelection): string {
  if (selection.kind === 'adminAccess') return t.t('invite.kind.adminAccess');
  return selection.kind === 'indirectReseller'
    ? t.t('invite.kind.indirectReseller', { provider: selection.provider?.name ?? '' })
    : t.t('invite.kind.reseller');
}

export function channelLabel(t: Translator, channel: AcquisitionChannel): string {
  return t.t(`invite.channel.${channel}` as MessageKey);
}

export function renderInviteDetailsCard(t: Translator, input: InviteDetailsInput): AdaptiveCardJson {
  const channel = (ACQUISITION_CHANNELS as readonly string[]).includes(input.values.channel ?? '')
    ? (input.values.channel as string)
    : '';
  return render(inviteDetailsTemplate, {
    title: t.t('invite.details.title'),
    intro: t.t('invite.details.intro'),
    invitationLabel: t.t('invite.draft.invitation'),
    invitation: kindLabel(t, input.selection),
    companyLabel: t.t('invite.details.company'),
    companyName: input.values.companyName ?? '',
    emailLabel: t.t('invite.details.email'),
    contactEmail: input.values.contactEmail ?? '',
    channelLabel: t.t('invite.details.channel'),
    channelPlaceholder: t.t('invite.details.channelPlaceholder'),
    channelChoices: ACQUISITION_CHANNELS.map((c) => ({ title: channelLabel(t, c), value: c })),
    channel,
    ...adminAccessFields(t, input.adminAccess),
    hasError: !!input.error,
    error: input.error ?? '',
    continueTitle: input.retry ? t.t('common.retry') : t.t('invite.details.continue'),
    skipTitle: t.t('invite.details.skip'),
    cancelTitle: t.t('common.cancel'),
    flowData: input.flow,
  });
}

function adminAccessFields(t: Translator, admin: InviteDetailsInput['adminAccess']) {
  const templates = (admin?.templates ?? []).slice(0, MAX_TEMPLATE_CHOICES);
  return {
    showAdminAccess: templates.length > 0,
    adminHeading: t.t('invite.admin.heading'),
    adminHint: t.t('invite.admin.hint'),
    adminToggle: t.t('invite.admin.toggle'),
    adminAccessValue: admin?.on ? 'true' : 'false',
    templateLabel: t.t('invite.admin.templateLabel'),
    templateValue: admin?.templateId ?? '',
    templateChoices: templates.map((tpl) => ({ title: templateName(t, tpl), value: tpl.id })),
    templateLines: templates.map((tpl) => templateLine(t, tpl)),
    // Skip sends the admin-access inputs along (it ignores the details typed above them).
    skipInputs: templates.length > 0 ? ('auto' as const) : ('none' as const),
  };
}

// ------------------------------------------------------------------- draft

export interface InviteDraftCardData extends EmailDraftCardFields {
  title: string;
  intro: string;
  facts: Fact[];
  linkLabel: string;
  link: CardText;
  hasAdminLink: boolean;
  adminLinkLabel: string;
  adminLink: CardText;
  flowData: InviteFlowData;
}
export const inviteDraftTemplate = defineCard<InviteDraftCardData>('invite-draft');

export interface InviteDraftInput {
  flow: InviteFlowData;
  selection: InviteSelection;
  details: InviteDetails;
  link: string;
  subject: string;
  body: string;
  /** The finished text was just posted below the card. */
  copied?: boolean;
  error?: string;
  /** Admin access requested: its approval link (the only link when `only`) and template name. */
  adminAccess?: { link: string; templateName: string; only?: boolean };
  /** After a Graph failure on Done the Done button reads "Try again". */
  retry?: boolean;
}

export function renderInviteDraftCard(t: Translator, input: InviteDraftInput): AdaptiveCardJson {
  const admin = input.adminAccess;
  const both = admin && !admin.only;
  const mailto = buildMailto({
    to: input.details.contactEmail,
    subject: input.subject,
    body: input.body,
    // A shortened body keeps the required links (both, when there are two).
    link: both ? `${input.link}\n\n${admin.link}` : input.link,
  });
  const notes: CardText[] = [trustedSentence(t, 'invite.draft.doneHint')];
  if (input.copied) notes.push(t.t('invite.draft.copied'));
  notes.push(mailto.shortened ? t.t('invite.draft.shortened') : t.t('invite.draft.mailtoHint'));
  const facts: Fact[] = [
    {
      title: t.t('invite.draft.to'),
      value: input.details.contactEmail ?? t.t('invite.draft.noRecipient'),
    },
    { title: t.t('invite.draft.invitation'), value: kindLabel(t, input.selection) },
  ];
  if (input.details.companyName)
    facts.push({ title: t.t('invite.done.customer'), value: input.details.companyName });
  if (admin) facts.push({ title: t.t('invite.admin.fact'), value: admin.templateName });
  return render(inviteDraftTemplate, {
    title: t.t('invite.draft.title'),
    intro: draftIntro(t, input),
    facts,
    ...emailDraftFields(t, {
      subject: input.subject,
      body: input.body,
      notes,
      error: input.error,
      mailto: mailto.url,
      doneTitle: input.retry ? t.t('common.retry') : undefined,
    }),
    linkLabel: admin?.only ? t.t('invite.draft.adminLink') : t.t('invite.draft.link'),
    link: trustedUrl(input.link),
    hasAdminLink: !!both,
    adminLinkLabel: t.t('invite.draft.adminLink'),
    adminLink: both ? trustedUrl(admin.link) : '',
    flowData: input.flow,
  });
}

function draftIntro(t: Translator, input: InviteDraftInput): string {
  if (input.adminAccess) {
    return input.adminAccess.only ? t.t('invite.draft.introAdminOnly') : t.t('invite.draft.introAdmin');
  }
  return input.selection.kind === 'indirectReseller'
    ? t.t('invite.draft.introIndirect')
    : t.t('invite.draft.intro');
}

// ------------------------------------------------------------------ result

export interface InviteResultCardData {
  title: string;
  text: CardText;
  facts: Fact[];
  buttons: { title: string; data: CommandData }[];
}
export const inviteResultTemplate = defineCard<InviteResultCardData>('invite-result');

export interface InviteDoneInput {
  selection: InviteSelection;
  details: InviteDetails;
  link: string;
  /** The admin access request sent for approval (its displayName), if any. */
  adminAccess?: { displayName: string; only?: boolean };
}

/** Replaces the draft card once the invitation is recorded. */
export function renderInviteDoneCard(t: Translator, input: InviteDoneInput): AdaptiveCardJson {
  const customers = commandWord(t, 'customers');
  const facts: Fact[] = [{ title: t.t('invite.draft.invitation'), value: kindLabel(t, input.selection) }];
  if (input.details.companyName)
    facts.push({ title: t.t('invite.done.customer'), value: input.details.companyName });
  if (input.details.contactEmail)
    facts.push({ title: t.t('invite.draft.to'), value: input.details.contactEmail });
  if (input.details.channel)
    facts.push({ title: t.t('invite.done.channel'), value: channelLabel(t, input.details.channel) });
  const admin = input.adminAccess;
  facts.push({
    title: admin?.only ? t.t('invite.draft.adminLink') : t.t('invite.draft.link'),
    value: trustedUrl(input.link),
  });
  if (admin) facts.push({ title: t.t('invite.admin.fact'), value: admin.displayName });
  let text =
    input.selection.kind === 'indirectReseller'
      ? sentence(t, 'invite.done.textIndirect', { provider: input.selection.provider?.name ?? '', customers })
      : sentence(t, 'invite.done.text', { customers });
  if (admin?.only) text = sentence(t, 'invite.done.textAdmin', { customers });
  else if (admin) text = `${text}\n\n${sentence(t, 'invite.done.adminPending', { name: admin.displayName })}`;
  return render(inviteResultTemplate, {
    title: t.t('invite.done.title'),
    text: trusted(text),
    facts,
    buttons: [{ title: t.t('invite.done.showInvitations'), data: commandData('invitations') }],
  });
}

/** Replaces the current invite card when the user cancels on it. */
export function renderInviteCancelledCard(t: Translator): AdaptiveCardJson {
  return render(inviteResultTemplate, {
    title: t.t('invite.cancelled.title'),
    text: trustedSentence(t, 'invite.cancelled.text', { command: commandWord(t, 'invite') }),
    facts: [],
    buttons: [],
  });
}
