import type { Translator } from '../i18n/i18n';
import { truncateText } from '../domain/text';
import type { Customer } from '../partnerCenter/types';
import { gdapDate, type AdminAccessView } from './adminAccessCards';
import { CUSTOMER_VERBS } from './customerListActions';
import { relationshipLabel } from './customerListCard';
import { inert } from './untrusted';
import { defineCard, render, type AdaptiveCardJson } from './render';

/**
 * The compact customer card the message extension inserts into a message (issue 18.4): name,
 * domain, relationship, admin access state, and "Open in Customer Connect".
 *
 * "Open in Customer Connect" is an Action.Execute (`customers.open`, data `{customerId}`), answered
 * by the bot with the customer list opened at that customer, expanded. Why not a deep link to the
 * bot's chat (Action.OpenUrl `https://teams.microsoft.com/l/chat/0/0?users=28:<botId>&message=…`)?
 * - Universal Actions work on cards inserted by a search-based message extension when the bot of
 *   the extension is the app's bot and it has the team/groupChat scopes (Microsoft Learn,
 *   "Universal Actions for search based message extensions"); the manifest has both. So the
 *   button works in any chat the card was sent to, on desktop, web and mobile, and in the Agents
 *   Playground (a deep link does nothing there, and only pre-fills a message the user must send).
 * - The invoke is answered with a card (the invoke response), which Teams shows to the user who
 *   clicked, not to everyone in the chat ("replace for interactor"): the expanded record, read
 *   with the clicker's own roles, is not broadcast to the chat.
 * - The same tenant and role rules as every other button apply (the invoke passes the middleware).
 * Names and domains come from Partner Center: escaped, never live Markdown.
 */

export interface CustomerCompactCardData {
  name: string;
  facts: { title: string; value: string }[];
  openTitle: string;
  openVerb: string;
  openData: { customerId: string };
}

export const customerCompactTemplate = defineCard<CustomerCompactCardData>('customer-compact');

/** How much of a name / domain a card or preview shows. */
const MAX_NAME_CHARS = 120;

/** Partner Center text for a card: cut (render makes it inert, src/cards/untrusted.ts). */
function plain(text: string, max = MAX_NAME_CHARS): string {
  return truncateText(text, max);
}

/** Partner Center text for a thumbnail preview (Teams reads Markdown and some HTML there). */
function previewText(text: string, max = MAX_NAME_CHARS): string {
  const html = truncateText(text, max).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return inert(html);
}

/** One line for a customer's admin access: active (until), requested, none, or not readable. */
export function adminAccessSummary(t: Translator, view: AdminAccessView): string {
  if (!view.ok) return t.t('search.adminAccess.unknown');
  const active = view.relationships.filter((r) => r.status === 'active' || r.status === 'expiring');
  if (active.length > 0) {
    const ends = active
      .map((r) => r.endDateTime ?? '')
      .filter((d) => d !== '')
      .sort();
    const last = ends.length > 0 ? gdapDate(t, ends[ends.length - 1]) : '';
    return last ? t.t('search.adminAccess.active', { date: last }) : t.t('search.adminAccess.activeNoDate');
  }
  const pending = ['created', 'approvalPending', 'approved', 'activating'];
  if (view.relationships.some((r) => pending.includes(r.status))) return t.t('search.adminAccess.pending');
  return t.t('search.adminAccess.none');
}

export interface CustomerCompactInput {
  customer: Pick<Customer, 'id' | 'companyName' | 'domain' | 'relationshipToPartner'>;
  adminAccess: AdminAccessView;
}

export function renderCustomerCompactCard(t: Translator, input: CustomerCompactInput): AdaptiveCardJson {
  const { customer } = input;
  return render(customerCompactTemplate, {
    name: plain(customer.companyName || customer.domain || customer.id),
    facts: [
      { title: t.t('customers.account.domain'), value: plain(customer.domain) },
      {
        title: t.t('customers.account.relationship'),
        value: plain(relationshipLabel(t, customer.relationshipToPartner)),
      },
      { title: t.t('gdap.list.title'), value: adminAccessSummary(t, input.adminAccess) },
    ],
    openTitle: t.t('search.card.open'),
    openVerb: CUSTOMER_VERBS.open,
    openData: { customerId: customer.id },
  });
}

/** The list entry Teams shows for a result before it is chosen (a thumbnail card). */
export function customerPreview(t: Translator, input: CustomerCompactInput): { title: string; text: string } {
  const { customer } = input;
  return {
    title: previewText(customer.companyName || customer.domain || customer.id),
    text: t.t('search.preview.text', {
      domain: previewText(customer.domain),
      relationship: previewText(relationshipLabel(t, customer.relationshipToPartner), 40),
      adminAccess: adminAccessSummary(t, input.adminAccess),
    }),
  };
}

/**
 * A message that only carries a compact customer card the user inserted from the message
 * extension (Teams and the Playground post it as a message with the card attached; the Playground
 * adds an `inline-compose-card` span as its text) — not a command.
 */
export function isSharedCustomerCard(activity: {
  text?: string;
  attachments?: readonly { contentType?: string; content?: unknown }[];
}): boolean {
  const typed = (activity.text ?? '').replace(/<[^>]*>/g, '').trim();
  const inlineCard = /^\s*<span class="inline-compose-card"/.test(activity.text ?? '');
  if (typed !== '' && !inlineCard) return false;
  return (activity.attachments ?? []).some(
    (a) =>
      a.contentType === 'application/vnd.microsoft.card.adaptive' &&
      JSON.stringify(a.content ?? {}).includes(`"verb":"${CUSTOMER_VERBS.open}"`),
  );
}
