/**
 * Deterministic demo data of the simulator: the partner, its indirect providers, its staff roster
 * and roles, and customers with subscriptions, users and licenses. Pure functions, no state.
 */
import type {
  Customer,
  CustomerAddress,
  CustomerUser,
  IndirectProvider,
  PartnerRole,
  SubscribedSku,
  Subscription,
  SubscriptionStatus,
} from '../partnerCenter/types';
import type { PartnerRoleName } from '../domain/roles';
import { createRng, guid, hashString, intBetween, pick, type Rng } from './random';

// ------------------------------------------------------------------ partner

/** The simulated indirect reseller's partner tenant id. */
export const SIMULATOR_PARTNER_TENANT_ID = '3f6d2a71-8c4e-4b1a-9d2f-6e0b7c5a1d48';

export const SIMULATOR_PARTNER = {
  tenantId: SIMULATOR_PARTNER_TENANT_ID,
  name: 'Northwind IT Services GmbH',
  mpnId: '6012345',
  domain: 'northwind-it.onmicrosoft.com',
  country: 'DE',
} as const;

const PROVIDER_RELATIONSHIP = 'is_indirect_cloud_solution_provider_of';

/** The three indirect providers (distributors) of the simulated reseller. */
export const SIMULATOR_PROVIDERS: readonly IndirectProvider[] = [
  {
    id: 'a7c1e3f5-2b4d-4e6f-8a1b-3c5d7e9f0a12',
    name: 'Adatum Distribution GmbH',
    mpnId: '4711001',
    location: 'DE',
    state: 'Active',
    relationshipType: PROVIDER_RELATIONSHIP,
  },
  {
    id: 'b8d2f4a6-3c5e-4f70-9b2c-4d6e8f0a1b23',
    name: 'Proseware Cloud Services GmbH',
    mpnId: '4711002',
    location: 'DE',
    state: 'Active',
    relationshipType: PROVIDER_RELATIONSHIP,
  },
  {
    id: 'c9e3a5b7-4d6f-4081-8c3d-5e7f9a1b2c34',
    name: 'Litware Distribution Austria GmbH',
    mpnId: '4711003',
    location: 'AT',
    state: 'Active',
    relationshipType: PROVIDER_RELATIONSHIP,
  },
];

// -------------------------------------------------------------------- roles

/** Role ids of `GET /v1/roles`. Global admin uses Entra's Global Administrator role template id. */
export const SIMULATOR_ROLE_IDS: Readonly<Record<PartnerRoleName, string>> = {
  GlobalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  AdminAgent: 'd1a2b3c4-0001-4a00-8000-00000000a0a0',
  SalesAgent: 'd1a2b3c4-0002-4a00-8000-00000000a0a0',
  HelpdeskAgent: 'd1a2b3c4-0003-4a00-8000-00000000a0a0',
};

export const SIMULATOR_BILLING_ADMIN_ROLE_ID = 'd1a2b3c4-0004-4a00-8000-00000000a0a0';

/** As `GET /v1/roles` lists them (Billing Administrator is one this app does not use). */
export const SIMULATOR_ROLES: readonly PartnerRole[] = [
  { id: SIMULATOR_ROLE_IDS.GlobalAdmin, name: 'Company Administrator' },
  { id: SIMULATOR_ROLE_IDS.AdminAgent, name: 'Admin Agent' },
  { id: SIMULATOR_ROLE_IDS.SalesAgent, name: 'Sales Agent' },
  { id: SIMULATOR_ROLE_IDS.HelpdeskAgent, name: 'Helpdesk Agent' },
  { id: SIMULATOR_BILLING_ADMIN_ROLE_ID, name: 'Billing Administrator' },
];

export interface RosterUser {
  /** AAD object id in the partner tenant (what Teams sends as `from.aadObjectId`). */
  aadObjectId: string;
  displayName: string;
  userPrincipalName: string;
  roles: PartnerRoleName[];
}

/** One partner user per role, for tests and demos. */
export const SIMULATOR_USERS = {
  globalAdmin: {
    aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000001',
    displayName: 'Greta Hoffmann',
    userPrincipalName: 'greta.hoffmann@northwind-it.onmicrosoft.com',
    roles: ['GlobalAdmin'],
  },
  adminAgent: {
    aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000002',
    displayName: 'Adrian Keller',
    userPrincipalName: 'adrian.keller@northwind-it.onmicrosoft.com',
    roles: ['AdminAgent'],
  },
  salesAgent: {
    aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000003',
    displayName: 'Sven Bauer',
    userPrincipalName: 'sven.bauer@northwind-it.onmicrosoft.com',
    roles: ['SalesAgent'],
  },
  helpdeskAgent: {
    aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000004',
    displayName: 'Hanna Vogel',
    userPrincipalName: 'hanna.vogel@northwind-it.onmicrosoft.com',
    roles: ['HelpdeskAgent'],
  },
} as const satisfies Record<string, RosterUser>;

