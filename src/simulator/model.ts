/** What the simulator's parts share: paths, Partner Center's error codes and refusals, input shapes. */
import type { Customer, CustomerAddress, CustomerUser } from '../partnerCenter/types';
import type { SubscriptionInput } from './seed';

/** Path of the customer-facing pages (accept page, certificates, admin) on the host server. */
export const SIMULATOR_PAGES_PATH = '/simulator';
/** Default mount path of the simulated API on the host server. */
export const SIMULATOR_API_BASE_PATH = '/simulator/partner-center';
/** The real API host, used in webhook ResourceUris exactly as Partner Center sends them. */
export const REAL_PARTNER_CENTER_API = 'https://api.partnercenter.microsoft.com';

/** Error codes the simulator answers with (body `{code, description, data: [], source: 'PartnerFD'}`). */
export const SIMULATOR_ERROR_CODES = {
  /** 400: malformed request, page size, unknown filter, unknown provider. */
  invalidInput: 1000,
  /** 401: no Authorization header. */
  unauthorized: 1002,
  /** 404: customer / subscription / role not found (or not ours any more). */
  notFound: 600,
  /** 400: removal again — "The relationship between the partner and customer does not exist". */
  relationshipDoesNotExist: 3000,
  /** 400: removal refused while subscriptions are active. */
  activeSubscriptions: 3010,
  /** 403: users/licenses without delegated admin privileges. */
  noDelegatedAccess: 20002,
  /**
   * 403: an indirect reseller removing a reseller relationship (`SIMULATOR_RESELLER_REMOVAL=provider-only`).
   * Microsoft documents no error of its own for this: its "Remove a reseller relationship" page only
   * says indirect resellers can't remove relationships and must work through their indirect
   * provider. Partner Center answers operations an indirect reseller may not perform with
   * 403 Forbidden and code 1002 "Authorization Failed" (Partner-Center-PowerShell issues #49, #75,
   * #211), so the simulator does that, with a description that names the reason.
   */
  indirectResellerRemoval: 1002,
} as const;

/** The description of the provider-only refusal (see `indirectResellerRemoval`). */
export const INDIRECT_RESELLER_REMOVAL_DESCRIPTION =
  'Authorization Failed: indirect resellers cannot remove a reseller relationship. Ask your indirect provider to remove it.';

/**
 * Who may remove a reseller relationship: `allowed` (the seed: the partner itself) or
 * `provider-only` (today's rule for indirect resellers: only their indirect provider).
 */
export const RESELLER_REMOVAL_MODES = ['allowed', 'provider-only'] as const;
export type ResellerRemovalMode = (typeof RESELLER_REMOVAL_MODES)[number];

/** A refusal in Partner Center's manner; the routes turn it into an error answer. */
export class SimulatorApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
    this.name = 'SimulatorApiError';
  }
}

export function notFound(description: string): SimulatorApiError {
  return new SimulatorApiError(404, SIMULATOR_ERROR_CODES.notFound, description);
}

export function badRequest(description: string): SimulatorApiError {
  return new SimulatorApiError(400, SIMULATOR_ERROR_CODES.invalidInput, description);
}

/** Input for adding a customer directly (tests, benchmarks). */
export interface SimulatorCustomerInput {
  companyName: string;
  domain: string;
  id?: string;
  tenantId?: string;
  allowDelegatedAccess?: boolean;
  customDomains?: string[];
  email?: string;
  address?: CustomerAddress;
  subscriptions?: SubscriptionInput[];
  /** Users, or a number of generated users. */
  users?: (Partial<CustomerUser> & { displayName: string })[] | number;
  /** Tenant ids of indirect providers that also serve this customer. */
  providerIds?: string[];
}

/** The customer record `input` describes (a reseller relationship), with its id and normalized domain. */
export function customerFromInput(input: SimulatorCustomerInput, id: string, domain: string): Customer {
  const customer: Customer = {
    id,
    companyName: input.companyName,
    domain,
    tenantId: input.tenantId ?? id,
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: input.allowDelegatedAccess ?? true,
    customDomains: input.customDomains ?? [domain],
  };
  if (input.email !== undefined) customer.email = input.email;
  if (input.address !== undefined) customer.address = { ...input.address };
  return customer;
}

export interface AcceptInvitationInput {
  companyName: string;
  domain: string;
  indirectProviderId?: string;
}

export interface CustomerFilter {
  field: 'CompanyName' | 'Domain';
  value: string;
}

export interface CursorPage<T> {
  items: T[];
  totalCount: number;
  /** Cursor for the next page, if there is one. */
  next?: number;
}

/** Lower-case; a bare name gets ".onmicrosoft.com". */
export function normalizeDomain(domain: string): string {
  const d = domain.trim().toLowerCase().replace(/\.+$/, '');
  return d.includes('.') ? d : `${d}.onmicrosoft.com`;
}
