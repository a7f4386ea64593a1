/**
 * The invitation email draft: input limits, contact email check, the required-links check and
 * the mailto: URL. Plain TypeScript (no botbuilder, no i18n): the texts come in from the caller.
 */

/** Maximum lengths of what the user may type on the invite cards. */
export const INVITE_LIMITS = {
  subject: 200,
  body: 5000,
  companyName: 200,
  contactEmail: 254,
} as const;

/**
 * Longest mailto: URL we hand to an email client. Browsers and Outlook cope with more, but some
 * clients (and Windows' shell handler) cut or refuse URLs above roughly 2,000 characters.
 */
export const MAX_MAILTO_LENGTH = 2000;

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** A plain `local@domain.tld` address (no display names, no quoted local parts, no IP literals). */
export function isValidEmail(value: string): boolean {
  if (value.length === 0 || value.length > INVITE_LIMITS.contactEmail) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at !== value.indexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return local.length <= 64 && LOCAL_PART.test(local) && DOMAIN.test(domain);
}

/** Line breaks as `\n` (Teams inputs may send `\r\n`). */
function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Typed text as it is kept and shown: line breaks normalized, control characters (other than line
 * breaks and tabs) removed, lone surrogates replaced — they serve no purpose in an email and would
 * bloat the card JSON (each escaped as six characters).
 */
export function cleanText(text: string): string {
  return normalizeNewlines(text).replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
}

