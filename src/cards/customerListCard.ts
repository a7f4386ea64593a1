import type { Translator, MessageKey } from '../i18n/i18n';
import { cardPosition, pageCount, truncateList, type ListPosition } from '../domain/customerList';
import { truncateText } from '../domain/text';
import type { CustomerDetails, CustomerListPage } from '../domain/customerListService';
import { isPartnerCenterError, type PartnerCenterError } from '../partnerCenter/errors';
import { partnerCenterErrorText } from '../i18n/partnerCenterErrors';
import { defineCard, render, type AdaptiveCardJson } from './render';
import { trustedSentence, type CardText } from './untrusted';
import { encodePosition } from './customerListActions';
import { mediumDateFormat, numberFormat } from './formats';
import { adminAccessLines, withinActionBudget, type AdminAccessView } from './adminAccessCards';

/**
 * The customer list card: 10 customers a page (company name and domain, a chevron), the total,
 * a search box, Previous / Next / Refresh, and one customer expanded in place (account, services,
 * users, licenses, "Remove customer relationship").
 *
 * Rows (issue 18.3): each row (chevron + name + domain) is the control, as on Partner Center's
 * Customers page: a `selectAction` (Action.Execute `customers.expand`) expands that record in place
 * (▾); selecting the expanded row again collapses it (▸). Row selectActions are focusable and
 * activate with Enter/Space in the Adaptive Card renderers, so keyboard users need no extra
 * chooser: the former dropdown + Expand button is gone. Buttons: Search, Previous, Next,
 * Refresh, and Remove on the expanded record = 5 at most (≤ 6), plus one selectAction per row.
 *
 * Size budget (≤ 28 KB): long names, many subscriptions / users / licenses are cut to a few lines
 * with "and N more"; `renderCustomerListCard` steps down until the rendering fits.
 */

export interface CustomerDetailsCardData {
  accountTitle: string;
  facts: { title: string; value: string }[];
  servicesTitle: string;
  services: { text: string }[];
  usersTitle: string;
  users: { text: string }[];
  licensesTitle: string;
  licenses: { text: string }[];
  adminAccessTitle: string;
  adminAccess: { text: string }[];
  canRequestAdminAccess: boolean;
  requestAdminAccessTitle: string;
  requestAdminAccessData: { customerId: string; adminAccessOnly: true };
  canRemove: boolean;
  removeTitle: string;
  removeData: { customerId: string };
  /** "Removal requested from <provider> on <date>" while a request to the indirect provider is open. */
  hasRemovalRequest?: boolean;
  removalRequest?: string;
}

export interface CustomerRowCardData {
  /** The row's selectAction: expands this record, or collapses it when it is the expanded one. */
  toggleTitle: string;
  toggleData: Record<string, unknown>;
  chevron: string;
  name: string;
  domain: string;
  expanded: boolean;
  details?: CustomerDetailsCardData;
}

export interface CustomerListCardData {
  title: string;
  summary: string;
  hasNotice: boolean;
  notice: string;
  searchText: string;
  searchPlaceholder: string;
  searchButton: string;
  searchData: Record<string, unknown>;
  hasRows: boolean;
  emptyText: CardText;
  rows: CustomerRowCardData[];
  hasPrevious: boolean;
  previousTitle: string;
  previousData: Record<string, unknown>;
  hasNext: boolean;
  nextTitle: string;
  nextData: Record<string, unknown>;
  refreshTitle: string;
  refreshData: Record<string, unknown>;
}

export const customerListTemplate = defineCard<CustomerListCardData>('customerList');

/** What the card shows. */
export interface CustomerListView {
  page: CustomerListPage;
  /** The expanded customer's record (its row must be on the page). */
  details?: CustomerDetails;
  /** Whether the user may remove relationships (the button is shown only then). */
  canRemove: boolean;
  /** The expanded customer's GDAP relationships (undefined: not looked up). */
  adminAccess?: AdminAccessView;
  /** Whether the user may request admin access (invite role): the button on a customer without it. */
  canRequestAdminAccess?: boolean;
  /** An extra line at the top (e.g. why a row could not be expanded). */
  notice?: string;
  /** The expanded customer's open removal request to the indirect provider. */
  removalRequest?: { providerName: string; requestedAt: string };
}

