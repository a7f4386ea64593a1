import * as adminAccess from './catalog/adminAccess';
import * as core from './catalog/core';
import * as customers from './catalog/customers';
import * as gdapExpiry from './catalog/gdapExpiry';
import * as invite from './catalog/invite';
import * as messageExtension from './catalog/messageExtension';
import * as notifications from './catalog/notifications';
import * as providers from './catalog/providers';
import * as removalRequest from './catalog/removalRequest';
import * as remove from './catalog/remove';
import * as status from './catalog/status';

/**
 * The message catalogue: one module per feature in ./catalog, merged here. Each module exports
 * `en` (the reference) and `de` (typed to have exactly the same keys).
 */
export const en = {
  ...core.en,
  ...customers.en,
  ...invite.en,
  ...remove.en,
  ...notifications.en,
  ...providers.en,
  ...status.en,
  ...adminAccess.en,
  ...removalRequest.en,
  ...gdapExpiry.en,
  ...messageExtension.en,
} as const;

export type MessageKey = keyof typeof en;

export const de: Record<MessageKey, string> = {
  ...core.de,
  ...customers.de,
  ...invite.de,
  ...remove.de,
  ...notifications.de,
  ...providers.de,
  ...status.de,
  ...adminAccess.de,
  ...removalRequest.de,
  ...gdapExpiry.de,
  ...messageExtension.de,
};
