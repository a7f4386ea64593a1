export {
  getSimulatorCertificates,
  SIMULATOR_ROOT_CERT_SUBJECT,
  SIMULATOR_WEBHOOK_CERT_SUBJECT,
  type SimulatorCertificates,
} from './certificates';
export { FaultInjector, faultRuleSchema, faultRulesSchema, type FaultRule, type FaultType } from './faults';
export {
  normalizeDomain,
  RESELLER_REMOVAL_MODES,
  SIMULATOR_API_BASE_PATH,
  SIMULATOR_ERROR_CODES,
  SIMULATOR_PAGES_PATH,
  SimulatorApiError,
  type AcceptInvitationInput,
  type ResellerRemovalMode,
  type SimulatorCustomerInput,
} from './model';
export {
  registerSimulatorRoutes,
  SIMULATOR_ROUTE_AREAS,
  type ApiHandler,
  type ApiMount,
  type ApiRegistrar,
  type SimulatorRouteArea,
  type SimulatorRouteOptions,
  type SimulatorRoutes,
} from './routes';
export * from './seed';
export {
  createPartnerCenterSimulator,
  PartnerCenterSimulator,
  type AcceptInvitationResult,
  type PartnerCenterSimulatorOptions,
} from './simulator';
export {
  WEBHOOK_EVENT_INDIRECT_RESELLER,
  WEBHOOK_EVENT_RESELLER,
  WebhookSender,
  type PartnerCenterWebhookEvent,
  type WebhookDeliveryResult,
  type WebhookSenderOptions,
} from './webhooks';
