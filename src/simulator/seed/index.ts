/**
 * Deterministic demo data of the simulator: the partner, its indirect providers, its staff roster
 * and roles, and customers with subscriptions, users and licenses. Pure functions, no state.
 */
export { buildSubscription, deriveSubscribedSkus, type SubscriptionInput } from './catalogue';
export {
  buildUsers,
  DEMO_CUSTOMER_COUNT,
  generateSeedCustomers,
  type SeedCustomer,
  type SeedCustomerDetails,
  type SeedOptions,
} from './customers';
export { slugify } from './names';
export {
  SIMULATOR_BILLING_ADMIN_ROLE_ID,
  SIMULATOR_PARTNER,
  SIMULATOR_PARTNER_TENANT_ID,
  SIMULATOR_PROVIDERS,
  SIMULATOR_ROLE_IDS,
  SIMULATOR_ROLES,
  SIMULATOR_ROSTER,
  SIMULATOR_USERS,
  type RosterUser,
} from './partner';
