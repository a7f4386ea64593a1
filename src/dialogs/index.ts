/**
 * The public entry point of `src/dialogs`: what the bot layer and the composition root
 * (`src/app.ts`) may use. Everything else in this folder is internal (enforced by
 * `.dependency-cruiser.cjs`).
 */
export {
  cardResponse,
  messageResponse,
  type CardActionHandler,
  type CardActionRequest,
} from './cardResponses';
export type { Feature } from './feature';
export {
  createFeatures,
  mergeCommands,
  registerFeatures,
  type CardActionRegistry,
  type RegisterFeaturesOptions,
} from './features';
export type { MainDialog } from './mainDialog';
export {
  createMessageExtension,
  type MessageExtensionHandler,
} from './messageExtension/customerSearchExtension';
export { sendCard } from './respond';
export type { DialogServices } from './services';
export { cachedUserToken } from './signIn';