/** The partner's staff as the roles API knows them (a second admin agent, Aylin, included). */
export const SIMULATOR_ROSTER: readonly RosterUser[] = [
  { ...SIMULATOR_USERS.globalAdmin, roles: ['GlobalAdmin'] },
  { ...SIMULATOR_USERS.adminAgent, roles: ['AdminAgent'] },
  {
    aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000005',
    displayName: 'Aylin Demir',
    userPrincipalName: 'aylin.demir@northwind-it.onmicrosoft.com',
    roles: ['AdminAgent'],
  },
  { ...SIMULATOR_USERS.salesAgent, roles: ['SalesAgent'] },
  { ...SIMULATOR_USERS.helpdeskAgent, roles: ['HelpdeskAgent'] },
];

// ---------------------------------------------------------------- catalogue

interface Offer {
  offerId: string;
  name: string;
  skuPartNumber: string;
  plans: readonly string[];
}

const OFFERS: readonly Offer[] = [
  {
    offerId: 'CFQ7TTC0LH18:0001',
    name: 'Microsoft 365 Business Basic',
    skuPartNumber: 'O365_BUSINESS_ESSENTIALS',
    plans: ['Exchange Online (Plan 1)', 'Microsoft Teams', 'SharePoint (Plan 1)'],
  },
  {
    offerId: 'CFQ7TTC0LDPB:0001',
    name: 'Microsoft 365 Business Standard',
    skuPartNumber: 'O365_BUSINESS_PREMIUM',
    plans: ['Exchange Online (Plan 1)', 'Microsoft Teams', 'Microsoft 365 Apps for business'],
  },
  {
    offerId: 'CFQ7TTC0LCHC:0002',
    name: 'Microsoft 365 Business Premium',
    skuPartNumber: 'SPB',
    plans: ['Exchange Online (Plan 1)', 'Microsoft Intune', 'Microsoft Defender for Business'],
  },
  {
    offerId: 'CFQ7TTC0LF8Q:0001',
    name: 'Office 365 E1',
    skuPartNumber: 'STANDARDPACK',
    plans: ['Exchange Online (Plan 1)', 'SharePoint (Plan 1)'],
  },
  {
    offerId: 'CFQ7TTC0LF8R:0001',
    name: 'Office 365 E3',
    skuPartNumber: 'ENTERPRISEPACK',
    plans: ['Exchange Online (Plan 2)', 'Microsoft 365 Apps for enterprise'],
  },
  {
    offerId: 'CFQ7TTC0LFLX:0001',
    name: 'Microsoft 365 E3',
    skuPartNumber: 'SPE_E3',
    plans: ['Exchange Online (Plan 2)', 'Microsoft Intune', 'Microsoft Entra ID P1'],
  },
  {
    offerId: 'CFQ7TTC0LFLZ:0001',
    name: 'Microsoft 365 E5',
    skuPartNumber: 'SPE_E5',
    plans: [
      'Exchange Online (Plan 2)',
      'Microsoft Defender for Office 365 (Plan 2)',
      'Microsoft Entra ID P2',
    ],
  },
  {
    offerId: 'CFQ7TTC0LH16:0001',
    name: 'Exchange Online (Plan 1)',
    skuPartNumber: 'EXCHANGESTANDARD',
    plans: ['Exchange Online (Plan 1)'],
  },
  {
    offerId: 'CFQ7TTC0LH0R:0001',
    name: 'Power BI Pro',
    skuPartNumber: 'POWER_BI_PRO',
    plans: ['Power BI Pro'],
  },
  {
    offerId: 'CFQ7TTC0LHSV:0001',
    name: 'Visio Plan 2',
    skuPartNumber: 'VISIOCLIENT',
    plans: ['Visio Desktop App', 'Visio Web App'],
  },
  {
    offerId: 'CFQ7TTC0LHWP:0001',
    name: 'Project Plan 3',
    skuPartNumber: 'PROJECTPROFESSIONAL',
    plans: ['Project Online Desktop Client', 'Project Online Service'],
  },
  {
    offerId: 'CFQ7TTC0LH0N:0001',
    name: 'Microsoft Teams Essentials',
    skuPartNumber: 'TEAMS_ESSENTIALS',
    plans: ['Microsoft Teams'],
  },
  {
    offerId: 'CFQ7TTC0LHPK:0001',
    name: 'Microsoft Defender for Business',
    skuPartNumber: 'DEFENDER_BUSINESS',
    plans: ['Microsoft Defender for Business'],
  },
];