/** An http(s) URL without spaces: what a personalized link from Partner Center must look like. */
export function isUsableLink(link: string): boolean {
  if (link.length === 0 || link.length > 2048 || /\s/.test(link)) return false;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Characters that may stand right before the link (start of a token). */
const BEFORE = /[\s<([{"'«„“:]/;
/** Characters that may follow the link directly (end of a token). */
const AFTER = /[\s>)\]}"'»“”]/;
/** Punctuation that may follow the link when it ends the text or is followed by a blank. */
const PUNCTUATION = /[.,;:!?]/;

/**
 * Where the link stands in `text` as a whole token, exactly as given (not changed, not run into
 * other characters); -1 when it does not.
 */
function indexOfLink(text: string, link: string): number {
  if (!link) return -1;
  for (let from = 0; ;) {
    const i = text.indexOf(link, from);
    if (i < 0) return -1;
    const before = i === 0 ? '' : text.charAt(i - 1);
    const end = i + link.length;
    const after = text.charAt(end);
    const afterNext = text.charAt(end + 1);
    const okBefore = before === '' || BEFORE.test(before);
    const okAfter =
      after === '' ||
      AFTER.test(after) ||
      (PUNCTUATION.test(after) && (afterNext === '' || /\s/.test(afterNext)));
    if (okBefore && okAfter) return i;
    from = i + 1;
  }
}

/** True when the body still contains the personalized link exactly, as a link of its own. */
export function containsLink(text: string, link: string): boolean {
  return indexOfLink(text, link) >= 0;
}

/**
 * What a link in the email is for. The email must carry each required link unchanged: today the
 * reseller relationship link, and the GDAP approval link when the invite also asks for admin access
 * (an admin-access-only invite for an existing customer carries only that one).
 */
export type RequiredLinkKind = 'reseller' | 'adminAccess';

export interface RequiredLink {
  kind: RequiredLinkKind;
  url: string;
}

/** The required links that `text` does not contain exactly, in the given order. */
export function missingLinks(text: string, links: readonly RequiredLink[]): RequiredLink[] {
  return links.filter((link) => !containsLink(text, link.url));
}

/** Why a draft cannot be sent yet (checked in this order). */
export type DraftProblem =
  { kind: 'subjectRequired' } | { kind: 'bodyRequired' } | { kind: 'linkMissing'; link: RequiredLink };

/** The first reason the draft cannot be sent, or undefined when it can. */
export function draftProblem(
  draft: { subject: string; body: string },
  links: readonly RequiredLink[],
): DraftProblem | undefined {
  if (!draft.subject.trim()) return { kind: 'subjectRequired' };
  if (!draft.body.trim()) return { kind: 'bodyRequired' };
  const [missing] = missingLinks(draft.body, links);
  return missing ? { kind: 'linkMissing', link: missing } : undefined;
}

/** The text the user pastes into an email: subject line, blank line, body. */
export function finishedText(subjectLabel: string, subject: string, body: string): string {
  return `${subjectLabel}: ${subject.trim()}\n\n${normalizeNewlines(body).trim()}`;
}

interface MailtoDraft {
  /** Recipient (already validated), or undefined to let the user fill it in. */
  to?: string;
  subject: string;
  body: string;
  /** The personalized link; a shortened body always keeps it. */
  link: string;
}

interface Mailto {
  url: string;
  /** True when the body (or subject) had to be cut to stay within the length limit. */
  shortened: boolean;
}

/** RFC 6068: percent-encode everything outside the unreserved set; line breaks as CRLF. */
export function encodeMailtoText(text: string): string {
  return encodeURIComponent(normalizeNewlines(text).replace(LONE_SURROGATE, '\ufffd').replace(/\n/g, '\r\n'));
}

function encodeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return encodeURIComponent(address);
  return `${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
}

/** Marks a cut; the blank keeps it from running into a link that ends the kept text. */
const ELLIPSIS = ' …';

function mailtoUrl(to: string, subject: string, body: string): string {
  return `mailto:${to}?subject=${encodeMailtoText(subject)}&body=${encodeMailtoText(body)}`;
}

/** Cuts `text` to at most `n` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, n: number): string {
  let end = Math.min(n, text.length);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * The mailto: URL of the draft, at most `maxLength` characters. When the full text does not fit,
 * the body is cut (preferably at a blank), marked with "…", and the personalized link is appended
 * if the cut removed it — only the mailto is shortened; the draft itself stays as it is.
 */
export function buildMailto(draft: MailtoDraft, maxLength: number = MAX_MAILTO_LENGTH): Mailto {
  const to = draft.to ? encodeAddress(draft.to) : '';
  const body = normalizeNewlines(draft.body);
  const full = mailtoUrl(to, draft.subject, body);
  if (full.length <= maxLength) return { url: full, shortened: false };

  // Encoded length of every prefix of the body (a surrogate pair counts at its second half).
  const prefixLength: number[] = [0];
  let encoded = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const next = body.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      prefixLength.push(encoded);
      encoded += encodeMailtoText(body.slice(i, i + 2)).length;
      prefixLength.push(encoded);
      i++;
    } else {
      encoded += encodeMailtoText(body.charAt(i)).length;
      prefixLength.push(encoded);
    }
  }
  const linkIndex = indexOfLink(body, draft.link);
  const linkEnd = linkIndex < 0 ? Infinity : linkIndex + draft.link.length;
  const head = `mailto:${to}?subject=${encodeMailtoText(draft.subject)}&body=`.length;
  const ellipsis = encodeMailtoText(ELLIPSIS).length;
  const appendedLink = encodeMailtoText(`\n\n${draft.link}`).length;

  for (let n = body.length - 1; n >= 0; n--) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- n < body.length < prefixLength.length
    const total = head + prefixLength[n]! + ellipsis + (n >= linkEnd ? 0 : appendedLink);
    if (total > maxLength) continue;
    // Prefer a cut at a blank shortly before n (unless that would drop the link).
    let end = n;
    const blank = body.lastIndexOf(' ', n);
    const lineBreak = body.lastIndexOf('\n', n);
    const soft = Math.max(blank, lineBreak);
    if (soft > 0 && n - soft <= 40 && (soft >= linkEnd || n < linkEnd)) end = soft;
    const kept = cut(body, end).trimEnd();
    if (end >= linkEnd && kept.length < linkEnd) continue; // trimming never cuts into the link; be safe
    const shortened = `${kept}${ELLIPSIS}${end >= linkEnd ? '' : `\n\n${draft.link}`}`;
    const url = mailtoUrl(to, draft.subject, shortened);
    if (url.length <= maxLength) return { url, shortened: true };
  }

  // Not even the link fits after the subject: shorten the subject as well, body = the link alone.
  const bodyOnlyLink = `&body=${encodeMailtoText(draft.link)}`;
  let subject = draft.subject;
  while (subject.length > 0) {
    const url = `mailto:${to}?subject=${encodeMailtoText(`${subject}${ELLIPSIS}`)}${bodyOnlyLink}`;
    if (url.length <= maxLength) return { url, shortened: true };
    subject = cut(subject, subject.length - 10);
  }
  return { url: `mailto:${to}?body=${encodeMailtoText(draft.link)}`, shortened: true };
}

/** A coarse age for lists ("3 days ago", "vor 3 Tagen"), in the user's locale. */
export function formatAge(createdAt: string, now: Date, locale: string): string {
  const then = Date.parse(createdAt);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(0, 'second');
  if (abs < 3600) return format.format(Math.trunc(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.trunc(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return format.format(Math.trunc(seconds / 86_400), 'day');
  if (abs < 365 * 86_400) return format.format(Math.trunc(seconds / (30 * 86_400)), 'month');
  return format.format(Math.trunc(seconds / (365 * 86_400)), 'year');
}
