import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderAdminAccessListCard, type AdminAccessListRow } from '../../cards/adminAccessListCard';
import { commandWord } from '../../cards/helpCard';
import {
  ADMIN_ACCESS_MAX_PAGE,
  adminAccessPage,
  orderAdminAccess,
  type AdminAccessGroup,
} from '../../domain/gdap';
import type { Invitation } from '../../domain/invitations';
import { isGraphError, type DelegatedAdminRelationship } from '../../graph';
import { translatorFor, type Translator } from '../../i18n/i18n';
import { StorageError } from '../../storage/errors';
import { cardResponse, messageResponse, type CardActionRequest } from '../cardResponses';
import { ensureAllowed } from '../guards';
import type { Answer } from '../respond';
import { turnDeadlineOf, type DialogServices } from '../services';

/** The list buttons' data; anything else (forged, malformed) is refused before Graph is asked. */
export const adminAccessPageSchema = z.object({
  p: z.number().int().min(1).max(ADMIN_ACCESS_MAX_PAGE),
});

/** `admin access` [page]: nothing → page 1; a page number; anything else → undefined. */
export function parseAdminAccessArgs(args: string): number | undefined {
  const word = args.trim();
  if (word === '') return 1;
  if (!/^\d{1,5}$/.test(word)) return undefined;
  const page = Number(word);
  return page >= 1 ? page : undefined;
}

/**
 * The `admin access` / `adminzugriff` list: every GDAP relationship of the partner from Graph
 * (app-only), grouped and ordered by the domain (waiting for approval, active, ended), one page at
 * a time. Who asked for a waiting request comes from its invitation record (one single-partition
 * query per waiting request on the page). Read-only: every partner role may use it. Stateless:
 * Previous / Next / Refresh carry the page number, so the card keeps working beside other flows.
 */
export class AdminAccessListController {
  constructor(
    private readonly services: DialogServices,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The typed command (or a button that starts it): the role check, then the page asked for. */
  async open(context: TurnContext, args: string): Promise<Answer> {
    const t = translatorFor(context.activity.locale);
    const allowed = await ensureAllowed(context, this.services.roles, 'adminAccess.read');
    if (!allowed.allowed) return { message: allowed.message };
    const page = parseAdminAccessArgs(args);
    if (page === undefined) {
      return { message: t.t('gdap.list.badArgs', { command: commandWord(t, 'adminAccess') }) };
    }
    return this.load(context, t, page);
  }

  /** Previous / Next / Refresh: the list card replaced in place (a failure leaves it as it is). */
  readonly onPage = async ({ context, data, t }: CardActionRequest): Promise<AdaptiveCardInvokeResponse> => {
    const parsed = adminAccessPageSchema.safeParse(data);
    if (!parsed.success) {
      this.services.logger.warn({ activityId: context.activity.id }, 'admin access: malformed card data');
      return messageResponse(t.t('card.invalid'));
    }
    const allowed = await ensureAllowed(context, this.services.roles, 'adminAccess.read');
    if (!allowed.allowed) return messageResponse(allowed.message);
    const outcome = await this.load(context, t, parsed.data.p);
    return 'card' in outcome ? cardResponse(outcome.card) : messageResponse(outcome.message);
  };

  private async load(context: TurnContext, t: Translator, page: number): Promise<Answer> {
    let relationships: DelegatedAdminRelationship[];
    try {
      relationships = await this.services.gdap.listRelationships(undefined, {
        deadline: turnDeadlineOf(this.services, context),
      });
    } catch (err) {
      if (!isGraphError(err)) throw err;
      this.services.logger.warn({ err: err.toLogObject() }, 'admin access: relationships not readable');
      return { message: t.t('gdap.list.failed') };
    }
    const shown = adminAccessPage(orderAdminAccess(relationships), page);
    const pendingIds = shown.rows.filter((r) => r.group === 'pending').map((r) => r.relationship.id);
    const requests = await this.invitationsOf(pendingIds);
    const rows = shown.rows.map(({ group, relationship }) =>
      toRow(group, relationship, requests.get(relationship.id)),
    );
    const card = renderAdminAccessListCard(t, {
      rows,
      page: shown.page,
      pages: shown.pages,
      total: shown.total,
      now: this.now(),
    });
    return { card };
  }

  /**
   * The invitation that asked for each relationship (by relationship id, single partition). When
   * storage fails the list is shown all the same, without who asked.
   */
  private async invitationsOf(relationshipIds: readonly string[]): Promise<Map<string, Invitation>> {
    const found = new Map<string, Invitation>();
    try {
      const pages = await Promise.all(
        relationshipIds.map((relationshipId) =>
          this.services.invitations.list(this.services.partnerTenantId, { relationshipId, limit: 1 }),
        ),
      );
      for (const { items } of pages) {
        const invitation = items[0];
        if (invitation?.relationshipId) found.set(invitation.relationshipId, invitation);
      }
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
      this.services.logger.warn({ code: err.code }, 'admin access: invitations not readable');
    }
    return found;
  }
}

function toRow(
  group: AdminAccessGroup,
  r: DelegatedAdminRelationship,
  invitation: Invitation | undefined,
): AdminAccessListRow {
  const customer =
    r.customer?.displayName?.trim() ||
    invitation?.customer?.companyName?.trim() ||
    invitation?.acceptedCustomer?.companyName?.trim() ||
    r.displayName;
  return {
    group,
    customer,
    status: r.status,
    roleDefinitionIds: r.roleDefinitionIds,
    endDateTime: r.endDateTime,
    autoExtendDuration: r.autoExtendDuration,
    requestedAt: invitation?.createdAt ?? r.createdDateTime,
    requestedBy: invitation?.createdBy.name,
  };
}
