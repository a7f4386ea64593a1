import { renderCustomerListCard, type CustomerListView } from '../../../../src/cards/customerListCard';
import type { AdaptiveCardJson } from '../../../../src/cards/render';
import { MAX_BACK_TOKENS, MAX_CARD_TOKEN_CHARS, PAGE_SIZE } from '../../../../src/domain/customerList';
import type { CustomerDetails, CustomerListPage } from '../../../../src/domain/customerListService';
import type { Translator } from '../../../../src/i18n/i18n';
import { PartnerCenterError } from '../../../../src/partnerCenter/errors';
import type { SubscribedSku, Subscription } from '../../../../src/partnerCenter/types';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const longName = (n: number, length = 200) => `Customer ${n} ${'Ä'.repeat(length)}`.slice(0, length);
const longToken = (n: number) =>
  `pc1.${String(n).repeat(MAX_CARD_TOKEN_CHARS)}`.slice(0, MAX_CARD_TOKEN_CHARS);

/** A page of a 10,000-customer list with 200-character names and domains, and maximal card data. */
export function worstCasePage(page = 500): CustomerListPage {
  const rows = Array.from({ length: PAGE_SIZE }, (_, i) => ({
    id: id(i + 1),
    companyName: longName(i),
    domain: `${'d'.repeat(180)}${i}.onmicrosoft.com`,
  }));
  const back = Array.from({ length: MAX_BACK_TOKENS }, (_, i) => longToken(i));
  return {
    position: { page, token: longToken(7), back },
    rows,
    totalCount: 10_000,
    previous: { page: page - 1, token: longToken(8), back },
    next: { page: page + 1, token: longToken(9), back },
  };
}

function subscriptions(count: number): Subscription[] {
  return Array.from({ length: count }, (_, i) => ({
    id: id(1000 + i),
    offerId: `OFFER-${i}`,
    offerName: longName(i),
    friendlyName: longName(i),
    quantity: 1000 + i,
    status: i % 3 === 0 ? 'suspended' : 'active',
    autoRenewEnabled: i % 2 === 0,
    commitmentEndDate: '2026-03-31T00:00:00Z',
  }));
}

function skus(count: number): SubscribedSku[] {
  return Array.from({ length: count }, (_, i) => ({
    availableUnits: 1,
    activeUnits: 100,
    consumedUnits: 99,
    suspendedUnits: 0,
    totalUnits: 100,
    warningUnits: 0,
    productSku: { id: id(2000 + i), name: longName(i), skuPartNumber: `SKU_${i}` },
    servicePlans: [],
  }));
}

/** An expanded record at its largest: 50 subscriptions, 300 users, 60 SKUs, 200-character names. */
export function worstCaseDetails(customerId = id(5)): CustomerDetails {
  return {
    customer: {
      id: customerId,
      companyName: longName(5),
      domain: `${'d'.repeat(180)}4.onmicrosoft.com`,
      tenantId: customerId,
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
    },
    subscriptions: { ok: true, value: subscriptions(50) },
    users: { ok: true, value: { totalCount: 300, names: Array.from({ length: 5 }, (_, i) => longName(i)) } },
    licenses: { ok: true, value: skus(60) },
    relationships: {
      ok: true,
      value: Array.from({ length: 3 }, (_, i) => ({
        id: id(3000 + i),
        name: longName(i),
        relationshipType: 'x',
      })),
    },
  };
}

export function noDelegatedAccessDetails(customerId = id(2)): CustomerDetails {
  const denied = new PartnerCenterError('no_delegated_access', 'denied', { status: 403 });
  return {
    customer: {
      id: customerId,
      companyName: 'Fabrikam GmbH',
      domain: 'fabrikam.onmicrosoft.com',
      tenantId: customerId,
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: false,
    },
    subscriptions: { ok: true, value: [] },
    users: { ok: false, error: denied },
    licenses: { ok: false, error: denied },
    relationships: { ok: true, value: [] },
  };
}

const smallPage: CustomerListPage = {
  position: { page: 0, back: [] },
  rows: [
    { id: id(1), companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' },
    { id: id(2), companyName: 'Fabrikam GmbH', domain: 'fabrikam.onmicrosoft.com' },
  ],
  totalCount: 2,
};

/** Realistic and worst-case renderings of the customer list card. */
export function customerListSamples(t: Translator): AdaptiveCardJson[] {
  const views: CustomerListView[] = [
    { page: smallPage, canRemove: true },
    { page: smallPage, details: noDelegatedAccessDetails(), canRemove: false },
    { page: { position: { page: 0, back: [] }, rows: [], totalCount: 0 }, canRemove: true },
    {
      page: { position: { search: 'x'.repeat(100), page: 0 }, rows: [], totalCount: 0 },
      canRemove: false,
    },
    { page: worstCasePage(), canRemove: true },
    { page: worstCasePage(), details: worstCaseDetails(), canRemove: true, notice: 'x'.repeat(300) },
    {
      page: {
        ...worstCasePage(),
        capped: true,
        cappedAt: 1000,
        position: { search: 'c'.repeat(100), page: 3 },
      },
      details: worstCaseDetails(id(10)),
      canRemove: true,
    },
  ];
  return views.map((v) => renderCustomerListCard(t, v));
}
