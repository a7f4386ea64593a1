import { CUSTOMER_VERBS } from '../../cards/customerListActions';
import type { Feature } from '../feature';
import type { DialogServices } from '../services';
import { CustomerListController } from './customerListController';
import { CustomersDialog } from './customersDialog';

/**
 * The customer list: `customers` / `kunden` [search], stateless card actions for paging, search
 * and expand, and "Remove customer relationship" on an expanded record, which starts the remove
 * command with `cardData.customerId`.
 */
export function createCustomersFeature(services: DialogServices): Feature {
  const controller = new CustomerListController(services);
  return {
    commands: { customers: new CustomersDialog(controller) },
    cardActions: {
      [CUSTOMER_VERBS.page]: controller.onPage,
      [CUSTOMER_VERBS.search]: controller.onSearch,
      [CUSTOMER_VERBS.expand]: controller.onExpand,
      [CUSTOMER_VERBS.open]: controller.onOpen,
    },
    // "Request admin access": the invite flow's admin-access-only entry (card data `{ customerId, adminAccessOnly: true }`).
    startVerbs: { [CUSTOMER_VERBS.remove]: 'remove', [CUSTOMER_VERBS.requestAdminAccess]: 'invite' },
  };
}
