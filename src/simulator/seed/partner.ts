/** The simulated partner: its tenant, indirect providers, roles and staff roster. */
import type { IndirectProvider, PartnerRole } from '../../partnerCenter/types';
import type { PartnerRoleName } from '../../domain/roles';

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
