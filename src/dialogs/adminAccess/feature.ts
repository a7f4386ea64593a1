import { ADMIN_ACCESS_VERBS } from '../../cards/adminAccessCards';
import type { Feature } from '../feature';
import type { DialogServices } from '../services';
import { AdminAccessDialog } from './adminAccessDialog';
import { AdminAccessListController } from './adminAccessList';

/**
 * Admin access (GDAP) at a glance: `admin access` / `adminzugriff` lists the partner's
 * relationships (stateless paging), and a notification's "Show admin access" starts it.
 */
export function createAdminAccessFeature(services: DialogServices): Feature {
  const controller = new AdminAccessListController(services);
  return {
    commands: { adminAccess: new AdminAccessDialog(controller) },
    cardActions: { [ADMIN_ACCESS_VERBS.page]: controller.onPage },
    startVerbs: { [ADMIN_ACCESS_VERBS.open]: 'adminAccess' },
  };
}
