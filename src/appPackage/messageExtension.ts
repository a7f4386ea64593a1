import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { CUSTOMER_SEARCH_COMMAND_ID, CUSTOMER_SEARCH_PARAMETER } from '../common/messageExtension';

type ComposeExtension = TeamsManifestV1D30.ComposeExtension;

/**
 * The search-based message extension of the manifest (issue 18.4): one query command,
 * "Customers" / "Kunden", with one text parameter, in the compose box and the command box.
 * `initialRun` makes Teams ask once before anything is typed; the bot answers with a hint.
 * The bot of the extension is the app's bot (Universal Actions on the inserted cards need that,
 * and the team/groupChat bot scopes for cards sent to chats and channels).
 */
const TEXT = {
  en: {
    title: 'Customers',
    description: 'Find a customer by the start of its company name or domain and insert its card',
    parameterTitle: 'Company name or domain',
    parameterDescription: 'The start of the company name or domain, e.g. contoso',
  },
  de: {
    title: 'Kunden',
    description:
      'Einen Kunden über den Anfang des Firmennamens oder der Domäne finden und seine Karte einfügen',
    parameterTitle: 'Firmenname oder Domäne',
    parameterDescription: 'Der Anfang des Firmennamens oder der Domäne, z. B. contoso',
  },
} as const;

/** `composeExtensions` of the manifest: the customer search, powered by the bot `botId`. */
export function composeExtensions(botId: string): ComposeExtension[] {
  return [
    {
      botId,
      composeExtensionType: 'botBased',
      canUpdateConfiguration: false,
      commands: [
        {
          id: CUSTOMER_SEARCH_COMMAND_ID,
          type: 'query',
          title: TEXT.en.title,
          description: TEXT.en.description,
          context: ['compose', 'commandBox'],
          initialRun: true,
          fetchTask: false,
          parameters: [
            {
              name: CUSTOMER_SEARCH_PARAMETER,
              title: TEXT.en.parameterTitle,
              description: TEXT.en.parameterDescription,
              inputType: 'text',
            },
          ],
        },
      ],
    },
  ];
}

/** The German texts of `composeExtensions`, as localization file keys. */
export function composeExtensionsGerman(): Record<string, string> {
  const command = 'composeExtensions[0].commands[0]';
  return {
    [`${command}.title`]: TEXT.de.title,
    [`${command}.description`]: TEXT.de.description,
    [`${command}.parameters[0].title`]: TEXT.de.parameterTitle,
    [`${command}.parameters[0].description`]: TEXT.de.parameterDescription,
  };
}
