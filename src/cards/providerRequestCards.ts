import { emailDraftFields, type EmailDraftCardFields } from './emailDraftCard';
import { buildMailto } from '../domain/inviteDraft';
import type { Translator } from '../i18n/i18n';
import { clip, type Fact, type RemoveActionData } from './removeCards';
import { trustedSentence, type CardText } from './untrusted';
import { defineCard, render, type AdaptiveCardJson } from './render';

/**
 * The provider path of a removal (an indirect reseller may not remove a relationship itself):
 * the refusal card offering "Ask your indirect provider", and the draft email to the provider
 * (editable recipient, subject, message; Open in email / Copy text / Done / Cancel), built like
 * the invitation draft from the same pieces (`buildMailto`, the `invite.draft.*` labels). Every
 * name from Partner Center is made inert by `render` (src/cards/untrusted.ts); the email text is inputs' values (plain).
 */

export interface ProviderOption {
  id: string;
  name: string;
}

/** The customer the request is about. */
export interface RequestCustomer {
  id: string;
  companyName: string;
  domain: string;
}

export interface RemoveProviderRefusedCardData {
  title: string;
  facts: Fact[];
  lines: { text: CardText }[];
  showProviders: boolean;
  providerLabel: string;
  providerValue: string;
  providerChoices: { title: string; value: string }[];
  hasError: boolean;
  error: string;
  footer: string;
  canAsk: boolean;
  askTitle: string;
  cancelTitle: string;
  actionData: RemoveActionData;
}
export const removeProviderRefusedTemplate =
  defineCard<RemoveProviderRefusedCardData>('remove-provider-refused');

export interface RemoveProviderRequestCardData extends EmailDraftCardFields {
  title: string;
  intro: CardText;
  facts: Fact[];
  toLabel: string;
  toPlaceholder: string;
  to: string;
  actionData: RemoveActionData;
}
export const removeProviderRequestTemplate =
  defineCard<RemoveProviderRequestCardData>('remove-provider-request');

/** At most this many providers are offered (Partner Center accounts have a handful). */
export const MAX_PROVIDER_CHOICES = 25;

/** The customer (and provider, when chosen) as facts: name, domain, id. */
export function requestFacts(t: Translator, customer: RequestCustomer, provider?: ProviderOption): Fact[] {
  const facts: Fact[] = [
    { title: t.t('remove.label.customer'), value: customer.companyName },
    { title: t.t('remove.label.domain'), value: customer.domain },
    { title: t.t('remove.label.customerId'), value: customer.id },
  ];
  if (provider) facts.push({ title: t.t('removalRequest.label.provider'), value: provider.name });
  return facts;
}

export interface ProviderRefusedInput {
  customer: RequestCustomer;
  providers: readonly ProviderOption[];
  /** Partner Center's description of the refusal. */
  detail?: string;
  error?: string;
  footer: string;
  actionData: RemoveActionData;
}

/** Partner Center refused the removal: say why, offer "Ask your indirect provider" (a choice when several). */
export function renderProviderRefusedCard(t: Translator, input: ProviderRefusedInput): AdaptiveCardJson {
  const providers = input.providers.slice(0, MAX_PROVIDER_CHOICES);
  const [only] = providers;
  const lines: { text: CardText }[] = [
    { text: trustedSentence(t, 'removalRequest.refused.text', { name: input.customer.companyName }) },
  ];
  if (input.detail) {
    lines.push({
      text: trustedSentence(t, 'removalRequest.refused.reported', { detail: clip(input.detail, 500) }),
    });
  }
  lines.push({
    text:
      providers.length > 0
        ? trustedSentence(t, 'removalRequest.refused.next')
        : t.t('removalRequest.refused.noProvider'),
  });
  return render(removeProviderRefusedTemplate, {
    title: t.t('removalRequest.refused.title'),
    facts: requestFacts(t, input.customer, providers.length === 1 ? only : undefined),
    lines,
    showProviders: providers.length > 1,
    providerLabel: t.t('removalRequest.refused.providerLabel'),
    providerValue: '',
    providerChoices: providers.map((p) => ({ title: clip(p.name, 100), value: p.id })),
    hasError: !!input.error,
    error: input.error ?? '',
    footer: input.footer,
    canAsk: providers.length > 0,
    askTitle: t.t('removalRequest.refused.ask'),
    cancelTitle: t.t('common.cancel'),
    actionData: input.actionData,
  });
}

export interface ProviderRequestDraftInput {
  customer: RequestCustomer;
  provider: ProviderOption;
  to: string;
  subject: string;
  body: string;
  /** The finished text was just posted below the card. */
  copied?: boolean;
  error?: string;
  actionData: RemoveActionData;
}

/** The draft email to the provider. A mailto that must be shortened keeps the customer id. */
export function renderProviderRequestDraftCard(
  t: Translator,
  input: ProviderRequestDraftInput,
): AdaptiveCardJson {
  const mailto = buildMailto({
    to: input.to || undefined,
    subject: input.subject,
    body: input.body,
    link: input.customer.id,
  });
  const notes: CardText[] = [trustedSentence(t, 'removalRequest.draft.doneHint')];
  if (input.copied) notes.push(t.t('invite.draft.copied'));
  notes.push(mailto.shortened ? t.t('invite.draft.shortened') : t.t('invite.draft.mailtoHint'));
  const provider = input.provider.name;
  return render(removeProviderRequestTemplate, {
    title: t.t('removalRequest.draft.title', { provider }),
    intro: trustedSentence(t, 'removalRequest.draft.intro'),
    facts: requestFacts(t, input.customer, input.provider),
    toLabel: t.t('removalRequest.draft.to', { provider: clip(input.provider.name, 100) }),
    toPlaceholder: t.t('removalRequest.draft.toPlaceholder'),
    to: input.to,
    ...emailDraftFields(t, {
      subject: input.subject,
      body: input.body,
      notes,
      error: input.error,
      mailto: mailto.url,
    }),
    actionData: input.actionData,
  });
}
