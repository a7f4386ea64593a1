import { CUSTOMER_VERBS } from '../../cards/customerListActions';
import type { Feature } from '../feature';
import type { DialogServices } from '../services';
import { createRenewalCheck } from './renewalCheck';

/**
 * The GDAP expiry cards (sent by the expiry watch) start the customers feature's admin-access-only
 * invite with `customers.requestAdminAccess`; this feature checks such a click against Graph first.
 */
export function createGdapExpiryFeature(services: DialogServices): Feature {
  return { startGuards: { [CUSTOMER_VERBS.requestAdminAccess]: createRenewalCheck(services) } };
}
