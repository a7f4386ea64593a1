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
  audit: { en: 'audit', de: 'protokoll' },
  notifications: { en: 'notifications', de: 'benachrichtigungen' },
  status: { en: 'status', de: 'status' },
  signout: { en: 'signout', de: 'abmelden', aliases: ['logout', 'sign-out'] },
  cancel: { en: 'cancel', de: 'abbrechen', aliases: ['stop', 'stopp'] },
};

const lookup = new Map<string, CommandName>();
for (const name of COMMAND_NAMES) {
  const words = COMMAND_WORDS[name];
  for (const w of [words.en, words.de, ...(words.aliases ?? [])]) lookup.set(w, name);
}

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
  const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return { command: undefined, text };
  const word = (match[1] ?? '').toLowerCase().replace(/^\//, '');
  const command = lookup.get(word);
  if (!command) return { command: undefined, text };
  return { command, args: (match[2] ?? '').trim() };
}
