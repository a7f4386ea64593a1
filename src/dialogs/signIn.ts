import { CloudAdapterBase, type TokenResponse, type TurnContext } from 'botbuilder';
import type { UserTokenClient } from 'botframework-connector';
import { OAuthPrompt } from 'botbuilder-dialogs';
import type { CommandName } from '../i18n/commands';
import { translatorFor } from '../i18n/i18n';
import { inbound } from '../common/inboundActivity';

export const SIGN_IN_PROMPT_ID = 'partnerCenterSignIn';

/** Commands that call Partner Center App+User endpoints and so need the user's sign-in. */
export const COMMANDS_NEEDING_SIGN_IN: ReadonlySet<CommandName> = new Set<CommandName>([
  'invite',
  'customers',
  'remove',
  'providers',
]);

/** The OAuthPrompt for the Bot Service OAuth connection (Teams SSO when configured in the manifest). */
export function createSignInPrompt(connectionName: string): OAuthPrompt {
  const t = translatorFor('en');
  return new OAuthPrompt(SIGN_IN_PROMPT_ID, {
    connectionName,
    title: t.t('signin.title'),
    text: t.t('signin.text'),
    timeout: 5 * 60_000,
    endOnInvalidMessage: true,
  });
}

function userTokenClientOf(context: TurnContext): UserTokenClient | undefined {
  const adapter = context.adapter;
  if (!(adapter instanceof CloudAdapterBase)) return undefined;
  return context.turnState.get<UserTokenClient | undefined>(adapter.UserTokenClientKey);
}

/** Reads the signed-in user's cached token from the Bot Service token store (no prompt). */
export async function cachedUserToken(
  context: TurnContext,
  connectionName: string,
): Promise<string | undefined> {
  const client = userTokenClientOf(context);
  const userId = inbound(context).from?.id;
  if (!client || !userId) return undefined;
  // Typed as always present, but the token API answers 404 with no body when there is no token.
  const response = (await client.getUserToken(userId, connectionName, context.activity.channelId, '')) as
    TokenResponse | undefined;
  return response?.token || undefined;
}

interface LegacyTokenAdapter {
  signOutUser(context: TurnContext, connectionName: string, userId?: string): Promise<void>;
}

const hasLegacySignOut = (adapter: object): adapter is LegacyTokenAdapter =>
  'signOutUser' in adapter && typeof adapter.signOutUser === 'function';

export async function signOut(context: TurnContext, connectionName: string): Promise<void> {
  const client = userTokenClientOf(context);
  const userId = inbound(context).from?.id;
  if (client && userId) {
    await client.signOutUser(userId, connectionName, context.activity.channelId);
    return;
  }
  // Adapters with the older token API (TestAdapter in dialog tests).
  const adapter: object = context.adapter;
  if (hasLegacySignOut(adapter)) await adapter.signOutUser(context, connectionName, userId);
}
