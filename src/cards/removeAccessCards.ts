import type { NewCommerceNotes } from '../domain/newCommerce';
import type { Translator } from '../i18n/i18n';
import { clipText, gdapDate, roleNames } from './adminAccessCards';
import { type CardSection, type Fact, type RemoveActionData } from './removeCards';
import { trustedSentence, type CardText } from './untrusted';
import { defineCard, render, type AdaptiveCardJson } from './render';

/**
 * What the removal flow's cards say about the customer's admin access (GDAP relationships) and
 * new-commerce subscriptions, and the "End admin access too" card offered after a removal.
 */

/** One GDAP relationship as the removal flow keeps it (plain data from Graph). */
export interface AccessRelationship {
  id: string;
  displayName: string;
  status: string;
  roleDefinitionIds: string[];
  endDateTime?: string;
}

/** The customer's current admin access, or that it could not be read. */
export type AccessView = { ok: true; relationships: AccessRelationship[] } | { ok: false };

/** At most this many relationships are listed / offered on a card. */
export const MAX_LISTED_RELATIONSHIPS = 20;

/** "Name: roles · ends on date" (Graph's display name is the partner's own text, shown escaped). */
export function relationshipLine(t: Translator, r: AccessRelationship): CardText {
  const name = clipText(r.displayName || r.id, 80);
  const roles = roleNames(t, r.roleDefinitionIds);
  const date = gdapDate(t, r.endDateTime);
  return date
    ? trustedSentence(t, 'remove.access.line', { name, roles, date })
    : trustedSentence(t, 'remove.access.lineNoEnd', { name, roles });
}

/** The warning card's admin access section: each active relationship with roles and end date. */
export function adminAccessSection(t: Translator, view: AccessView): CardSection {
  const title = t.t('remove.access.title');
  if (!view.ok) return { title, lines: [{ text: t.t('remove.access.unavailable') }], hint: '' };
  if (view.relationships.length === 0)
    return { title, lines: [{ text: t.t('remove.access.none') }], hint: '' };
  const shown = view.relationships.slice(0, MAX_LISTED_RELATIONSHIPS);
  const lines = shown.map((r) => ({ text: relationshipLine(t, r) }));
  const more = view.relationships.length - shown.length;
  if (more > 0) lines.push({ text: `+ ${more}` });
  return { title, lines, hint: t.t('remove.access.stays') };
}

/** New-commerce subscriptions still inside their cancellation window, and suspended ones still billed. */
export function newCommerceSection(t: Translator, notes: NewCommerceNotes | undefined): CardSection {
  if (!notes || (notes.cancellable.length === 0 && notes.stillBilled.length === 0)) {
    return { title: '', lines: [], hint: '' };
  }
  const name = (n: string) => clipText(n, 120);
  const lines = [
    ...notes.cancellable.map((s) => ({
      text: trustedSentence(t, 'remove.nce.cancellable', {
        name: name(s.name),
        date: gdapDate(t, s.windowClosesAt),
      }),
    })),
    ...notes.stillBilled.map((s) => ({
      text: s.billedUntil
        ? trustedSentence(t, 'remove.nce.stillBilled', {
            name: name(s.name),
            date: gdapDate(t, s.billedUntil),
          })
        : trustedSentence(t, 'remove.nce.stillBilledNoDate', { name: name(s.name) }),
    })),
  ].slice(0, 2 * MAX_LISTED_RELATIONSHIPS);
  return {
    title: t.t('remove.nce.title'),
    lines,
    hint: notes.cancellable.length > 0 ? t.t('remove.nce.cancellableHint') : '',
  };
}

/** What the "End admin access too" buttons carry: the flow's data and the card's attempt number. */
export type EndAccessActionData = RemoveActionData & { attempt: number };

export interface RemoveEndAccessCardData {
  title: string;
  color: 'Good' | 'Attention' | 'Warning' | 'Default';
  facts: Fact[];
  lines: { text: CardText }[];
  accessTitle: string;
  accessText: CardText;
  choices: { title: string; value: string }[];
  /** Pre-selected values, comma separated (Input.ChoiceSet's multi-select value). */
  selected: string;
  required: string;
  error: string;
  footer: string;
  endButton: string;
  keepButton: string;
  actionData: EndAccessActionData;
}
export const removeEndAccessTemplate = defineCard<RemoveEndAccessCardData>('remove-end-access');

/**
 * The result of a removal (or of ending admin access) with the customer's still active GDAP
 * relationships to select from, and "End admin access too" / "Keep admin access". A retry card
 * offers the relationships that did not end, pre-selected, under "Try again for the rest".
 */
export function renderRemoveEndAccessCard(
  t: Translator,
  input: {
    title: string;
    color: RemoveEndAccessCardData['color'];
    facts: Fact[];
    lines: { text: CardText }[];
    customerName: string;
    relationships: readonly AccessRelationship[];
    selected: readonly string[];
    retry: boolean;
    error?: string;
    footer: string;
    actionData: EndAccessActionData;
  },
): AdaptiveCardJson {
  const offered = input.relationships.slice(0, MAX_LISTED_RELATIONSHIPS);
  return render(removeEndAccessTemplate, {
    title: input.title,
    color: input.color,
    facts: input.facts,
    lines: input.lines,
    accessTitle: t.t('remove.end.title'),
    accessText: trustedSentence(t, 'remove.end.text', { name: input.customerName }),
    // Choice titles are plain text in Teams (no Markdown).
    choices: offered.map((r) => ({
      title: clipText(
        `${r.displayName || r.id}: ${roleNames(t, r.roleDefinitionIds)}${
          gdapDate(t, r.endDateTime) ? ` · ${gdapDate(t, r.endDateTime)}` : ''
        }`,
        200,
      ),
      value: r.id,
    })),
    selected: input.selected.filter((id) => offered.some((r) => r.id === id)).join(','),
    required: t.t('remove.end.required'),
    error: input.error ?? '',
    footer: input.footer,
    endButton: input.retry ? t.t('remove.end.retryButton') : t.t('remove.end.button'),
    keepButton: t.t('remove.end.keepButton'),
    actionData: input.actionData,
  });
}
