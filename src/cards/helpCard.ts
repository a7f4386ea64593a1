import type { Translator } from '../i18n/i18n';
import { COMMAND_NAMES, COMMAND_WORDS, type CommandName } from '../i18n/commands';
import type { MessageKey } from '../i18n/messages';
import { defineCard, render, type AdaptiveCardJson } from './render';

export interface HelpCardData {
  title: string;
  intro: string;
  commands: { word: string; args: string; description: string }[];
  footer: string;
  buttons: { title: string; value: string }[];
}
export const helpTemplate = defineCard<HelpCardData>('help');

export interface WelcomeCardData {
  title: string;
  text: string;
  helpButton: string;
  helpCommand: string;
}
export const welcomeTemplate = defineCard<WelcomeCardData>('welcome');

const ARGS: Partial<Record<CommandName, MessageKey>> = {
  customers: 'help.arg.search',
  remove: 'help.arg.customer',
};

/** The word a user types for a command in their language. */
export function commandWord(t: Translator, command: CommandName): string {
  return COMMAND_WORDS[command][t.language];
}

export function helpCardData(t: Translator): HelpCardData {
  const argOf = (c: CommandName) => {
    const key = ARGS[c];
    return key ? t.t(key) : '';
  };
  return {
    title: t.t('help.title'),
    intro: t.t('help.intro'),
    commands: COMMAND_NAMES.map((c) => ({
      word: commandWord(t, c),
      args: argOf(c),
      description: t.t(`help.cmd.${c}` as MessageKey),
    })),
    footer: t.t('help.footer'),
    buttons: (['invite', 'customers', 'invitations'] as const).map((c) => ({
      title: commandWord(t, c),
      value: commandWord(t, c),
    })),
  };
}

export function renderHelpCard(t: Translator): AdaptiveCardJson {
  return render(helpTemplate, helpCardData(t));
}

export function renderWelcomeCard(t: Translator): AdaptiveCardJson {
  return render(welcomeTemplate, {
    title: t.t('welcome.title'),
    text: t.t('welcome.text'),
    helpButton: t.t('welcome.helpButton'),
    helpCommand: commandWord(t, 'help'),
  });
}
