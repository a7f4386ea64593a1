/**
 * What may go into a span or metric attribute, derived from requests without copying any user
 * content: route templates instead of paths (ids become `{id}`, queries are dropped), command
 * words from a fixed list, card verbs of a fixed shape. Message text, names, emails and tokens
 * never pass through here.
 */

const VERSION_SEGMENT = /^(v\d+(\.\d+)?|beta)$/i;
const WORD_SEGMENT = /^[A-Za-z$]+$/;

/**
 * `GET /v1/customers/{id}/subscriptions` from `/v1/customers/8c2…/subscriptions?size=20` or a full
 * URL (Graph's nextLink): everything before the API version is dropped, a segment that is not a
 * plain word becomes `{id}`.
 */
export function routeTemplate(pathOrUrl: string): string {
  let path = pathOrUrl;
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return '{unparsable}';
    }
  }
  path = path.split(/[?#]/, 1)[0] ?? '';
  const segments = path.split('/').filter(Boolean);
  const version = segments.findIndex((s) => VERSION_SEGMENT.test(s));
  const kept = version >= 0 ? segments.slice(version) : segments;
  return '/' + kept.map((s, i) => ((i === 0 && version >= 0) || WORD_SEGMENT.test(s) ? s : '{id}')).join('/');
}

/** Chat commands (English and German words of src/i18n/commands.ts) → their English name. */
const COMMANDS: Readonly<Record<string, string>> = {
  help: 'help',
  hilfe: 'help',
  invite: 'invite',
  einladen: 'invite',
  customers: 'customers',
  kunden: 'customers',
  remove: 'remove',
  entfernen: 'remove',
  invitations: 'invitations',
  einladungen: 'invitations',
  providers: 'providers',
  anbieter: 'providers',
  admin: 'admin access',
  adminzugriff: 'admin access',
  audit: 'audit',
  protokoll: 'audit',
  notifications: 'notifications',
  benachrichtigungen: 'notifications',
  status: 'status',
  signout: 'signout',
  abmelden: 'signout',
  cancel: 'cancel',
  abbrechen: 'cancel',
};

const VERB = /^[A-Za-z][A-Za-z0-9._:-]{0,47}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

/** The command word of a chat message (after an @mention), or `other`; never the text itself. */
export function commandOf(text: unknown): string {
  if (typeof text !== 'string') return 'none';
  const first = text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .split(/\s+/, 1)[0]
    ?.toLowerCase();
  return (first && COMMANDS[first]) || 'other';
}

/** A card verb of the expected shape, else `invalid` (forged data never becomes an attribute). */
export function verbOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { action?: { verb?: unknown }; verb?: unknown };
  const verb = v.action?.verb ?? v.verb;
  if (verb === undefined) return undefined;
  return typeof verb === 'string' && VERB.test(verb) ? verb : 'invalid';
}

export type TurnAttributes = {
  'bot.activity.type': string;
  /** The command word, card verb, invoke name or activity type: what the turn was about. */
  'bot.turn.kind': string;
  'bot.locale'?: string;
  'bot.channel'?: string;
};

/** Attributes of an incoming activity (the parsed POST /api/messages body). */
export function turnAttributes(body: unknown): TurnAttributes {
  const a = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const type = typeof a['type'] === 'string' && WORD_SEGMENT.test(a['type']) ? a['type'] : 'unknown';
  let kind: string = type;
  if (type === 'message') {
    kind = verbOf(a['value']) ?? commandOf(a['text']);
  } else if (type === 'invoke') {
    const name =
      typeof a['name'] === 'string' && VERB.test(a['name'].replace('/', ':')) ? a['name'] : 'invoke';
    kind = name === 'adaptiveCard/action' ? (verbOf(a['value']) ?? name) : name;
  }
  const locale = typeof a['locale'] === 'string' && LOCALE.test(a['locale']) ? a['locale'] : undefined;
  const channel =
    typeof a['channelId'] === 'string' && WORD_SEGMENT.test(a['channelId']) ? a['channelId'] : undefined;
  return {
    'bot.activity.type': type,
    'bot.turn.kind': kind,
    ...(locale ? { 'bot.locale': locale } : {}),
    ...(channel ? { 'bot.channel': channel } : {}),
  };
}

/** `2xx`…`5xx`, or the failure without an answer. */
export function statusClass(status: number | undefined, failure?: string): string {
  if (status === undefined) return failure ?? 'none';
  return `${Math.floor(status / 100)}xx`;
}
