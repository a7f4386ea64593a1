import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  type BotState,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config/config';
import type { Logger } from '../logging/logger';
import { translatorFor } from '../i18n/i18n';
import { StorageError } from '../storage/errors';

export interface AdapterOptions {
  config: AppConfig;
  logger: Logger;
  conversationState: BotState;
  /** Extra authentication settings (tests point the OpenID metadata at a local server). */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

export function createBotFrameworkAuthentication(
  config: AppConfig,
  overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.authEnabled ? config.bot.appType : '',
    MicrosoftAppTenantId: config.bot.appTenantId ?? '',
    ...overrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
}

/** A short reference users can quote; the full activity id is in the log line. */
export function errorReference(context: TurnContext): string {
  return (context.activity.id ?? 'n/a').slice(-8);
}

export function createAdapter(options: AdapterOptions): CloudAdapter {
  const { config, logger, conversationState } = options;
  const adapter = new CloudAdapter(createBotFrameworkAuthentication(config, options.authOverrides));
  adapter.use(new ShowTypingMiddleware(800, 2000));

  adapter.onTurnError = async (context, error) => {
    const log = logger.child({ module: 'turn' });
    log.error(
      {
        activityId: context.activity.id,
        activityType: context.activity.type,
        conversationId: context.activity.conversation?.id,
        err: {
          name: error.name,
          message: error.message,
          code: (error as { code?: unknown }).code,
          stack: error.stack,
        },
      },
      'unhandled turn error',
    );
    const t = translatorFor(context.activity.locale);
    const ref = errorReference(context);
    const unavailable = error instanceof StorageError && error.code === 'unavailable';
    try {
      if (context.activity.type !== 'invoke') {
        await context.sendActivity(
          unavailable ? t.t('error.unavailable', { ref }) : t.t('error.generic', { ref }),
        );
      }
    } catch (sendError) {
      // The connector may be what failed; the log line above is what remains.
      log.warn(
        { activityId: context.activity.id, err: (sendError as Error).message },
        'could not send error message',
      );
    }
    try {
      // Start clean: the next message must not trip over the state that broke this turn.
      await conversationState.delete(context);
    } catch (deleteError) {
      log.warn(
        { activityId: context.activity.id, err: (deleteError as Error).message },
        'could not clear state',
      );
    }
  };
  return adapter;
}
