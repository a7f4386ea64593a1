import type { CommandName } from '../i18n/commands';
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { AppError } from '../common/errors';
import { composeExtensions, composeExtensionsGerman } from './messageExtension';

/**
 * The Teams app manifest of Customer Connect, built in code from configuration.
 *
 * Schema: the newest Teams manifest schema bundled in `@microsoft/app-manifest` (v1.30), so the
 * package validates offline. `test/unit/appPackage` fails when a newer schema ships with an
 * upgrade, as a reminder to move up.
 */

export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;
type CommandListScope = TeamsManifestV1D30.CommandListScope;
/** A Teams localization file: flat keys such as `name.short` or `bots[0].commandLists[0].commands[0].title`. */
type LocalizationFile = Readonly<Record<string, string>>;

export const MANIFEST_VERSION = '1.30' as const;
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

/**
 * Placeholder bot/app id for local packages (`packageApp --local`). Deterministic so that local
 * builds are reproducible; it is not a registered Entra app and must never reach a real tenant.
 */
export const LOCAL_APP_ID = '00000000-0000-4000-8000-00000c0ec7ed';

/** Background of the colour icon and the manifest's accent colour (see src/appPackage/icons.ts). */
export const ACCENT_COLOR = '#0E6E8C';

export const COLOR_ICON_FILE = 'color.png';
export const OUTLINE_ICON_FILE = 'outline.png';
export const GERMAN_FILE = 'de.json';
export const MANIFEST_FILE = 'manifest.json';

/** Host Teams needs in validDomains for Bot Service OAuth / SSO sign-in. */
export const BOT_FRAMEWORK_TOKEN_DOMAIN = 'token.botframework.com';

export const BOT_SCOPES: readonly CommandListScope[] = ['personal', 'team', 'groupChat'];

/** Teams allows at most this many commands in one command list. */
export const MAX_COMMANDS_PER_LIST = 12;

/** One manifest entry per chat command of the bot (a test keeps both lists equal). */
type CommandId = CommandName;

interface CommandText {
  /** What Teams sends as the message text when the command is picked; the bot understands it. */
  readonly title: string;
  readonly description: string;
}

interface BotCommand {
  readonly id: CommandId;
  readonly en: CommandText;
  readonly de: CommandText;
}

/** The commands of DESIGN.md, in menu order. English titles are also the command ids. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  {
    id: 'help',
    en: { title: 'help', description: 'Show what Customer Connect can do and the commands it understands' },
    de: { title: 'hilfe', description: 'Zeigt, was Customer Connect kann und welche Befehle es versteht' },
  },
  {
    id: 'invite',
    en: {
      title: 'invite',
      description:
        'Invite a customer to a reseller relationship with you, or with you and your indirect provider',
    },
    de: {
      title: 'einladen',
      description:
        'Einen Kunden zu einer Vertriebspartnerschaft mit Ihnen oder mit Ihnen und Ihrem indirekten Anbieter einladen',
    },
  },
  {
    id: 'customers',
    en: { title: 'customers', description: 'List and search your customers, e.g. "customers contoso"' },
    de: { title: 'kunden', description: 'Ihre Kunden anzeigen und durchsuchen, z. B. „kunden contoso“' },
  },
  {
    id: 'remove',
    en: {
      title: 'remove',
      description: 'Remove a customer relationship after reading the legal notice, e.g. "remove contoso"',
    },
    de: {
      title: 'entfernen',
      description: 'Eine Kundenbeziehung nach dem rechtlichen Hinweis entfernen, z. B. „entfernen contoso“',
    },
  },
  {
    id: 'invitations',
    en: { title: 'invitations', description: 'Show your invitations, pending and accepted, by channel' },
    de: {
      title: 'einladungen',
      description: 'Ihre Einladungen anzeigen, ausstehend und angenommen, nach Kanal',
    },
  },
  {
    id: 'providers',
    en: { title: 'providers', description: 'Show your indirect providers' },
    de: { title: 'anbieter', description: 'Ihre indirekten Anbieter anzeigen' },
  },
  {
    id: 'adminAccess',
    en: {
      title: 'admin access',
      description: 'Admin access (GDAP) to your customers: waiting for approval, active, ended',
    },
    de: {
      title: 'adminzugriff',
      description: 'Administratorzugriff (GDAP) auf Ihre Kunden: wartet auf Genehmigung, aktiv, beendet',
    },
  },
  {
    id: 'audit',
    en: { title: 'audit', description: 'Show the latest audit entries (admins), e.g. removals' },
    de: {
      title: 'protokoll',
      description: 'Die neuesten Protokolleinträge anzeigen (Administratoren), z. B. Entfernungen',
    },
  },
  {
    id: 'notifications',
    en: {
      title: 'notifications',
      description: 'In a channel: "notifications on" or "off" for acceptance messages',
    },
    de: {
      title: 'benachrichtigungen',
      description: 'In einem Kanal: „benachrichtigungen an“ oder „aus“ für Annahme-Meldungen',
    },
  },
  {
    id: 'status',
    en: {
      title: 'status',
      description: 'Operations status: webhook, reconciler, outbox, Cosmos DB (admins)',
    },
    de: {
      title: 'status',
      description: 'Betriebsstatus: Webhook, Abgleich, Postausgang, Cosmos DB (Administratoren)',
    },
  },
  {
    id: 'signout',
    en: { title: 'signout', description: 'Sign out of Partner Center' },
    de: { title: 'abmelden', description: 'Vom Partner Center abmelden' },
  },
  {
    id: 'cancel',
    en: { title: 'cancel', description: 'Cancel the current step' },
    de: { title: 'abbrechen', description: 'Den aktuellen Schritt abbrechen' },
  },
];

/** Lines of segments: segments are joined with spaces, lines with line breaks. */
const text = (...lines: (string | readonly string[])[]): string =>
  lines.map((l) => (typeof l === 'string' ? l : l.join(' '))).join('\n');

