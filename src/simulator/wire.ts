/** Partner Center's JSON shapes, produced from the simulator's domain objects. */
import type {
  Customer,
  CustomerUser,
  IndirectProvider,
  PartnerRole,
  PartnerRoleMember,
  SubscribedSku,
  Subscription,
} from '../partnerCenter/types';

type Json = Record<string, unknown>;

interface WireLink {
  uri: string;
  method: 'GET';
  headers: { key: string; value: string }[];
}

function link(uri: string, headers: { key: string; value: string }[] = []): WireLink {
  return { uri, method: 'GET', headers };
}

export function collection(
  items: unknown[] | null,
  totalCount: number,
  selfUri: string,
  next?: WireLink,
): Json {
  const links: Json = { self: link(selfUri) };
  if (next) links['next'] = next;
  return { totalCount, items, links, attributes: { objectType: 'Collection' } };
}

export function nextLink(uri: string, continuationToken: string): WireLink {
  return link(uri, [{ key: 'MS-ContinuationToken', value: continuationToken }]);
}

export function customerToWire(c: Customer, detailed: boolean): Json {
  const profile: Json = { tenantId: c.tenantId, domain: c.domain, companyName: c.companyName };
  if (detailed) {
    if (c.address) profile['address'] = { ...c.address };
    if (c.email) profile['email'] = c.email;
  }
  profile['links'] = { self: link(`/v1/customers/${c.id}/profiles/company`) };
  profile['attributes'] = { objectType: 'CustomerCompanyProfile' };
  const out: Json = { id: c.id, commerceId: c.id, companyProfile: profile };
  if (detailed && c.billingProfile) {
    out['billingProfile'] = { ...c.billingProfile, attributes: { objectType: 'CustomerBillingProfile' } };
  }
  out['relationshipToPartner'] = c.relationshipToPartner;
  if (detailed) {
    out['allowDelegatedAccess'] = c.allowDelegatedAccess ?? false;
    out['customDomains'] = [...(c.customDomains ?? [])];
  }
  out['links'] = { self: link(`/v1/customers/${c.id}`) };
  out['attributes'] = { objectType: 'Customer' };
  return out;
}

export function subscriptionToWire(s: Subscription, customerId: string): Json {
  const { productType, ...rest } = s;
  return {
    ...rest,
    // Partner Center sends the product type as an ItemType object.
    ...(productType ? { productType: { id: productType, displayName: productType } } : {}),
    links: {
      self: link(`/v1/customers/${customerId}/subscriptions/${s.id}`),
      offer: link(`/v1/offers/${s.offerId}`),
    },
    attributes: { objectType: 'Subscription' },
  };
}

export function userToWire(u: CustomerUser, customerId: string): Json {
  return {
    ...u,
    userDomainType: 'none',
    links: { self: link(`/v1/customers/${customerId}/users/${u.id}`) },
    attributes: { objectType: 'CustomerUser' },
  };
}

export function skuToWire(s: SubscribedSku): Json {
  return {
    ...s,
    productSku: { ...s.productSku },
    servicePlans: s.servicePlans.map((p) => ({ ...p })),
    attributes: { objectType: 'SubscribedSku' },
  };
}

export function providerToWire(p: IndirectProvider): Json {
  return {
    id: p.id,
    name: p.name,
    relationshipType: p.relationshipType ?? 'is_indirect_cloud_solution_provider_of',
    state: p.state,
    mpnId: p.mpnId,
    location: p.location,
    attributes: { objectType: 'PartnerRelationship' },
  };
}

export function roleToWire(r: PartnerRole): Json {
  return { id: r.id, name: r.name, attributes: { objectType: 'DirectoryRole' } };
}

export function memberToWire(m: PartnerRoleMember): Json {
  return { ...m, attributes: { objectType: 'UserMember' } };
}

/** Partner Center's error body. */
export function errorBody(code: number, description: string): Json {
  return { code, description, data: [], source: 'PartnerFD' };
}

/** Recursively PascalCases property names (some Partner Center PATCH answers look like this). */
export function pascalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalize);
  if (value !== null && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json))
      out[k.charAt(0).toUpperCase() + k.slice(1)] = pascalize(v);
    return out;
  }
  return value;
}