/** How much detail goes on the card; renderCustomerListCard steps down these levels to fit. */
export interface CardLimits {
  nameChars: number;
  lineChars: number;
  services: number;
  userNames: number;
  licenses: number;
  /** Continuation tokens in button data: 'all', 'current' (no back stack) or 'none' (re-found by walking). */
  tokens: 'all' | 'current' | 'none';
}

export const CARD_LIMITS: readonly [CardLimits, ...CardLimits[]] = [
  { nameChars: 200, lineChars: 200, services: 10, userNames: 5, licenses: 10, tokens: 'all' },
  { nameChars: 120, lineChars: 120, services: 6, userNames: 3, licenses: 6, tokens: 'all' },
  { nameChars: 80, lineChars: 80, services: 4, userNames: 3, licenses: 4, tokens: 'current' },
  { nameChars: 60, lineChars: 60, services: 2, userNames: 1, licenses: 2, tokens: 'none' },
  { nameChars: 40, lineChars: 40, services: 1, userNames: 0, licenses: 1, tokens: 'none' },
];

/** Rendered cards stay below this (Teams' 28 KB, with a margin). */
export const CARD_BYTE_BUDGET = 27 * 1024;

const CHEVRON_COLLAPSED = '▸';
const CHEVRON_EXPANDED = '▾';
/** The row's accessible name (the selectAction title). */
const TOGGLE_TITLE_CHARS = 80;

/** Renders the card, dropping detail until it fits the byte budget. */
export function renderCustomerListCard(t: Translator, view: CustomerListView): AdaptiveCardJson {
  const [largest, ...smaller] = CARD_LIMITS;
  let card = withinActionBudget(render(customerListTemplate, customerListCardData(t, view, largest)));
  for (const limits of smaller) {
    if (Buffer.byteLength(JSON.stringify(card), 'utf8') <= CARD_BYTE_BUDGET) return card;
    card = withinActionBudget(render(customerListTemplate, customerListCardData(t, view, limits)));
  }
  return card;
}

export function customerListCardData(
  t: Translator,
  view: CustomerListView,
  limits: CardLimits = CARD_LIMITS[0],
): CustomerListCardData {
  const { page } = view;
  const number = numberFormat(t.locale);
  const search = page.position.search;
  const pages = pageCount(page.totalCount);
  const summaryParams = {
    total: number.format(page.totalCount),
    page: number.format(page.position.page + 1),
    pages: number.format(Math.max(pages, page.position.page + 1)),
  };
  const summary =
    search === undefined
      ? t.t('customers.summary', summaryParams)
      : t.t('customers.summary.search', {
          ...summaryParams,
          search: truncateText(search, 60),
        });
  const notices: string[] = [];
  if (view.notice) notices.push(view.notice);
  if (page.capped) notices.push(t.t('customers.capped', { count: number.format(page.cappedAt ?? 0) }));

  const expandedId = view.details?.customer.id;
  const data = (p: ListPosition, extra: { refresh?: boolean; expanded?: string } = {}) =>
    encodePosition(positionForCard(p, limits), extra);

  return {
    title: t.t('customers.title'),
    summary,
    hasNotice: notices.length > 0,
    notice: notices.join(' '),
    searchText: search ?? '',
    searchPlaceholder: t.t('customers.search.placeholder'),
    searchButton: t.t('customers.search.button'),
    searchData: { v: 1 },
    hasRows: page.rows.length > 0,
    emptyText:
      search === undefined
        ? trustedSentence(t, 'customers.empty')
        : t.t('customers.search.none', { search: truncateText(search, 60) }),
    rows: page.rows.map((row) => {
      const expanded = row.id === expandedId && view.details !== undefined;
      const out: CustomerRowCardData = {
        toggleTitle: t.t(expanded ? 'customers.row.collapse' : 'customers.row.expand', {
          name: truncateText(row.companyName, TOGGLE_TITLE_CHARS),
        }),
        toggleData: {
          ...data(page.position, expandedId ? { expanded: expandedId } : {}),
          customerId: row.id,
        },
        chevron: expanded ? CHEVRON_EXPANDED : CHEVRON_COLLAPSED,
        name: truncateText(row.companyName, limits.nameChars),
        domain: truncateText(row.domain, limits.nameChars),
        expanded,
      };
      if (expanded && view.details)
        out.details = detailsCardData(t, view.details, view.canRemove, limits, view);
      return out;
    }),
    hasPrevious: page.previous !== undefined,
    previousTitle: t.t('customers.previous'),
    previousData: page.previous ? data(page.previous) : {},
    hasNext: page.next !== undefined,
    nextTitle: t.t('customers.next'),
    nextData: page.next ? data(page.next) : {},
    refreshTitle: t.t('customers.refresh'),
    refreshData: data(page.position, { refresh: true }),
  };
}