const TEXT = {
  en: {
    nameShort: 'Customer Connect',
    nameFull: 'Customer Connect for Microsoft CSP indirect resellers',
    descriptionShort: 'Invite CSP customers, get told when they accept, manage customer relationships.',
    descriptionFull: text(
      [
        'Customer Connect brings Partner Center\'s "Connect with customers" into Microsoft Teams',
        'for the staff of a Microsoft CSP indirect reseller.',
      ],
      '',
      [
        '• Invite customers: review the reseller relationship request email with its personalized link,',
        'edit the text, open it in email or copy it. Invite a new customer together with your indirect',
        'provider in one step.',
      ],
      [
        '• Customer list: page through and search the customers you already do business with, and open a',
        'customer to see account, subscriptions, users and licenses.',
      ],
      [
        '• Acceptance notifications: whoever sent an invitation is told in Teams as soon as the customer',
        'accepts; the invitations list shows what is pending and accepted, by channel.',
      ],
      [
        '• Remove a customer relationship: the bot shows the important legal notice first, asks for an',
        'explicit attestation and confirmation, and keeps an audit record.',
        'It does not send a legal notice of termination for you.',
      ],
      '',
      'Global admins and admin agents can act; sales and helpdesk agents can look. English and German.',
    ),
  },
  de: {
    nameShort: 'Customer Connect',
    nameFull: 'Customer Connect für indirekte Microsoft CSP-Vertriebspartner',
    descriptionShort: 'CSP-Kunden einladen, von Annahmen erfahren, Kundenbeziehungen verwalten.',
    descriptionFull: text(
      [
        'Customer Connect bringt „Kontakt zu Kunden“ aus Partner Center in Microsoft Teams – für die',
        'Mitarbeitenden eines indirekten Vertriebspartners im Microsoft CSP-Programm.',
      ],
      '',
      [
        '• Kunden einladen: den E-Mail-Entwurf zur Anfrage einer Vertriebspartnerschaft mit dem',
        'personalisierten Link prüfen, den Text bearbeiten, in der E-Mail öffnen oder kopieren.',
        'Neue Kunden in einem Schritt zusammen mit Ihrem indirekten Anbieter einladen.',
      ],
      [
        '• Kundenliste: die Kunden, mit denen Sie bereits Geschäfte machen, seitenweise anzeigen und',
        'durchsuchen und einen Kunden öffnen, um Konto, Abonnements, Benutzer und Lizenzen zu sehen.',
      ],
      [
        '• Benachrichtigung bei Annahme: Wer eine Einladung versendet hat, erfährt es in Teams, sobald der',
        'Kunde sie annimmt; die Einladungsliste zeigt ausstehende und angenommene Einladungen nach Kanal.',
      ],
      [
        '• Kundenbeziehung entfernen: Der Bot zeigt zuerst den wichtigen rechtlichen Hinweis, verlangt eine',
        'ausdrückliche Bestätigung und führt ein Prüfprotokoll.',
        'Eine rechtliche Kündigungsmitteilung versendet er nicht für Sie.',
      ],
      '',
      [
        'Globale Administratoren und Administrator-Agents können handeln, Vertriebs- und Helpdesk-Agents',
        'lesen. Deutsch und Englisch.',
      ],
    ),
  },
};

interface DeveloperInfo {
  /** At most 32 characters. */
  readonly name: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
}

