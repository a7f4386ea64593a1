import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  StatusCodes,
  type Activity,
  type BotState,
  type InvokeResponse,
  type Middleware,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { DialogContextError } from 'botbuilder-dialogs';
import type { AppConfig } from '../config/config';
import type { Logger } from '../logging/logger';
import { translatorFor } from '../i18n/i18n';
import { StorageError } from '../storage/errors';
import { messageResponse } from '../dialogs';
import { isPartnerCenterError } from '../partnerCenter/errors';
import { partnerCenterErrorText } from '../i18n/partnerCenterErrors';
import { quietly } from './quietLibraryConsole';
import { recordTurnError } from '../telemetry/spans';
import { CardAnswerDeadline } from './cardAnswerDeadline';
import { inbound } from '../common/inboundActivity';

export interface AdapterOptions {
  config: AppConfig;
  logger: Logger;
  conversationState: BotState;
  /** Middleware run before the typing indicator, in order (tenant filter, dedupe, serialisation). */
  middleware?: Middleware[];
  /** Extra authentication settings (tests point the OpenID metadata at a local server). */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

/** Authentication whose library console output (stack traces, keys) goes to the debug log. */
class QuietAuthentication extends ConfigurationBotFrameworkAuthentication {
  logger?: Logger;

  override authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']> {
    if (!this.logger) return super.authenticateRequest(activity, authHeader);
    return quietly(this.logger, () => super.authenticateRequest(activity, authHeader));
  }
}

export function createBotFrameworkAuthentication(
  config: AppConfig,
  overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
  logger?: Logger,
): ConfigurationBotFrameworkAuthentication {
  const auth = new QuietAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.authEnabled ? config.bot.appType : '',
    MicrosoftAppTenantId: config.bot.appTenantId ?? '',
    ...overrides,
  });
  auth.logger = logger;
  return auth;
}

/** A short reference users can quote; the full activity id is in the log line. */
export function errorReference(context: TurnContext): string {
  return (context.activity.id ?? 'n/a').slice(-8);
}

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** What a caller refused for authentication reads (botbuilder would echo its reason). */
export const UNAUTHORIZED_BODY = 'Unauthorized';
/** What a caller reads when the turn failed beyond onTurnError (botbuilder would echo the error). */
export const INTERNAL_ERROR_BODY = 'Internal error';

/**
 * CloudAdapter that answers a token with a bad signature (or not yet valid) with 401 like every
 * other authentication failure (botbuilder lets those jsonwebtoken errors through as 500). A
 * refused token is logged once as a structured warning; the caller reads a generic body, never the
 * library's reason; any other failure that escapes the turn answers a generic 500.
 */
export class CustomerConnectAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly log?: Logger,
    /** Card clicks not answered in time get "still working" and an update later. */
    private readonly cardAnswers?: CardAnswerDeadline,
  ) {
    super(auth);
  }

  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const run = (l: (context: TurnContext) => Promise<void>) => this.processTurn(auth, activity, l);
    return this.cardAnswers ? this.cardAnswers.run(activity, run, logic) : run(logic);
  }

  private async processTurn(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return await super.processActivity(auth as string, activity, logic);
    } catch (err) {
      if (err instanceof AuthenticationError || (err instanceof Error && TOKEN_ERRORS.has(err.name))) {
        this.log?.warn(
          {
            status: StatusCodes.UNAUTHORIZED,
            reason: err.message.slice(0, 200),
            activityType: safeType(activity),
          },
          'refused request: authentication failed',
        );
        // Answered, not thrown: CloudAdapter.process would print a thrown error to the console.
        return { status: StatusCodes.UNAUTHORIZED, body: UNAUTHORIZED_BODY };
      }
      this.log?.error(
        {
          activityType: safeType(activity),
          err: { name: (err as Error | undefined)?.name, message: (err as Error | undefined)?.message },
        },
        'turn failed outside the turn error handler',
      );
      return { status: StatusCodes.INTERNAL_SERVER_ERROR, body: INTERNAL_ERROR_BODY };
    }
  }
}

