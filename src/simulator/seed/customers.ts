/** Deterministic demo customers with subscriptions and users (details generated on demand). */
import type {
  Customer,
  CustomerAddress,
  CustomerUser,
  Subscription,
  SubscriptionStatus,
} from '../../partnerCenter/types';
import { createRng, guid, intBetween, pick, type Rng } from '../random';
import { buildSubscription, OFFERS, type SubscriptionInput } from './catalogue';
import {
  CITIES,
  DEMO_COMPANIES,
  FIRST_NAMES,
  GEN_CORE,
  GEN_PREFIX,
  GEN_SUFFIX,
  GERMAN_SPEAKING,
  LAST_NAMES,
  slugify,
  STREETS,
  TLD,
  type Country,
} from './names';
import { SIMULATOR_PROVIDERS } from './partner';

export const DEMO_CUSTOMER_COUNT = DEMO_COMPANIES.length;

/** A customer of the seed, with details generated on demand (cheap for 10 000 customers). */
export interface SeedCustomer {
  customer: Customer;
  providerIds: string[];
  readonly details: () => SeedCustomerDetails;
}

export interface SeedCustomerDetails {
  subscriptions: Subscription[];
  users: CustomerUser[];
}

export interface SeedOptions {
  count: number;
  seed: number | string;
  /** Index of the first customer (for adding generated customers later). */
  startIndex?: number;
  /** Domains already taken (generated domains avoid them). */
  takenDomains?: Set<string>;
  /** "Now" for the demo dates (default: the current time); dates are relative to its day. */
  now?: number;
}

/** Deterministic customers: the hand-written demo companies first, then generated ones. */
export function generateSeedCustomers(options: SeedOptions): SeedCustomer[] {
  const out: SeedCustomer[] = [];
  const taken = options.takenDomains ?? new Set<string>();
  const start = options.startIndex ?? 0;
  for (let i = start; i < start + options.count; i++) {
    out.push(seedCustomer(i, options.seed, taken, options.now));
  }
  return out;
}

function seedCustomer(
  index: number,
  seed: number | string,
  taken: Set<string>,
  now: number | undefined,
): SeedCustomer {
  const rng = createRng(`${seed}:customer:${index}`);
  const demo = DEMO_COMPANIES[index];
  let companyName: string;
  let country: Country;
  let city: string;
  if (demo) {
    [companyName, country, city] = demo;
  } else {
    const [suffix, c] = pick(rng, GEN_SUFFIX);
    companyName = `${pick(rng, GEN_PREFIX)} ${pick(rng, GEN_CORE)} ${index + 1} ${suffix}`;
    country = c;
    city = pick(rng, CITIES[country]);
  }
  const slug = slugify(companyName);
  let prefix = slug;
  for (let n = 2; taken.has(`${prefix}.onmicrosoft.com`); n++) prefix = `${slug.slice(0, 24)}${n}`;
  const domain = `${prefix}.onmicrosoft.com`;
  taken.add(domain);
  const id = guid(rng);
  const customDomain = `${slug}.${TLD[country]}`;
  const german = GERMAN_SPEAKING.includes(country);
  const address: CustomerAddress = {
    country,
    city,
    postalCode: String(intBetween(rng, 10000, 99999)),
    addressLine1: `${pick(rng, STREETS)} ${intBetween(rng, 1, 120)}`,
  };
  const customer: Customer = {
    id,
    companyName,
    domain,
    tenantId: id,
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: index % 6 !== 4,
    customDomains: [domain, customDomain],
    email: `it@${customDomain}`,
    address,
    billingProfile: {
      email: `buchhaltung@${customDomain}`,
      culture: german ? 'de-DE' : 'en-US',
      language: german ? 'de' : 'en',
      companyName,
    },
  };
  const provider = SIMULATOR_PROVIDERS[index % SIMULATOR_PROVIDERS.length];
  const providerIds = index % 8 === 7 || !provider ? [] : [provider.id];
  let details: SeedCustomerDetails | undefined;
  return {
    customer,
    providerIds,
    details: () => (details ??= seedDetails(index, seed, customer, country, now)),
  };
}

function seedDetails(
  index: number,
  seed: number | string,
  customer: Customer,
  country: Country,
  now: number | undefined,
): SeedCustomerDetails {
  const rng = createRng(`${seed}:details:${index}`);
  let subscriptionCount: number;
  let suspendedShare = 0.15;
  if (index % 9 === 3) subscriptionCount = 0;
  else if (index % 9 === 6) {
    subscriptionCount = intBetween(rng, 1, 3);
    suspendedShare = 1;
  } else if (index % 10 === 1) subscriptionCount = intBetween(rng, 12, 18);
  else subscriptionCount = intBetween(rng, 1, 5);

  const subscriptions: Subscription[] = [];
  for (let s = 0; s < subscriptionCount; s++) {
    const offer = pick(rng, OFFERS);
    const status: SubscriptionStatus = rng() < suspendedShare ? 'suspended' : 'active';
    // Today's license subscriptions are new commerce; every ninth customer bought one two days ago
    // (still inside its 7-day cancellation window).
    const input: SubscriptionInput = {
      offerId: offer.offerId,
      offerName: offer.name,
      status,
      newCommerce: true,
    };
    if (index % 9 === 0 && s === 0) input.purchasedDaysAgo = 2;
    subscriptions.push(buildSubscription(rng, input, s, now ?? Date.now()));
  }
  const userCount = index === 2 ? 620 : intBetween(rng, 3, 30);
  const users = buildUsers(rng, customer.domain, userCount, country);
  return { subscriptions, users };
}

export function buildUsers(rng: Rng, domain: string, count: number, country = 'DE'): CustomerUser[] {
  const users: CustomerUser[] = [];
  const used = new Set<string>();
  for (let u = 0; u < count; u++) {
    const firstName = pick(rng, FIRST_NAMES);
    const lastName = pick(rng, LAST_NAMES);
    const base = `${slugify(firstName, 20)}.${slugify(lastName, 20)}`;
    let local = base;
    for (let n = 2; used.has(local); n++) local = `${base}${n}`;
    used.add(local);
    users.push({
      id: guid(rng),
      userPrincipalName: `${local}@${domain}`,
      displayName: `${firstName} ${lastName}`,
      firstName,
      lastName,
      usageLocation: country,
      state: 'active',
    });
  }
  return users;
}
