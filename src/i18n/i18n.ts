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

export function translatorFor(locale: string | undefined | null): Translator {
  const language = languageOf(locale);
  return {
    language,
    locale: language === 'de' ? 'de-DE' : 'en-US',
    t: (key, params) => translate(language, key, params),
  };
}