// ---------------------------------------------------------------- customers

type Country = 'DE' | 'AT' | 'CH' | 'GB' | 'US' | 'IE' | 'NL' | 'FR' | 'BE' | 'DK' | 'SE';

const DEMO_COMPANIES: readonly (readonly [string, Country, string])[] = [
  ['Contoso GmbH', 'DE', 'München'],
  ['Fabrikam AG', 'DE', 'Stuttgart'],
  ['Müller & Söhne KG', 'DE', 'Augsburg'],
  ['Tailspin Toys Ltd', 'GB', 'London'],
  ['Bäckerei Schmidt GmbH', 'DE', 'Köln'],
  ['Schäfer Logistik GmbH & Co. KG', 'DE', 'Hamburg'],
  ['Northwind Traders Inc.', 'US', 'Seattle'],
  ['Weber Maschinenbau AG', 'DE', 'Chemnitz'],
  ['Autohaus Becker GmbH', 'DE', 'Dortmund'],
  ['Adventure Works Cycles', 'US', 'Bothell'],
  ['Zahnarztpraxis Dr. Fischer', 'DE', 'Bonn'],
  ['Steuerkanzlei Wagner & Partner mbB', 'DE', 'Frankfurt am Main'],
  ['Wide World Importers', 'US', 'San Francisco'],
  ['Hoffmann Elektrotechnik GmbH', 'DE', 'Leipzig'],
  ['Brauerei Zum Löwen GmbH', 'DE', 'Bamberg'],
  ['Litware Inc.', 'US', 'Redmond'],
  ['Kanzlei Schulz Rechtsanwälte', 'DE', 'Berlin'],
  ['Stadtwerke Musterstadt GmbH', 'DE', 'Kassel'],
  ['Proseware, Inc.', 'US', 'Chicago'],
  ['Möbelhaus Krüger KG', 'DE', 'Hannover'],
  ['Gärtnerei Lehmann', 'DE', 'Potsdam'],
  ['Woodgrove Bank', 'US', 'New York'],
  ['Ingenieurbüro Neumann GmbH', 'DE', 'Dresden'],
  ['Fahrschule Schwarz', 'DE', 'Nürnberg'],
  ['Alpine Ski House', 'US', 'Denver'],
  ['Physiotherapie Zimmermann', 'DE', 'Freiburg im Breisgau'],
  ['Café Braun', 'DE', 'Heidelberg'],
  ['Coho Winery', 'US', 'Napa'],
  ['Hotel Alpenblick GmbH', 'DE', 'Garmisch-Partenkirchen'],
  ['Druckerei Hartmann GmbH', 'DE', 'Mainz'],
  ['Lamna Healthcare Company', 'US', 'Boston'],
  ['Optik Krause e.K.', 'DE', 'Münster'],
  ['Apotheke am Markt', 'DE', 'Erfurt'],
  ['Trey Research', 'US', 'Austin'],
  ['Tischlerei Wolf GmbH', 'DE', 'Rostock'],
  ['Sanitätshaus Richter GmbH', 'DE', 'Essen'],
  ["Margie's Travel", 'IE', 'Dublin'],
  ['Nordwind Energie AG', 'DE', 'Kiel'],
  ['Kühne Spedition GmbH', 'DE', 'Bremen'],
  ['Fourth Coffee', 'NL', 'Amsterdam'],
  ['Fabrikam Immobilien GmbH', 'DE', 'Düsseldorf'],
  ['Contoso Pharma GmbH', 'DE', 'Mannheim'],
  ['Blue Yonder Airlines', 'CH', 'Zürich'],
  ['Elektro Klein GmbH', 'DE', 'Saarbrücken'],
  ['Bio-Hof Sonnenschein GbR', 'DE', 'Ulm'],
  ['Humongous Insurance', 'FR', 'Paris'],
  ['Weingut Schröder', 'DE', 'Würzburg'],
  ['Praxis Dr. Öztürk', 'DE', 'Duisburg'],
  ['Lucerne Publishing', 'CH', 'Luzern'],
  ['Schreiner & Söhne GmbH', 'DE', 'Regensburg'],
  ['Österreichische Holzbau GmbH', 'AT', 'Wien'],
  ['Graphic Design Institute', 'AT', 'Graz'],
  ['Alpenländische Versicherung AG', 'AT', 'Innsbruck'],
  ['Consolidated Messenger', 'BE', 'Brüssel'],
  ['Zürcher Feinmechanik AG', 'CH', 'Zürich'],
  ['Wingtip Toys', 'DK', 'Kopenhagen'],
  ['VanArsdel Ltd.', 'NL', 'Rotterdam'],
  ['Relecloud', 'SE', 'Stockholm'],
  ['Le Petit Bistro SARL', 'FR', 'Lyon'],
  ['Nordlicht Solutions AB', 'SE', 'Göteborg'],
];

