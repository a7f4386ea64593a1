export type { AuthKind, CallContext, PartnerCenterClient, TokenProvider } from './client';
export { MAX_PAGE_SIZE } from './client';
export {
  classifyHttpError,
  isPartnerCenterError,
  PARTNER_CENTER_ERROR_KINDS,
  PartnerCenterError,
  PC_CODE_RELATIONSHIP_DOES_NOT_EXIST,
  type PartnerCenterErrorKind,
} from './errors';
export {
  HttpPartnerCenterClient,
  PARTNER_CENTER_BASE_URL,
  parseRetryAfterMs,
  type HttpPartnerCenterClientOptions,
} from './httpClient';
export { normalizeKeys } from './normalize';
export {
  DelegatedTokenProvider,
  MsalAppOnlyTokenProvider,
  PARTNER_CENTER_SCOPE,
  StaticTokenProvider,
  type ClientCredentialApplication,
  type DelegatedTokenProviderOptions,
  type MsalAppOnlyTokenProviderOptions,
} from './tokenProviders';
export type * from './types';
export {
  ACCEPTANCE_WEBHOOK_EVENTS,
  BOT_WEBHOOK_EVENTS,
  BOT_WEBHOOK_PATH,
  checkRegistration,
  GDAP_WEBHOOK_EVENTS,
  WebhookRegistrationClient,
  type RegistrationCheck,
  type ValidationEventStatus,
  type WebhookRegistration,
} from './webhookRegistration';