function positionForCard(p: ListPosition, limits: CardLimits): ListPosition {
  const out = cardPosition(p);
  if (limits.tokens !== 'all') out.back = [];
  if (limits.tokens === 'none') delete out.token;
  return out;
}

function detailsCardData(
  t: Translator,
  details: CustomerDetails,
  canRemove: boolean,
  limits: CardLimits,
  view: Pick<CustomerListView, 'adminAccess' | 'canRequestAdminAccess' | 'removalRequest'> = {},
): CustomerDetailsCardData {
  const { customer } = details;
  const text = (s: string) => truncateText(s, limits.lineChars);
  const yesNo = (b: boolean | undefined) =>
    b === undefined ? '—' : t.t(b ? 'customers.yes' : 'customers.no');
  const facts = [
    { title: t.t('customers.account.company'), value: text(customer.companyName) },
    { title: t.t('customers.account.domain'), value: text(customer.domain) },
    { title: t.t('customers.account.tenantId'), value: text(customer.tenantId) },
    {
      title: t.t('customers.account.relationship'),
      value: relationshipLabel(t, customer.relationshipToPartner),
    },
    { title: t.t('customers.account.delegatedAccess'), value: yesNo(customer.allowDelegatedAccess) },
  ];
  if (details.relationships.ok && details.relationships.value.length > 0) {
    const { shown, more } = truncateList(details.relationships.value, 2);
    facts.push({
      title: t.t('customers.account.providers'),
      value: text(withMore(t, shown.map((r) => r.name).join(', '), more)),
    });
  }

  const dateFormat = mediumDateFormat(t.locale);
  const number = numberFormat(t.locale);
  const formatDate = (iso: string | undefined) => {
    if (!iso) return undefined;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? undefined : dateFormat.format(d);
  };

  let services: { text: string }[];
  if (!details.subscriptions.ok) services = [{ text: errorLine(t, details.subscriptions.error) }];
  else if (details.subscriptions.value.length === 0) services = [{ text: t.t('customers.services.none') }];
  else {
    const { shown, more } = truncateList(details.subscriptions.value, limits.services);
    services = shown.map((s) => {
      const date = formatDate(s.commitmentEndDate);
      let line = t.t('customers.services.line', {
        name: truncateText(s.friendlyName || s.offerName, limits.lineChars),
        status: statusLabel(t, s.status),
        quantity: number.format(s.quantity),
      });
      if (date)
        line += ` · ${t.t(s.autoRenewEnabled ? 'customers.services.renews' : 'customers.services.ends', { date })}`;
      return { text: line };
    });
    if (more > 0) services.push({ text: t.t('customers.more', { count: number.format(more) }) });
  }

  let users: { text: string }[];
  if (!details.users.ok) {
    users = [
      {
        text: isPartnerCenterError(details.users.error, 'no_delegated_access')
          ? t.t('customers.users.noAccess')
          : errorLine(t, details.users.error),
      },
    ];
  } else if (details.users.value.totalCount === 0) users = [{ text: t.t('customers.users.none') }];
  else {
    const { totalCount, names } = details.users.value;
    const shown = names.slice(0, limits.userNames).map((n) => truncateText(n, limits.nameChars));
    const more = totalCount - shown.length;
    const count = t.t('customers.users.count', { count: number.format(totalCount) });
    users = [
      {
        text: shown.length > 0 ? `${count}: ${withMore(t, shown.join(', '), more)}` : count,
      },
    ];
  }

  let licenses: { text: string }[];
  if (!details.licenses.ok) {
    licenses = [
      {
        text: isPartnerCenterError(details.licenses.error, 'no_delegated_access')
          ? t.t('customers.licenses.noAccess')
          : errorLine(t, details.licenses.error),
      },
    ];
  } else if (details.licenses.value.length === 0) licenses = [{ text: t.t('customers.licenses.none') }];
  else {
    const { shown, more } = truncateList(details.licenses.value, limits.licenses);
    licenses = shown.map((sku) => ({
      text: t.t('customers.licenses.line', {
        name: truncateText(sku.productSku.name || sku.productSku.skuPartNumber, limits.lineChars),
        consumed: number.format(sku.consumedUnits),
        total: number.format(sku.totalUnits),
      }),
    }));
    if (more > 0) licenses.push({ text: t.t('customers.more', { count: number.format(more) }) });
  }

  return {
    accountTitle: t.t('customers.account'),
    facts,
    servicesTitle: t.t('customers.services'),
    services,
    usersTitle: t.t('customers.users'),
    users,
    licensesTitle: t.t('customers.licenses'),
    licenses,
    ...adminAccessLines(t, view.adminAccess, !!view.canRequestAdminAccess, customer.id, limits.services),
    canRemove,
    removeTitle: t.t('customers.remove'),
    removeData: { customerId: customer.id },
    ...removalRequestLine(t, view.removalRequest, formatDate),
  };
}

