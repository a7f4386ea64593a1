import { arr, bool, compact, isRecord, num, obj, str, type JsonRecord } from './normalize';
import type {
  Customer,
  CustomerAddress,
  CustomerRelationship,
  CustomerUser,
  IndirectProvider,
  PartnerRole,
  PartnerRoleMember,
  SubscribedSku,
  Subscription,
} from './types';

/** Thrown when an answer lacks something required; the client turns it into kind 'unknown'. */
export class ResponseShapeError extends Error {}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new ResponseShapeError(`missing ${what}`);
  return value;
}

function record(v: unknown, what: string): JsonRecord {
  if (!isRecord(v)) throw new ResponseShapeError(`${what} is not an object`);
  return v;
}

/** Input: a key-normalized customer object (list item, GET or PascalCase PATCH answer). */
export function toCustomer(v: unknown): Customer {
  const o = record(v, 'customer');
  const profile = obj(o, 'companyProfile');
  const address = obj(profile, 'address');
  const billing = obj(o, 'billingProfile');
  const rawDomains = o['customdomains'];
  const customDomains = Array.isArray(rawDomains)
    ? rawDomains.filter((d): d is string => typeof d === 'string')
    : undefined;
  return compact<Customer>({
    id: required(str(o, 'id'), 'customer id'),
    companyName: str(profile, 'companyName') ?? '',
    domain: str(profile, 'domain') ?? '',
    tenantId: str(profile, 'tenantId') ?? str(o, 'id') ?? '',
    relationshipToPartner: str(o, 'relationshipToPartner') ?? 'unknown',
    allowDelegatedAccess: bool(o, 'allowDelegatedAccess'),
    customDomains,
    email: str(profile, 'email'),
    address: address ? toAddress(address) : undefined,
    billingProfile: billing
      ? compact({
          firstName: str(billing, 'firstName'),
          lastName: str(billing, 'lastName'),
          email: str(billing, 'email'),
          culture: str(billing, 'culture'),
          language: str(billing, 'language'),
          companyName: str(billing, 'companyName'),
        })
      : undefined,
  });
}

function toAddress(a: JsonRecord): CustomerAddress {
  return compact<CustomerAddress>({
    country: str(a, 'country'),
    region: str(a, 'region'),
    city: str(a, 'city'),
    state: str(a, 'state'),
    addressLine1: str(a, 'addressLine1'),
    addressLine2: str(a, 'addressLine2'),
    postalCode: str(a, 'postalCode'),
    firstName: str(a, 'firstName'),
    lastName: str(a, 'lastName'),
    phoneNumber: str(a, 'phoneNumber'),
  });
}

export function toSubscription(v: unknown): Subscription {
  const o = record(v, 'subscription');
  const offerName = str(o, 'offerName') ?? '';
  return compact<Subscription>({
    id: required(str(o, 'id'), 'subscription id'),
    offerId: str(o, 'offerId') ?? '',
    offerName,
    friendlyName: str(o, 'friendlyName') ?? offerName,
    quantity: num(o, 'quantity') ?? 0,
    unitType: str(o, 'unitType'),
    status: (str(o, 'status') ?? 'unknown').toLowerCase(),
    autoRenewEnabled: bool(o, 'autoRenewEnabled') ?? false,
    billingCycle: str(o, 'billingCycle'),
    termDuration: str(o, 'termDuration'),
    commitmentEndDate: str(o, 'commitmentEndDate'),
    creationDate: str(o, 'creationDate'),
    partnerId: str(o, 'partnerId'),
    productType: str(obj(o, 'productType'), 'id') ?? str(o, 'productType'),
    effectiveStartDate: str(o, 'effectiveStartDate'),
    cancellationAllowedUntilDate: str(o, 'cancellationAllowedUntilDate'),
    promotionId: str(o, 'promotionId'),
  });
}

