import { de, en, type MessageKey } from './messages';

export type Language = 'en' | 'de';
export type { MessageKey };

const catalogues: Record<Language, Record<MessageKey, string>> = { en, de };

/** Picks the language from a BCP-47 locale such as `de-DE`; English is the fallback. */
export function languageOf(locale: string | undefined | null): Language {
  return locale?.trim().toLowerCase().startsWith('de') ? 'de' : 'en';
}

export type MessageParams = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

/** A translator bound to one language, handed to cards and dialogs. */
export interface Translator {
  readonly language: Language;
  readonly locale: string;
  t(key: MessageKey, params?: MessageParams): string;
}

/** One translator per language, made once: turns and cards share them (cards cache by translator). */
function makeTranslator(language: Language): Translator {
  return Object.freeze({
    language,
    locale: language === 'de' ? 'de-DE' : 'en-US',
    t: (key: MessageKey, params?: MessageParams) => translate(language, key, params),
  });
}
const translators: Record<Language, Translator> = { en: makeTranslator('en'), de: makeTranslator('de') };

export function translatorFor(locale: string | undefined | null): Translator {
  return translators[languageOf(locale)];
}
