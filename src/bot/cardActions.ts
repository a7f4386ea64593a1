import type { AdaptiveCardInvokeAction, AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../logging/logger';
import { translatorFor } from '../i18n/i18n';
import { messageResponse, type CardActionHandler } from '../dialogs';

const VERB = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-zA-Z0-9.]*$/);
const DATA = z.record(z.string(), z.unknown());
/** Card data larger than this is refused before any handler sees it. */
const MAX_DATA_BYTES = 64 * 1024;

/** The invoke value as sent: botbuilder copies `verb` and `data` from the request unchecked. */
interface InvokeOnWire {
  action?: Partial<AdaptiveCardInvokeAction>;
}

/**
 * Routes `adaptiveCard/action` invokes by verb. Unknown verbs and malformed data get a clear,
 * localized answer and reach no handler.
 */
export class CardActionRouter {
  private readonly handlers = new Map<string, CardActionHandler>();

  constructor(private readonly logger: Logger) {}

  /** The verbs this router knows (for tests and diagnostics). */
  verbs(): string[] {
    return [...this.handlers.keys()];
  }

  register(verb: string, handler: CardActionHandler): this {
    if (this.handlers.has(verb)) throw new Error(`card action verb registered twice: ${verb}`);
    this.handlers.set(verb, handler);
    return this;
  }

  async handle(context: TurnContext, invoke: InvokeOnWire | undefined): Promise<AdaptiveCardInvokeResponse> {
    const t = translatorFor(context.activity.locale);
    const verb = VERB.safeParse(invoke?.action?.verb);
    const handler = verb.success ? this.handlers.get(verb.data) : undefined;
    if (!verb.success || !handler) {
      this.logger.warn(
        { activityId: context.activity.id, verb: verb.success ? verb.data : '[invalid]' },
        'unknown card verb',
      );
      return messageResponse(t.t('card.unknownAction'));
    }
    const rawData = invoke?.action?.data ?? {};
    const data = DATA.safeParse(rawData);
    if (!data.success || JSON.stringify(rawData).length > MAX_DATA_BYTES) {
      this.logger.warn({ activityId: context.activity.id, verb: verb.data }, 'malformed card data');
      return messageResponse(t.t('card.invalid'));
    }
    return handler({ context, verb: verb.data, data: data.data, t });
  }
}
