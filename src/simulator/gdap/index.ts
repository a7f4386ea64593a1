export {
  APPROVAL_WINDOW_DAYS,
  GDAP_EVENTS,
  GdapSimulatorModel,
  type ApproveInput,
  type GdapCustomerRef,
  type GdapSimulatorOptions,
} from './model';
export {
  GDAP_SIMULATOR_API_PATH,
  GDAP_SIMULATOR_PAGES_PATH,
  gdapSimulatorApprovalLink,
  registerGdapSimulatorRoutes,
  type GdapSimulatorRouteOptions,
} from './routes';
export { seedGdapRelationships } from './seed';
export { gdapResourceName, relationshipUri } from './wire';