/** Number of hand-written demo customers (the default `customers` option). */
export const DEMO_CUSTOMER_COUNT = DEMO_COMPANIES.length;

const TLD: Record<Country, string> = {
  DE: 'de',
  AT: 'at',
  CH: 'ch',
  GB: 'co.uk',
  US: 'com',
  IE: 'ie',
  NL: 'nl',
  FR: 'fr',
  BE: 'be',
  DK: 'dk',
  SE: 'se',
};
const GERMAN_SPEAKING: readonly Country[] = ['DE', 'AT', 'CH'];

const GEN_PREFIX = [
  'Alpen',
  'Nord',
  'Süd',
  'Rhein',
  'Elb',
  'Spree',
  'Isar',
  'Main',
  'Donau',
  'Harz',
  'Blue',
  'Silver',
  'Green',
  'Summit',
  'Harbor',
  'Pioneer',
];
const GEN_CORE = [
  'Logistik',
  'Technik',
  'Consulting',
  'Bau',
  'Handel',
  'Medien',
  'Software',
  'Energie',
  'Design',
  'Foods',
  'Systems',
  'Partners',
  'Labs',
  'Retail',
  'Analytics',
];
const GEN_SUFFIX: readonly (readonly [string, Country])[] = [
  ['GmbH', 'DE'],
  ['AG', 'DE'],
  ['KG', 'DE'],
  ['GmbH & Co. KG', 'DE'],
  ['e.K.', 'DE'],
  ['GmbH', 'AT'],
  ['AG', 'CH'],
  ['Ltd', 'GB'],
  ['Inc.', 'US'],
  ['B.V.', 'NL'],
];
const CITIES: Record<Country, readonly string[]> = {
  DE: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Düsseldorf', 'Leipzig'],
  AT: ['Wien', 'Graz', 'Linz', 'Salzburg'],
  CH: ['Zürich', 'Basel', 'Bern'],
  GB: ['London', 'Manchester'],
  US: ['Seattle', 'Chicago'],
  IE: ['Dublin'],
  NL: ['Amsterdam', 'Utrecht'],
  FR: ['Paris'],
  BE: ['Brüssel'],
  DK: ['Kopenhagen'],
  SE: ['Stockholm'],
};
const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Gartenweg',
  'Industriestraße',
  'Marktplatz',
  'Lindenallee',
  'High Street',
  'Main Street',
];
const FIRST_NAMES = [
  'Anna',
  'Lukas',
  'Sophie',
  'Jonas',
  'Marie',
  'Felix',
  'Lea',
  'Paul',
  'Emma',
  'Leon',
  'Mia',
  'Elias',
  'Hannah',
  'Noah',
  'Zeynep',
  'Mehmet',
  'Olga',
  'Piotr',
  'Sarah',
  'David',
  'Chloé',
  'James',
  'Aoife',
  'Lars',
  'Jürgen',
  'Björn',
];
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Yılmaz',
  'Kowalski',
  'Novak',
  'Smith',
  'Jones',
  'Dubois',
  "O'Brien",
  'Jensen',
  'Andersson',
  'Groß',
  'Köhler',
];

/** ASCII slug for domains and user names: ä→ae, ß→ss, accents dropped, legal forms removed. */
export function slugify(name: string, maxLength = 27): string {
  const withoutForms = name.replace(
    /\b(GmbH & Co\. KG|GmbH|AG|KG|mbB|GbR|e\.K\.|Ltd\.?|Inc\.?|SARL|AB|B\.V\.|Company)(?=\s|$|,)/g,
    ' ',
  );
  const folded = withoutForms
    .replace(/ä/gi, 'ae')
    .replace(/ö/gi, 'oe')
    .replace(/ü/gi, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return (folded || 'customer').slice(0, maxLength);
}

/** A customer of the seed, with details generated on demand (cheap for 10 000 customers). */
export interface SeedCustomer {
  customer: Customer;
  providerIds: string[];
  details(): SeedCustomerDetails;
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
}

/** Deterministic customers: the hand-written demo companies first, then generated ones. */
export function generateSeedCustomers(options: SeedOptions): SeedCustomer[] {
  const out: SeedCustomer[] = [];
  const taken = options.takenDomains ?? new Set<string>();
  const start = options.startIndex ?? 0;
  for (let i = start; i < start + options.count; i++) {
    out.push(seedCustomer(i, options.seed, taken));
  }
  return out;
}

function seedCustomer(index: number, seed: number | string, taken: Set<string>): SeedCustomer {
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
    details: () => (details ??= seedDetails(index, seed, customer, country)),
  };
}

