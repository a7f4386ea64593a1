import {
  CardFactory,
  type MessagingExtensionAttachment,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from 'botbuilder';
import {
  customerPreview,
  renderCustomerCompactCard,
  type CustomerCompactInput,
} from '../../cards/customerCompactCard';
import type { AdminAccessView } from '../../cards/adminAccessCards';
import { CUSTOMER_SEARCH_COMMAND_ID, CUSTOMER_SEARCH_PARAMETER } from '../../common/messageExtension';
import { MAX_SEARCH_CHARS, normalizeSearch } from '../../domain/customerList';
import { findCustomers } from '../../domain/customerSearch';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import { isPartnerCenterError } from '../../partnerCenter/errors';
import type { Customer } from '../../partnerCenter/types';
import { ensureAllowed } from '../guards';
import { callContextOf, turnDeadlineOf, type DialogServices } from '../services';

/** Results shown per query: one Partner Center page per field, and one Graph read per result. */
export const MAX_SEARCH_RESULTS = 10;

/** Answers the message extension's invokes (the bot's activity handler only routes them here). */
export interface MessageExtensionHandler {
  query(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse>;
}

/** A sentence in the results area instead of a list (hint, refusal, nothing found, failure). */
function messageResult(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}

function listResult(attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

/** Typed text echoed in a sentence: without the characters Markdown or HTML would act on. */
function withoutMarkup(text: string): string {
  return text.replace(/[*_[\]()~`<>#\\]/g, '');
}

/**
 * The text typed for the search command (the initial run carries none). A parameter without a
 * name counts too: the Agents Playground sends none unless its "Parameter name" field is filled.
 */
function searchTextOf(query: MessagingExtensionQuery): string | undefined {
  const parameter =
    query.parameters?.find((p) => p.name === CUSTOMER_SEARCH_PARAMETER) ??
    query.parameters?.find((p) => p.name === undefined || p.name === '');
  const value: unknown = parameter?.value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * "Customers" / "Kunden" in the compose box (issue 18.4): the start of a company name or domain
 * lists the matching customers (Partner Center's search of both fields, as `customers <text>`);
 * each result is a compact customer card with a thumbnail preview. Same roles as the customer list
 * (`customers.read`); the tenant rule is the bot's middleware. Answers in the invoke's locale.
 */
export class CustomerSearchExtension implements MessageExtensionHandler {
  constructor(private readonly services: DialogServices) {}

  async query(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const t = translatorFor(context.activity.locale);
    // Teams always names the command; the Agents Playground only when its "Command ID" field is filled.
    if (query.commandId !== undefined && query.commandId !== CUSTOMER_SEARCH_COMMAND_ID) {
      this.services.logger.warn({ activityId: context.activity.id }, 'message extension: unknown command');
      return messageResult(t.t('search.unknownCommand'));
    }
    const allowed = await ensureAllowed(context, this.services.roles, 'customers.read');
    if (!allowed.allowed) return messageResult(allowed.message);
    const search = normalizeSearch(searchTextOf(query));
    // Nothing typed yet (also the initial run): a hint rather than a list of every customer.
    if (search === undefined) return messageResult(t.t('search.hint'));
    if (search.length > MAX_SEARCH_CHARS) {
      return messageResult(t.t('search.tooLong', { length: search.length, max: MAX_SEARCH_CHARS }));
    }
    // Every result is on the first "page": scrolling on (skip > 0) finds nothing more.
    if ((query.queryOptions?.skip ?? 0) > 0) return listResult([]);
    try {
      const found = await findCustomers(
        this.services.partnerCenter,
        search,
        callContextOf(this.services, context, 'app'),
        { pageSize: MAX_SEARCH_RESULTS, maxPagesPerField: 1 },
      );
      const customers = found.customers.slice(0, MAX_SEARCH_RESULTS);
      if (customers.length === 0) {
        return messageResult(t.t('search.none', { search: withoutMarkup(search) }));
      }
      const deadline = turnDeadlineOf(this.services, context);
      const inputs = await Promise.all(
        customers.map(async (customer) => ({
          customer,
          adminAccess: await this.adminAccessOf(customer, deadline),
        })),
      );
      return listResult(inputs.map((input) => this.attachment(t, input)));
    } catch (err) {
      if (!isPartnerCenterError(err)) throw err;
      this.services.logger.warn(
        { action: 'messageExtension.query', error: err.toLogObject() },
        'message extension: Partner Center call failed',
      );
      return messageResult(partnerCenterErrorText(t, err));
    }
  }

  private attachment(t: Translator, input: CustomerCompactInput): MessagingExtensionAttachment {
    const card = CardFactory.adaptiveCard(renderCustomerCompactCard(t, input));
    const preview = customerPreview(t, input);
    return { ...card, preview: CardFactory.thumbnailCard(preview.title, preview.text) };
  }

  /** The customer's GDAP relationships (its tenant id; Partner Center's id when that is missing). */
  private async adminAccessOf(customer: Customer, deadline: number | undefined): Promise<AdminAccessView> {
    try {
      const relationships = await this.services.gdap.listRelationships(
        { customerTenantId: customer.tenantId || customer.id },
        { deadline },
      );
      return { ok: true, relationships };
    } catch (err) {
      this.services.logger.warn({ err: (err as Error).name }, 'message extension: admin access not readable');
      return { ok: false };
    }
  }
}

/** The message extension of this build (for the bot's activity handler). */
export function createMessageExtension(services: DialogServices): MessageExtensionHandler {
  return new CustomerSearchExtension(services);
}
