import type { Invitation, InvitationKind } from '../domain/invitations';

/** What the matcher knows about the customer that accepted. */
export interface AcceptingCustomer {
  id: string;
  companyName: string;
  domain: string;
  customDomains?: readonly string[];
  /** Kind from the webhook event or the customer's relationships, when known. */
  kind?: InvitationKind;
  /** Indirect provider serving the customer, when known. */
  providerId?: string;
}

/** Legal-form words left out when comparing company names ("Contoso GmbH" = "contoso"). */
const LEGAL_FORMS = new Set([
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ohg',
  'gbr',
  'ug',
  'se',
  'ev',
  'e.v',
  'co',
  'cokg',
  'inc',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'plc',
  'sa',
  'sarl',
  'srl',
  'bv',
  'nv',
  'ab',
  'as',
  'oy',
  'kft',
  'spa',
  'haftungsbeschrankt',
]);

/** Lower-case, accents and punctuation removed, legal forms dropped. */
export function normalizeCompanyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join(' ');
}

function emailDomain(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.+$/, '');
  return domain.includes('.') ? domain : undefined;
}

/** `contoso.onmicrosoft.com` → `contoso`; `contoso.com` → `contoso`; `mail.contoso.co.uk` → `contoso`. */
function brandLabel(domain: string): string {
  const labels = domain.toLowerCase().split('.');
  if (labels.length >= 3 && labels.slice(-2).join('.') === 'onmicrosoft.com')
    return labels[labels.length - 3] ?? domain;
  const secondLevel =
    labels.length >= 3 && /^(co|com|org|net|ac|gv|or)$/.test(labels[labels.length - 2] ?? '');
  return labels[labels.length - (secondLevel ? 3 : 2)] ?? domain;
}

/**
 * How well a pending invitation fits the customer: 0 = not at all, 2 = strongly (the contact's
 * email domain is one of the customer's domains, or the same company name with the legal form
 * ignored), 1 = weakly (the same brand: contoso.com vs contoso.onmicrosoft.com).
 */
export function matchTier(customer: AcceptingCustomer, invitation: Invitation): 0 | 1 | 2 {
  const domains = [customer.domain, ...(customer.customDomains ?? [])].map((d) => d.toLowerCase());
  const contactDomain = emailDomain(invitation.customer?.contactEmail);
  const invitedName = invitation.customer?.companyName
    ? normalizeCompanyName(invitation.customer.companyName)
    : '';
  if (contactDomain && domains.includes(contactDomain)) return 2;
  if (invitedName && invitedName === normalizeCompanyName(customer.companyName)) return 2;
  const brands = domains.map(brandLabel);
  if (contactDomain && brands.includes(brandLabel(contactDomain))) return 1;
  if (invitedName && brands.includes(invitedName.replace(/ /g, ''))) return 1;
  return 0;
}

/** 0..2: the invitation asked for the relationship kind (and provider) the customer accepted. */
function agreement(customer: AcceptingCustomer, invitation: Invitation): number {
  let n = 0;
  if (customer.kind && customer.kind === invitation.kind) n++;
  if (customer.providerId && invitation.provider?.id.toLowerCase() === customer.providerId.toLowerCase()) n++;
  return n;
}

/**
 * The pending reseller invitation the customer accepted (never an admin-access-only request): the
 * one whose admin-access approval recorded this customer's tenant id (exact, names ignored); else
 * the strongest match tier; within it the ones agreeing on kind and provider; among those the newest.
 */
export function matchInvitation(
  customer: AcceptingCustomer,
  all: readonly Invitation[],
): Invitation | undefined {
  // An admin-access request for an existing customer sent no reseller link: no acceptance settles it.
  const invitations = all.filter((i) => i.kind !== 'adminAccess');
  // The customer approved admin access first: its tenant is on the invitation — an exact match.
  const byTenant = invitations
    .filter((i) => i.status === 'pending' && i.customerTenantId?.toLowerCase() === customer.id.toLowerCase())
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (byTenant) return byTenant;
  let best: { invitation: Invitation; rank: [number, number, string] } | undefined;
  for (const invitation of invitations) {
    if (invitation.status !== 'pending') continue;
    const tier = matchTier(customer, invitation);
    if (tier === 0) continue;
    const rank: [number, number, string] = [tier, agreement(customer, invitation), invitation.createdAt];
    if (!best || compareRank(rank, best.rank) > 0) best = { invitation, rank };
  }
  return best?.invitation;
}

function compareRank(a: [number, number, string], b: [number, number, string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}
