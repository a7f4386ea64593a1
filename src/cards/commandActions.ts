import { z } from 'zod';
import { COMMAND_NAMES, type CommandName } from '../i18n/commands';

/**
 * Command shortcut buttons (help card, welcome card, "Show invitations", a notification's "Open
 * customer"): an `Action.Execute` with this verb runs the command as if its word had been typed,
 * with `args` as what follows the word. The data names the command, not the localized word.
 */
export const COMMAND_VERB = 'command.run';

/** Longest `args` a shortcut may carry (a customer domain or a search). */
export const MAX_COMMAND_ARGS_CHARS = 200;

export const commandDataSchema = z.object({
  command: z.enum(COMMAND_NAMES),
  args: z.string().max(MAX_COMMAND_ARGS_CHARS).optional(),
});
export type CommandData = z.infer<typeof commandDataSchema>;

/** The data of a shortcut button for `command` [args]. */
export function commandData(command: CommandName, args?: string): CommandData {
  return args === undefined || args === '' ? { command } : { command, args };
}
