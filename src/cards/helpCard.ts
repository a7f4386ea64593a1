import type { Translator } from '../i18n/i18n';
import { COMMAND_NAMES, COMMAND_WORDS, type CommandName } from '../i18n/commands';
import type { MessageKey } from '../i18n/messages';
import { commandData, type CommandData } from './commandActions';
import { deepFreeze, defineCard, render, type AdaptiveCardJson } from './render';
import { trustedSentence, type CardText } from './untrusted';

export interface HelpCardData {
  title: string;
  intro: string;
  commands: { word: string; args: CardText; description: string }[];
  footer: string;
  buttons: { title: string; data: CommandData }[];
}
export const helpTemplate = defineCard<HelpCardData>('help');

export interface WelcomeCardData {
  title: string;
  text: string;
  helpButton: string;
  helpData: CommandData;
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
    return key ? trustedSentence(t, key) : '';
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
      data: commandData(c),
    })),
  };
}

/**
 * The help and welcome cards depend on nothing but the translator: each is rendered once per
 * translator (`translatorFor` hands out one per language) and shared, deep-frozen so that no
 * caller can change the copy every later turn sends.
 */
const helpCards = new WeakMap<Translator, AdaptiveCardJson>();
const welcomeCards = new WeakMap<Translator, AdaptiveCardJson>();

function once(
  cache: WeakMap<Translator, AdaptiveCardJson>,
  t: Translator,
  build: () => AdaptiveCardJson,
): AdaptiveCardJson {
  let card = cache.get(t);
  if (!card) {
    card = deepFreeze(build());
    cache.set(t, card);
  }
  return card;
}

/** The help card in the translator's language (shared and frozen: do not modify). */
export function renderHelpCard(t: Translator): AdaptiveCardJson {
  return once(helpCards, t, () => render(helpTemplate, helpCardData(t)));
}

/** The welcome card in the translator's language (shared and frozen: do not modify). */
export function renderWelcomeCard(t: Translator): AdaptiveCardJson {
  return once(welcomeCards, t, () =>
    render(welcomeTemplate, {
      title: t.t('welcome.title'),
      text: t.t('welcome.text'),
      helpButton: t.t('welcome.helpButton'),
      helpData: commandData('help'),
    }),
  );
}
