import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { cardResponse, messageResponse, type CardActionRequest } from '../cardResponses';
import { renderCustomerListCard, type CustomerListView } from '../../cards/customerListCard';
import {
  decodePosition,
  expandDataSchema,
  openDataSchema,
  positionDataSchema,
  searchDataSchema,
} from '../../cards/customerListActions';
import type { AdminAccessView } from '../../cards/adminAccessCards';
import type { AdaptiveCardJson } from '../../cards/render';
import { MAX_SEARCH_CHARS, normalizeSearch, type ListPosition } from '../../domain/customerList';
import { CustomerListService } from '../../domain/customerListService';
import { isOpenRequest } from '../../domain/removalRequests';
import { isAllowed, type PartnerRoleName } from '../../domain/roles';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { isPartnerCenterError } from '../../partnerCenter/errors';
import { ensureAllowed } from '../guards';
import { partnerCenterErrorText } from '../../i18n/partnerCenterErrors';
import { callContextOf, type DialogServices } from '../services';

/** What a customers action produces: the card to show, or a sentence (card left unchanged). */
export type CustomerListOutcome = { card: AdaptiveCardJson } | { message: string };

/**
 * The customer list's behaviour, shared by the `customers` command dialog and the stateless card
 * action handlers (Previous / Next / Refresh, Search, Expand). Everything a button needs rides in
 * its data; nothing is kept per conversation.
 */
export class CustomerListController {
  private readonly list: CustomerListService;

  constructor(private readonly services: DialogServices) {
    this.list = new CustomerListService(
      services.partnerCenter,
      services.customerCache,
      services.partnerTenantId,
    );
  }

  /** The first page of the list (or of a search), e.g. for `customers cont`. */
  async open(context: TurnContext, searchText: string): Promise<CustomerListOutcome> {
    const t = translatorFor(context.activity.locale);
    const allowed = await ensureAllowed(context, this.services.roles, 'customers.read');
    if (!allowed.allowed) return { message: allowed.message };
    const search = normalizeSearch(searchText);
    if (search !== undefined && search.length > MAX_SEARCH_CHARS) {
      return { message: t.t('customers.search.tooLong', { length: search.length, max: MAX_SEARCH_CHARS }) };
    }
    const position: ListPosition = search === undefined ? { page: 0 } : { search, page: 0 };
    return this.guard(t, false, async () => {
      const page = await this.list.loadPage(position, callContextOf(this.services, context, 'app'));
      return this.render(t, { page, canRemove: isAllowed('remove', allowed.roles) });
    });
  }

  /**
   * Opens the list at one customer, expanded (e.g. from a notification card's "open the customer
   * record"): a search by the company name, on the page holding that customer.
   */
  async openCustomer(context: TurnContext, customerId: string): Promise<CustomerListOutcome> {
    const t = translatorFor(context.activity.locale);
    const allowed = await ensureAllowed(context, this.services.roles, 'customers.read');
    if (!allowed.allowed) return { message: allowed.message };
    return this.guard(t, false, async () => {
      const appCtx = callContextOf(this.services, context, 'app');
      const details = await this.list.loadDetails(
        customerId,
        appCtx,
        callContextOf(this.services, context, 'user'),
      );
      const search = normalizeSearch(
        Array.from(details.customer.companyName).slice(0, MAX_SEARCH_CHARS).join(''),
      );
      let page = await this.list.loadPage(search ? { search, page: 0 } : { page: 0 }, appCtx);
      // The merged search is cached, so looking further pages up costs no Partner Center call.
      while (!page.rows.some((r) => r.id === customerId) && page.next && page.position.page < 1000) {
        page = await this.list.loadPage(page.next, appCtx);
      }
      const canRemove = isAllowed('remove', allowed.roles);
      if (!page.rows.some((r) => r.id === customerId)) return this.render(t, { page, canRemove });
      const [adminAccess, removalRequest] = await Promise.all([
        this.adminAccessOf(details.customer.tenantId || customerId),
        this.removalRequestOf(customerId),
      ]);
      const canRequestAdminAccess = isAllowed('invite', allowed.roles);
      return this.render(t, { page, details, canRemove, adminAccess, canRequestAdminAccess, removalRequest });
    });
  }

  /**
   * "Open in Customer Connect" on a compact customer card (message extension): answers the click
   * with the list opened at that customer, expanded. Stateless: it may be clicked in any chat the
   * card was sent to, so it touches no dialog of that conversation.
   */
  readonly onOpen = async ({ context, data, t }: CardActionRequest): Promise<AdaptiveCardInvokeResponse> => {
    const parsed = openDataSchema.safeParse(data);
    if (!parsed.success) return this.invalid(context, t, 'open');
    const outcome = await this.openCustomer(context, parsed.data.customerId);
    return 'card' in outcome ? cardResponse(outcome.card) : messageResponse(outcome.message);
  };

  /** Previous / Next / Refresh. */
  readonly onPage = async ({ context, data, t }: CardActionRequest): Promise<AdaptiveCardInvokeResponse> => {
    const parsed = positionDataSchema.safeParse(data);
    if (!parsed.success) return this.invalid(context, t, 'page');
    const position = normalizePosition(decodePosition(parsed.data));
    if (!position) return this.invalid(context, t, 'page');
    return this.respond(context, t, parsed.data.t !== undefined, async (roles) => {
      const page = await this.list.loadPage(position, callContextOf(this.services, context, 'app'), {
        fresh: parsed.data.r === 1,
      });
      return this.render(t, { page, canRemove: isAllowed('remove', roles) });
    });
  };

