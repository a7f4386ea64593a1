/**
 * Intl formatters, one per locale, kept: constructing an Intl.NumberFormat or DateTimeFormat costs
 * far more than formatting with one, and every card of a page used to build its own.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Numbers as `Intl.NumberFormat(locale)` formats them. */
export function numberFormat(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f;
}

/** Dates as `Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })` formats them. */
export function mediumDateFormat(locale: string): Intl.DateTimeFormat {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f;
}
