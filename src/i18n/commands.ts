/**
 * Chat commands in English and German. Recognition is case-insensitive and ignores the
 * `<at>Bot</at>` mention Teams puts in front of channel messages.
 */
export const COMMAND_NAMES = [
  'help',
  'invite',
  'customers',
  'remove',
  'invitations',
  'providers',
  'adminAccess',
  'audit',
  'notifications',
  'status',
  'signout',
  'cancel',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const COMMAND_WORDS: Readonly<
  Record<CommandName, { en: string; de: string; aliases?: readonly string[] }>
> = {
  help: { en: 'help', de: 'hilfe', aliases: ['?', 'hi', 'hello', 'hallo', 'start'] },
  invite: { en: 'invite', de: 'einladen' },
  customers: { en: 'customers', de: 'kunden' },
  remove: { en: 'remove', de: 'entfernen' },
  invitations: { en: 'invitations', de: 'einladungen' },
  providers: { en: 'providers', de: 'anbieter' },
  adminAccess: {
    en: 'admin access',
    de: 'adminzugriff',
    aliases: ['adminaccess', 'admin-access', 'gdap', 'administratorzugriff', 'admin zugriff'],
  },
  audit: { en: 'audit', de: 'protokoll' },
  notifications: { en: 'notifications', de: 'benachrichtigungen' },
  status: { en: 'status', de: 'status' },
  signout: { en: 'signout', de: 'abmelden', aliases: ['logout', 'sign-out'] },
  cancel: { en: 'cancel', de: 'abbrechen', aliases: ['stop', 'stopp'] },
};

/** One-word command words, and the words of several (e.g. `admin access`), longest first. */
const lookup = new Map<string, CommandName>();
const phrases: { words: string; command: CommandName }[] = [];
for (const name of COMMAND_NAMES) {
  const words = COMMAND_WORDS[name];
  for (const w of [words.en, words.de, ...(words.aliases ?? [])]) {
    if (w.includes(' ')) phrases.push({ words: w, command: name });
    else lookup.set(w, name);
  }
}
phrases.sort((a, b) => b.words.length - a.words.length);

export type RecognizedCommand = { command: CommandName; args: string } | { command: undefined; text: string };

/** Removes Teams mention markup (`<at>…</at>`), HTML non-breaking spaces and surrounding blanks. */
export function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function recognizeCommand(rawText: string | undefined | null): RecognizedCommand {
  const text = stripMentions(rawText ?? '');
  // A command of several words first: `admin access 2` is `admin access`, not an unknown `admin`.
  const start = text.startsWith('/') ? 1 : 0;
  const lower = text.slice(start).toLowerCase();
  for (const { words, command } of phrases) {
    if (lower === words || lower.startsWith(`${words} `)) {
      // The phrase is ASCII, so it spans as many characters of the typed text as of `lower`.
      return { command, args: text.slice(start + words.length).trim() };
    }
  }
  const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return { command: undefined, text };
  const word = (match[1] ?? '').toLowerCase().replace(/^\//, '');
  const command = lookup.get(word);
  if (!command) return { command: undefined, text };
  return { command, args: (match[2] ?? '').trim() };
}