export function createAdapter(options: AdapterOptions): CloudAdapter {
  const { config, logger, conversationState } = options;
  const adapter = new CustomerConnectAdapter(
    createBotFrameworkAuthentication(config, options.authOverrides, logger.child({ module: 'auth' })),
    logger.child({ module: 'adapter' }),
    new CardAnswerDeadline(config.bot.cardAnswerMs, logger.child({ module: 'cardAnswer' })),
  );
  for (const m of options.middleware ?? []) adapter.use(m);
  adapter.use(new ShowTypingMiddleware(800, 2000));

  adapter.onTurnError = async (context, error) => {
    recordTurnError(error);
    // Whatever is wrong with the activity or the error, the handler itself must not throw: a throw
    // here would answer the caller 500 with internal text.
    try {
      await handleTurnError(context, error, logger, conversationState);
    } catch (handlerError) {
      logger.child({ module: 'turn' }).error(
        {
          err: {
            name: (handlerError as Error | undefined)?.name,
            message: (handlerError as Error | undefined)?.message,
          },
        },
        'turn error handler failed',
      );
    }
  };
  return adapter;
}

async function handleTurnError(
  context: TurnContext,
  error: Error,
  logger: Logger,
  conversationState: BotState,
): Promise<void> {
  const log = logger.child({ module: 'turn' });
  log.error(
    {
      activityId: context.activity.id,
      activityType: context.activity.type,
      conversationId: inbound(context).conversation?.id,
      err: {
        name: error.name,
        message: error.message,
        code: (error as { code?: unknown }).code,
        stack: error.stack,
      },
    },
    'unhandled turn error',
  );
  const locale = context.activity.locale;
  const t = translatorFor(typeof locale === 'string' ? locale : undefined);
  const ref = errorReference(context);
  // Errors thrown inside a dialog arrive wrapped by botbuilder-dialogs.
  const cause = rootCause(error);
  const unavailable = cause instanceof StorageError && cause.code === 'unavailable';
  const concurrent = cause instanceof StorageError && cause.code === 'etag_conflict';
  // A Partner Center failure no dialog caught (e.g. the role lookup before a command): say what failed.
  const partnerCenter = isPartnerCenterError(cause);
  const text = concurrent
    ? t.t('error.concurrent')
    : unavailable
      ? t.t('error.unavailable', { ref })
      : partnerCenter
        ? partnerCenterErrorText(t, cause)
        : t.t('error.generic', { ref });
  try {
    if (context.activity.type !== 'invoke') {
      await context.sendActivity(text);
    } else if (context.activity.name === 'adaptiveCard/action') {
      // Teams shows this text (the card stays as it was) instead of a bare HTTP error; it also
      // replaces a card answer given before the turn failed, since the state behind it was not saved.
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: StatusCodes.OK, body: messageResponse(text) },
      });
    }
  } catch (sendError) {
    // The connector may be what failed; the log line above is what remains.
    log.warn(
      { activityId: context.activity.id, err: (sendError as Error).message },
      'could not send error message',
    );
  }
  // A conflict means another turn saved newer state: keep it. Storage unavailable or a Partner
  // Center failure: the stored state is not broken (and a delete would wait for the same outage),
  // so the flow can go on once it is back. Otherwise start clean, so the next message does not
  // trip over the state that broke this turn.
  // A failed card click (e.g. malformed data) leaves the waiting flow alone: the click was answered
  // with the error text and the flow's own next step is still valid.
  if (concurrent || unavailable || partnerCenter || context.activity.type === 'invoke') return;
  try {
    await conversationState.delete(context);
  } catch (deleteError) {
    log.warn(
      { activityId: context.activity.id, err: (deleteError as Error).message },
      'could not clear state',
    );
  }
}

function safeType(activity: Activity | undefined): string | undefined {
  return typeof activity?.type === 'string' ? activity.type.slice(0, 64) : undefined;
}

/** The error a DialogContextError wraps (however deep), else the error itself. */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 10 && current instanceof DialogContextError; i++) current = current.error;
  return current;
}
