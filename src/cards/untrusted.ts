import type { MessageKey, MessageParams, Translator } from '../i18n/i18n';

/**
 * The one rule for text from outside (customer names and domains from Partner Center, names staff
 * type, user input echoed back): it is shown as the characters it is, never as live Markdown, a
 * link or Adaptive Card template code.
 *
 * Cards get this by default: `render` (src/cards/render.ts) applies `inert` to every data string
 * that ends up in a Markdown-rendering place (TextBlock text, Fact title and value; TextRun text,
 * which has no Markdown, only gets its links broken)
 * and takes template syntax out of every other displayed string, while Action data, verbs, ids and
 * URLs stay as they are. Text the bot itself writes with Markdown on purpose (catalog sentences
 * with **bold**, links the bot builds) is handed to cards as `TrustedText`, with any outside
 * parameter made inert first (`trustedSentence`). Chat messages are Markdown in Teams too: a
 * message that repeats outside text builds it with `sentence` (same rule for the parameters).
 */

/** Markdown the bot wrote itself: rendered as it is. Build it with `trustedSentence` or `trusted`. */
export class TrustedText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Text for a card field that may carry the bot's own Markdown. */
export type CardText = string | TrustedText;

/** Marks text the bot itself built (no outside part, or outside parts already `inert`). */
export function trusted(text: string): TrustedText {
  return new TrustedText(text);
}

/**
 * Characters Teams' Markdown (chat and Adaptive Card TextBlocks) would interpret anywhere in a line:
 * emphasis, strike-through, code, link brackets, autolinks and HTML. Parentheses alone are no
 * Markdown (a link needs the escaped `]` before them) and stay, as `{{DATE(…)}}` must.
 */
const MARKDOWN_CHARACTERS = /([\\*_[\]~`<>])/g;
/** A heading, a quote, a list item or an ordered list item at the start of a line. */
const LINE_START = /^(\s*)(#|[-+]|\d+[.)])(?=\s|$|#)/gm;
/** A URL Teams would make clickable: `scheme://…` and `www.…`. */
const SCHEME_URL = /\b([a-z][a-z0-9+.-]*):\/\//gi;
const WWW_URL = /\b(www)\./gi;
const TEMPLATE_EXPRESSION = /\$\{/g;
const ZERO_WIDTH_SPACE = '\u200b';

/** Template code (`${…}`) shown as text: a zero-width space after the `$`. */
export function withoutTemplateCode(text: string): string {
  return text.replace(TEMPLATE_EXPRESSION, `$${ZERO_WIDTH_SPACE}{`);
}

/**
 * Outside text made inert for a Markdown place: Markdown characters are backslash-escaped, heading
 * and list markers at a line start escaped, `scheme://` and `www.` broken with a zero-width space so no
 * client turns them into a link, and `${` cannot be read as template code. Bare domain names such
 * as `contoso.com` stay as they are: they are the data the cards show.
 */
export function inert(text: string): string {
  return unlinked(
    text
      .replace(MARKDOWN_CHARACTERS, '\\$1')
      .replace(LINE_START, (_m, space: string, marker: string) =>
        marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
      ),
  );
}

/**
 * Outside text for a place without Markdown that a client may still auto-link (a `TextRun`, whose
 * text Adaptive Cards show as it is: a backslash there would be seen): `scheme://` and `www.`
 * broken, `${` taken out, nothing escaped.
 */
export function unlinked(text: string): string {
  return withoutTemplateCode(
    text.replace(SCHEME_URL, `$1:/${ZERO_WIDTH_SPACE}/`).replace(WWW_URL, `$1${ZERO_WIDTH_SPACE}.`),
  );
}

function inertParams(params: MessageParams | undefined): MessageParams | undefined {
  if (!params) return undefined;
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params))
    out[name] = typeof value === 'string' ? inert(value) : value;
  return out;
}

/**
 * A URL as Markdown text that stays a (clickable) link: only an absolute http(s) URL with no
 * Markdown character, space or template code in it; anything else is made inert.
 */
export function linkText(url: string): string {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    return inert(url);
  }
  const plain = !/[\\*_[\]~`<>\s]/.test(url) && !url.includes('${');
  return (protocol === 'https:' || protocol === 'http:') && plain ? url : inert(url);
}

/** A link the bot shows (invitation links, the webhook URL): clickable when `linkText` allows. */
export function trustedUrl(url: string): TrustedText {
  return new TrustedText(linkText(url));
}

/** A catalog sentence for a chat message (Markdown in Teams): every string parameter made inert. */
export function sentence(t: Translator, key: MessageKey, params?: MessageParams): string {
  return t.t(key, inertParams(params));
}

/** A catalog sentence with its own Markdown for a card: parameters inert, the sentence trusted. */
export function trustedSentence(t: Translator, key: MessageKey, params?: MessageParams): TrustedText {
  return new TrustedText(sentence(t, key, params));
}
