import type { StatePropertyAccessor } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import type { CommandName } from '../i18n/commands';
import { COMMAND_VERB, commandDataSchema } from '../cards/commandActions';
import { respondExpired, takeCardResponse } from './cardFlow';
import { messageResponse, type CardActionHandler } from './cardResponses';
import { createAdminAccessFeature } from './adminAccess/feature';
import { createCustomersFeature } from './customers/feature';
import { createGdapExpiryFeature } from './gdapExpiry/feature';
import type { Feature } from './feature';
import { createInviteFeature } from './invite/feature';
import { MainDialog } from './mainDialog';
import { createNotificationsFeature } from './notifications/feature';
import { createProvidersFeature } from './providers/feature';
import { createRemoveFeature } from './remove/feature';
import { createStatusFeature } from './status/feature';
import type { DialogServices } from './services';

/** The feature modules of this build; each adds commands, dialog verbs and card actions. */
export function createFeatures(services: DialogServices): Feature[] {
  return [
    createCustomersFeature(services),
    createInviteFeature(services),
    createRemoveFeature(services),
    createNotificationsFeature(services),
    createProvidersFeature(services),
    createAdminAccessFeature(services),
    ...createStatusFeature(services),
    createGdapExpiryFeature(services),
  ];
}

/** Where card action verbs are registered (the bot's CardActionRouter). */
export interface CardActionRegistry {
  register(verb: string, handler: CardActionHandler): unknown;
}

export interface RegisterFeaturesOptions {
  cardActions: CardActionRegistry;
  /** The conversation's dialog state, for verbs routed into the dialog stack. */
  dialogState: StatePropertyAccessor<DialogState>;
  /** Bot Service OAuth connection (production): see MainDialog. */
  signInConnection?: string;
}

/** Every feature's command dialogs in one table; a command offered by two features is a wiring error. */
export function mergeCommands(features: readonly Feature[]): Partial<Record<CommandName, Dialog>> {
  const commands: Partial<Record<CommandName, Dialog>> = {};
  for (const feature of features) {
    for (const [command, dialog] of Object.entries(feature.commands ?? {}) as [CommandName, Dialog][]) {
      if (commands[command]) throw new Error(`command offered by two features: ${command}`);
      commands[command] = dialog;
    }
  }
  return commands;
}

/**
 * Builds the main dialog over the features' commands and registers their verbs: dialog verbs
 * and start verbs run the main dialog (a click no waiting flow takes is answered "expired"),
 * stateless card actions go straight to their handler.
 */
export function registerFeatures(features: readonly Feature[], options: RegisterFeaturesOptions): MainDialog {
  const { cardActions, dialogState } = options;
  const mainDialog = new MainDialog(mergeCommands(features), { signInConnection: options.signInConnection });
  const answer: CardActionHandler = ({ context }) => {
    const response = takeCardResponse(context);
    if (response) return Promise.resolve(response);
    respondExpired(context);
    return Promise.resolve(takeCardResponse(context) ?? messageResponse(''));
  };
  const guards = new Map(features.flatMap((f) => Object.entries(f.startGuards ?? {})));
  for (const feature of features) {
    for (const verb of feature.dialogVerbs ?? []) {
      cardActions.register(verb, async (request) => {
        await mainDialog.run(request.context, dialogState);
        return answer(request);
      });
    }
    for (const [verb, command] of Object.entries(feature.startVerbs ?? {})) {
      cardActions.register(verb, async (request) => {
        const stop = await guards.get(verb)?.(request);
        if (stop) return stop;
        await mainDialog.runCommand(request.context, dialogState, command, request.data);
        return answer(request);
      });
    }
    for (const [verb, handler] of Object.entries(feature.cardActions ?? {}))
      cardActions.register(verb, handler);
  }
  // Command shortcut buttons: run the command as if typed (a dialog that sends a new card leaves
  // the clicked card as it is and says so).
  cardActions.register(COMMAND_VERB, async (request) => {
    const parsed = commandDataSchema.safeParse(request.data);
    if (!parsed.success) return messageResponse(request.t.t('card.invalid'));
    const { command, args } = parsed.data;
    await mainDialog.runCommand(request.context, dialogState, command, undefined, args ?? '');
    return takeCardResponse(request.context) ?? messageResponse(request.t.t('command.startedBelow'));
  });
  return mainDialog;
}