  /** Search button: page 1 of the search typed into the card (empty = the whole list). */
  readonly onSearch = async ({
    context,
    data,
    t,
  }: CardActionRequest): Promise<AdaptiveCardInvokeResponse> => {
    const parsed = searchDataSchema.safeParse(data);
    if (!parsed.success) return this.invalid(context, t, 'search');
    const search = normalizeSearch(parsed.data.searchText);
    if (search !== undefined && search.length > MAX_SEARCH_CHARS) {
      return messageResponse(
        t.t('customers.search.tooLong', { length: search.length, max: MAX_SEARCH_CHARS }),
      );
    }
    const position: ListPosition = search === undefined ? { page: 0 } : { search, page: 0 };
    return this.respond(context, t, false, async (roles) => {
      const page = await this.list.loadPage(position, callContextOf(this.services, context, 'app'));
      return this.render(t, { page, canRemove: isAllowed('remove', roles) });
    });
  };

  /** Expand button: expands the chosen customer in place; the expanded one again collapses it. */
  readonly onExpand = async ({
    context,
    data,
    t,
  }: CardActionRequest): Promise<AdaptiveCardInvokeResponse> => {
    const parsed = expandDataSchema.safeParse(data);
    if (!parsed.success) return this.invalid(context, t, 'expand');
    const position = normalizePosition(decodePosition(parsed.data));
    if (!position) return this.invalid(context, t, 'expand');
    const customerId = parsed.data.customerId;
    if (!customerId) return messageResponse(t.t('customers.choose.missing'));
    return this.respond(context, t, parsed.data.t !== undefined, async (roles) => {
      const appCtx = callContextOf(this.services, context, 'app');
      const page = await this.list.loadPage(position, appCtx);
      const canRemove = isAllowed('remove', roles);
      if (customerId === parsed.data.x) return this.render(t, { page, canRemove });
      if (!page.rows.some((r) => r.id === customerId)) {
        return this.render(t, { page, canRemove, notice: t.t('customers.notOnPage') });
      }
      try {
        const [details, adminAccess, removalRequest] = await Promise.all([
          this.list.loadDetails(customerId, appCtx, callContextOf(this.services, context, 'user')),
          this.adminAccessOf(customerId),
          this.removalRequestOf(customerId),
        ]);
        const canRequestAdminAccess = isAllowed('invite', roles);
        return this.render(t, {
          page,
          details,
          canRemove,
          adminAccess,
          canRequestAdminAccess,
          removalRequest,
        });
      } catch (err) {
        if (!isPartnerCenterError(err)) throw err;
        this.logFailure('expand', err);
        return this.render(t, { page, canRemove, notice: partnerCenterErrorText(t, err) });
      }
    });
  };

  // --------------------------------------------------------------- helpers

  /** The customer's GDAP relationships (Partner Center's customer id is its tenant id); a failure is shown as such. */
  private async adminAccessOf(tenantId: string): Promise<AdminAccessView> {
    try {
      const relationships = await this.services.gdap.listRelationships({ customerTenantId: tenantId });
      return { ok: true, relationships };
    } catch (err) {
      this.services.logger.warn({ err: (err as Error).name }, 'customers: admin access not readable');
      return { ok: false };
    }
  }

  /** The customer's open removal request to the indirect provider (a point read); none when unreadable. */
  private async removalRequestOf(customerId: string): Promise<CustomerListView['removalRequest']> {
    try {
      const request = await this.services.removalRequests?.get(this.services.partnerTenantId, customerId);
      if (!isOpenRequest(request)) return undefined;
      return { providerName: request.provider.name, requestedAt: request.requestedAt };
    } catch (err) {
      this.services.logger.warn({ err: (err as Error).name }, 'customers: removal request not readable');
      return undefined;
    }
  }

  private render(t: Translator, view: CustomerListView): CustomerListOutcome {
    return { card: renderCustomerListCard(t, view) };
  }

  /** Role check, then the action; Partner Center failures become a sentence (the card stays). */
  private async respond(
    context: TurnContext,
    t: Translator,
    usedCardToken: boolean,
    action: (roles: PartnerRoleName[]) => Promise<CustomerListOutcome>,
  ): Promise<AdaptiveCardInvokeResponse> {
    const allowed = await ensureAllowed(context, this.services.roles, 'customers.read');
    if (!allowed.allowed) return messageResponse(allowed.message);
    const outcome = await this.guard(t, usedCardToken, () => action(allowed.roles));
    return 'card' in outcome ? cardResponse(outcome.card) : messageResponse(outcome.message);
  }

  private async guard(
    t: Translator,
    usedCardToken: boolean,
    action: () => Promise<CustomerListOutcome>,
  ): Promise<CustomerListOutcome> {
    try {
      return await action();
    } catch (err) {
      if (!isPartnerCenterError(err)) throw err;
      this.logFailure('list', err);
      // A continuation token from card data that the client refused before sending: forged data.
      if (usedCardToken && err.kind === 'bad_request' && err.status === undefined) {
        return { message: t.t('card.invalid') };
      }
      return { message: partnerCenterErrorText(t, err) };
    }
  }

  private invalid(context: TurnContext, t: Translator, action: string): AdaptiveCardInvokeResponse {
    this.services.logger.warn({ activityId: context.activity.id, action }, 'customers: malformed card data');
    return messageResponse(t.t('card.invalid'));
  }

  private logFailure(action: string, err: { toLogObject(): Record<string, unknown> }): void {
    this.services.logger.warn({ action, error: err.toLogObject() }, 'customers: Partner Center call failed');
  }
}

/** Search text from card data is normalized like typed text; anything odd is refused. */
function normalizePosition(position: ListPosition): ListPosition | undefined {
  if (position.search === undefined) return position;
  const search = normalizeSearch(position.search);
  if (search === undefined || search !== position.search) return undefined;
  return { search, page: position.page };
}