function seedDetails(
  index: number,
  seed: number | string,
  customer: Customer,
  country: Country,
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
    subscriptions.push(buildSubscription(rng, { offerId: offer.offerId, offerName: offer.name, status }, s));
  }
  const userCount = index === 2 ? 620 : intBetween(rng, 3, 30);
  const users = buildUsers(rng, customer.domain, userCount, country);
  return { subscriptions, users };
}

const EPOCH = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

export interface SubscriptionInput {
  id?: string;
  offerId?: string;
  offerName?: string;
  friendlyName?: string;
  quantity?: number;
  status?: SubscriptionStatus;
  autoRenewEnabled?: boolean;
  billingCycle?: string;
}

export function buildSubscription(rng: Rng, input: SubscriptionInput, ordinal: number): Subscription {
  const offer =
    OFFERS.find((o) => o.offerId === input.offerId || o.name === input.offerName) ?? pick(rng, OFFERS);
  const created = EPOCH - intBetween(rng, 0, 900) * DAY;
  const annual = input.billingCycle ? input.billingCycle === 'annual' : rng() < 0.4;
  const offerName = input.offerName ?? offer.name;
  return {
    id: input.id ?? guid(rng),
    offerId: input.offerId ?? offer.offerId,
    offerName,
    friendlyName: input.friendlyName ?? (ordinal % 4 === 3 ? `${offerName} (${ordinal + 1})` : offerName),
    quantity: input.quantity ?? intBetween(rng, 1, 50),
    unitType: 'Licenses',
    status: input.status ?? 'active',
    autoRenewEnabled: input.autoRenewEnabled ?? rng() < 0.8,
    billingCycle: annual ? 'annual' : 'monthly',
    termDuration: 'P1Y',
    creationDate: new Date(created).toISOString(),
    commitmentEndDate: new Date(created + 365 * DAY).toISOString(),
  };
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

/** Licenses as Partner Center derives them: one SKU per offer with active or suspended units. */
export function deriveSubscribedSkus(subscriptions: readonly Subscription[]): SubscribedSku[] {
  const byOffer = new Map<string, SubscribedSku>();
  for (const s of subscriptions) {
    if (s.status !== 'active' && s.status !== 'suspended') continue;
    const offer = OFFERS.find((o) => o.offerId === s.offerId);
    let sku = byOffer.get(s.offerId);
    if (!sku) {
      const skuId = guid(createRng(`sku:${s.offerId}`));
      sku = {
        availableUnits: 0,
        activeUnits: 0,
        consumedUnits: 0,
        suspendedUnits: 0,
        totalUnits: 0,
        warningUnits: 0,
        capabilityStatus: 'Enabled',
        productSku: {
          id: skuId,
          name: s.offerName,
          skuPartNumber: offer?.skuPartNumber ?? slugify(s.offerName).toUpperCase(),
          targetType: 'User',
        },
        servicePlans: (offer?.plans ?? [s.offerName]).map((p) => ({
          id: guid(createRng(`plan:${p}`)),
          displayName: p,
          serviceName: slugify(p, 40).toUpperCase(),
          capabilityStatus: 'Enabled',
          targetType: 'User',
        })),
      };
      byOffer.set(s.offerId, sku);
    }
    if (s.status === 'active') {
      sku.activeUnits += s.quantity;
      sku.totalUnits += s.quantity;
    } else {
      sku.suspendedUnits += s.quantity;
    }
  }
  for (const sku of byOffer.values()) {
    sku.consumedUnits = Math.floor(sku.totalUnits * 0.8);
    sku.availableUnits = sku.totalUnits - sku.consumedUnits;
    if (sku.totalUnits === 0) sku.capabilityStatus = 'Suspended';
  }
  return [...byOffer.values()];
}

/** Stable hash-based id for things that need one without an rng at hand. */
export function stableGuid(key: string): string {
  return guid(createRng(hashString(key)));
}
