export {
  getSimulatorCertificates,
  SIMULATOR_ROOT_CERT_SUBJECT,
  SIMULATOR_WEBHOOK_CERT_SUBJECT,
  type SimulatorCertificates,
} from './certificates';
export { FaultInjector, faultRuleSchema, faultRulesSchema, type FaultRule, type FaultType } from './faults';
export { registerSimulatorRoutes, type SimulatorRouteOptions } from './routes';
export {
  DEMO_CUSTOMER_COUNT,
  deriveSubscribedSkus,
  generateSeedCustomers,
  SIMULATOR_BILLING_ADMIN_ROLE_ID,
  SIMULATOR_PARTNER,
  SIMULATOR_PARTNER_TENANT_ID,
  SIMULATOR_PROVIDERS,
  SIMULATOR_ROLE_IDS,
  SIMULATOR_ROLES,
  SIMULATOR_ROSTER,
  SIMULATOR_USERS,
  type RosterUser,
  type SeedCustomer,
  type SeedCustomerDetails,
  type SubscriptionInput,
} from './seed';
export {
  createPartnerCenterSimulator,
  normalizeDomain,
  PartnerCenterSimulator,
  SIMULATOR_API_BASE_PATH,
  SIMULATOR_ERROR_CODES,
  SIMULATOR_PAGES_PATH,
  SimulatorApiError,
  WEBHOOK_EVENT_INDIRECT_RESELLER,
  WEBHOOK_EVENT_RESELLER,
  type AcceptInvitationInput,
  type AcceptInvitationResult,
  type PartnerCenterSimulatorOptions,
  type PartnerCenterWebhookEvent,
  type SimulatorCustomerInput,
  type WebhookDeliveryResult,
} from './simulator';
