import type { Feature } from '../feature';
import type { DialogServices } from '../services';
import { StatusController } from './statusController';
import { StatusDialog } from './statusDialog';

/** `status`: operations status for admins; only when the app provides a StatusService. */
export function createStatusFeature(services: DialogServices): Feature[] {
  if (!services.status) return [];
  return [{ commands: { status: new StatusDialog(new StatusController(services, services.status)) } }];
}
