import type { Feature } from '../feature';
import type { DialogServices } from '../services';
import { NotificationsDialog } from './notificationsDialog';
import { createReminderActions } from './reminderActions';

/** `notifications on|off` in channels, and the buttons of the reminder card. */
export function createNotificationsFeature(services: DialogServices): Feature {
  return {
    commands: { notifications: new NotificationsDialog(services) },
    cardActions: createReminderActions(services),
  };
}