export function toCustomerUser(v: unknown): CustomerUser {
  const o = record(v, 'user');
  const upn = str(o, 'userPrincipalName') ?? '';
  return compact<CustomerUser>({
    id: required(str(o, 'id'), 'user id'),
    userPrincipalName: upn,
    displayName: str(o, 'displayName') ?? upn,
    firstName: str(o, 'firstName'),
    lastName: str(o, 'lastName'),
    usageLocation: str(o, 'usageLocation'),
    state: str(o, 'state'),
  });
}

export function toSubscribedSku(v: unknown): SubscribedSku {
  const o = record(v, 'subscribed sku');
  const sku = obj(o, 'productSku');
  return compact<SubscribedSku>({
    availableUnits: num(o, 'availableUnits') ?? 0,
    activeUnits: num(o, 'activeUnits') ?? 0,
    consumedUnits: num(o, 'consumedUnits') ?? 0,
    suspendedUnits: num(o, 'suspendedUnits') ?? 0,
    totalUnits: num(o, 'totalUnits') ?? 0,
    warningUnits: num(o, 'warningUnits') ?? 0,
    capabilityStatus: str(o, 'capabilityStatus'),
    productSku: compact({
      id: required(str(sku, 'id'), 'productSku id'),
      name: str(sku, 'name') ?? '',
      skuPartNumber: str(sku, 'skuPartNumber') ?? '',
      targetType: str(sku, 'targetType'),
    }),
    servicePlans: arr(o, 'servicePlans')
      .filter(isRecord)
      .map((p) =>
        compact({
          id: str(p, 'id') ?? '',
          displayName: str(p, 'displayName') ?? '',
          serviceName: str(p, 'serviceName') ?? '',
          capabilityStatus: str(p, 'capabilityStatus') ?? '',
          targetType: str(p, 'targetType'),
        }),
      ),
  });
}

export function toIndirectProvider(v: unknown): IndirectProvider {
  const o = record(v, 'indirect provider');
  return compact<IndirectProvider>({
    id: required(str(o, 'id'), 'provider id'),
    name: str(o, 'name') ?? '',
    mpnId: str(o, 'mpnId') ?? '',
    location: str(o, 'location') ?? '',
    state: str(o, 'state') ?? '',
    relationshipType: str(o, 'relationshipType'),
  });
}

export function toCustomerRelationship(v: unknown): CustomerRelationship {
  const o = record(v, 'relationship');
  return compact<CustomerRelationship>({
    id: required(str(o, 'id'), 'relationship id'),
    name: str(o, 'name') ?? '',
    relationshipType: str(o, 'relationshipType') ?? '',
    state: str(o, 'state'),
    mpnId: str(o, 'mpnId'),
    location: str(o, 'location'),
  });
}

export function toRole(v: unknown): PartnerRole {
  const o = record(v, 'role');
  return { id: required(str(o, 'id'), 'role id'), name: str(o, 'name') ?? '' };
}

export function toRoleMember(v: unknown): PartnerRoleMember {
  const o = record(v, 'role member');
  return compact<PartnerRoleMember>({
    id: required(str(o, 'id'), 'member id'),
    displayName: str(o, 'displayName') ?? '',
    userPrincipalName: str(o, 'userPrincipalName') ?? '',
    roleId: str(o, 'roleId'),
  });
}

/** `items` of a collection answer; `null` or missing means empty. */
export function collectionItems(body: unknown): unknown[] {
  if (!isRecord(body)) throw new ResponseShapeError('collection is not an object');
  return arr(body, 'items');
}

export interface WireNextLink {
  uri: string;
  headers: { key: string; value: string }[];
}

/** `links.next` of a collection answer, if any. */
export function nextLink(body: unknown): WireNextLink | undefined {
  if (!isRecord(body)) return undefined;
  const next = obj(obj(body, 'links'), 'next');
  const uri = str(next, 'uri');
  if (!next || !uri) return undefined;
  const headers = arr(next, 'headers')
    .filter(isRecord)
    .map((h) => ({ key: str(h, 'key') ?? '', value: str(h, 'value') ?? '' }))
    .filter((h) => h.key !== '');
  return { uri, headers };
}