function removalRequestLine(
  t: Translator,
  request: CustomerListView['removalRequest'],
  formatDate: (iso: string) => string | undefined,
): Pick<CustomerDetailsCardData, 'hasRemovalRequest' | 'removalRequest'> {
  if (!request) return {};
  const text = t.t('removalRequest.customerLine', {
    provider: truncateText(request.providerName, 100),
    date: formatDate(request.requestedAt) ?? '',
  });
  return { hasRemovalRequest: true, removalRequest: text };
}

function withMore(t: Translator, text: string, more: number): string {
  return more > 0 ? `${text} ${t.t('customers.more', { count: more })}` : text;
}

function errorLine(t: Translator, error: PartnerCenterError): string {
  return partnerCenterErrorText(t, error);
}

const STATUS_KEYS: Record<string, MessageKey> = {
  active: 'customers.status.active',
  suspended: 'customers.status.suspended',
  deleted: 'customers.status.deleted',
  expired: 'customers.status.expired',
  pending: 'customers.status.pending',
};

function statusLabel(t: Translator, status: string): string {
  const key = STATUS_KEYS[status.toLowerCase()];
  return key ? t.t(key) : truncateText(status, 30);
}

const RELATIONSHIP_KEYS: Record<string, MessageKey> = {
  reseller: 'customers.relationship.reseller',
  advisor: 'customers.relationship.advisor',
  none: 'customers.relationship.none',
};

/** The relationship to the partner in the user's language (an unknown value is shown as text). */
export function relationshipLabel(t: Translator, relationship: string): string {
  const key = RELATIONSHIP_KEYS[relationship.toLowerCase()];
  return key ? t.t(key) : truncateText(relationship, 40);
}