interface ManifestInput {
  /** The bot's Entra app id (MicrosoftAppId), or LOCAL_APP_ID for a local package. */
  readonly appId: string;
  /** Public base URL of the bot, e.g. `https://bot.contoso.com`. Its host goes into validDomains. */
  readonly publicBaseUrl: string;
  /** Bot Service OAuth connection name; when set, SSO entries are added. */
  readonly oauthConnectionName?: string;
  /** App version, MAJOR.MINOR.PATCH (Teams accepts nothing else). */
  readonly version: string;
  /** Teams app id; defaults to the bot's app id. */
  readonly teamsAppId?: string;
  /** Defaults: name "Customer Connect", URLs under publicBaseUrl (/, /privacy, /terms). */
  readonly developer?: Partial<DeveloperInfo>;
}

export interface AppPackageContent {
  readonly manifest: TeamsManifest;
  /** Additional language files by their file name in the package. */
  readonly languageFiles: { readonly [GERMAN_FILE]: LocalizationFile };
}

export class ManifestInputError extends AppError {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super('manifest_input_invalid', `Cannot build the Teams manifest: ${field} ${message}`);
  }
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const TEAMS_VERSION = /^\d+\.\d+\.\d+$/;

function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ManifestInputError('publicBaseUrl', `is not a valid URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ManifestInputError('publicBaseUrl', `must be an http(s) URL: "${value}"`);
  }
  return url;
}

/** Localization key of a command field, for the command at `index` in command list `list`. */
export function commandKey(list: number, index: number, field: 'title' | 'description'): string {
  return `bots[0].commandLists[${list}].commands[${index}].${field}`;
}

/**
 * Builds the Teams manifest and its German localization file. Pure: no I/O, no environment.
 * Throws ManifestInputError naming the bad input.
 */
export function buildManifest(input: ManifestInput): AppPackageContent {
  if (!GUID.test(input.appId)) throw new ManifestInputError('appId', `must be a GUID, got "${input.appId}"`);
  const teamsAppId = input.teamsAppId ?? input.appId;
  if (!GUID.test(teamsAppId)) {
    throw new ManifestInputError('teamsAppId', `must be a GUID, got "${teamsAppId}"`);
  }
  if (!TEAMS_VERSION.test(input.version)) {
    throw new ManifestInputError(
      'version',
      `must look like 1.2.3 (MAJOR.MINOR.PATCH), got "${input.version}"`,
    );
  }
  const base = parseBaseUrl(input.publicBaseUrl);
  const baseHref = base.href.replace(/\/+$/, '');
  const developer: DeveloperInfo = {
    name: input.developer?.name ?? 'Customer Connect',
    websiteUrl: input.developer?.websiteUrl ?? baseHref,
    privacyUrl: input.developer?.privacyUrl ?? `${baseHref}/privacy`,
    termsOfUseUrl: input.developer?.termsOfUseUrl ?? `${baseHref}/terms`,
  };
  const sso = input.oauthConnectionName !== undefined && input.oauthConnectionName.trim() !== '';

  // One list per scope (Teams' guidance); same commands everywhere.
  const commandLists = BOT_SCOPES.map((scope) => ({
    scopes: [scope],
    commands: BOT_COMMANDS.map((c) => ({ title: c.en.title, description: c.en.description })),
  }));
  if (BOT_COMMANDS.length > MAX_COMMANDS_PER_LIST) {
    throw new ManifestInputError('commands', `exceed ${MAX_COMMANDS_PER_LIST} per list`);
  }

  const validDomains = [...new Set([base.hostname, ...(sso ? [BOT_FRAMEWORK_TOKEN_DOMAIN] : [])])];

  const manifest: TeamsManifest = {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    id: teamsAppId,
    localizationInfo: {
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'de', file: GERMAN_FILE }],
    },
    developer,
    name: { short: TEXT.en.nameShort, full: TEXT.en.nameFull },
    description: { short: TEXT.en.descriptionShort, full: TEXT.en.descriptionFull },
    icons: { color: COLOR_ICON_FILE, outline: OUTLINE_ICON_FILE },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: input.appId,
        scopes: [...BOT_SCOPES],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists,
      },
    ],
    composeExtensions: composeExtensions(input.appId),
    validDomains,
    ...(sso ? { webApplicationInfo: { id: input.appId, resource: `api://botid-${input.appId}` } } : {}),
  };

  const german: Record<string, string> = {
    $schema: LOCALIZATION_SCHEMA_URL,
    'name.short': TEXT.de.nameShort,
    'name.full': TEXT.de.nameFull,
    'description.short': TEXT.de.descriptionShort,
    'description.full': TEXT.de.descriptionFull,
  };
  commandLists.forEach((_list, l) => {
    BOT_COMMANDS.forEach((c, i) => {
      german[commandKey(l, i, 'title')] = c.de.title;
      german[commandKey(l, i, 'description')] = c.de.description;
    });
  });

  Object.assign(german, composeExtensionsGerman());

  return { manifest, languageFiles: { [GERMAN_FILE]: german } };
}
