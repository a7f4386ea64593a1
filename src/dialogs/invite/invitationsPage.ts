import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { messageResponse, cardResponse, type CardActionHandler } from '../cardResponses';
import { commandWord } from '../../cards/helpCard';
import {
  INVITATIONS_PAGE_SIZE,
  renderInvitationsCard,
  type InvitationsPageData,
  type InvitationsView,
} from '../../cards/inviteListCard';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Translator } from '../../i18n/i18n';
import { StorageError } from '../../storage/errors';
import { ensureAllowed } from '../guards';
import type { DialogServices } from '../services';
import { inbound } from '../../common/inboundActivity';

/** The paging buttons' data; anything else (forged, malformed) is refused before storage is asked. */
export const invitationsPageSchema = z.object({
  view: z.enum(['mine', 'all']),
  page: z.number().int().min(1).max(10_000),
  continuation: z.string().min(1).max(4096).optional(),
});

/** `mine`/`meine` → mine, `all`/`alle`/nothing → all, anything else → undefined. */
export function parseInvitationsView(args: string): InvitationsView | undefined {
  const word = args.trim().toLowerCase();
  if (['', 'all', 'alle'].includes(word)) return 'all';
  if (['mine', 'meine', 'my', 'own', 'eigene'].includes(word)) return 'mine';
  return undefined;
}

/**
 * One page of the partner's invitations, newest first (a single-partition query). "mine" means
 * sent by the current user (whoever clicks, not whoever posted the card).
 */
export async function invitationsPageCard(
  services: DialogServices,
  context: TurnContext,
  t: Translator,
  request: InvitationsPageData,
  now: Date,
): Promise<AdaptiveCardJson> {
  const { items, continuation } = await services.invitations.list(services.partnerTenantId, {
    limit: INVITATIONS_PAGE_SIZE,
    continuation: request.continuation,
    createdBy: request.view === 'mine' ? (inbound(context).from?.aadObjectId ?? '-') : undefined,
  });
  return renderInvitationsCard(t, {
    view: request.view,
    page: request.page,
    items: items.slice(0, INVITATIONS_PAGE_SIZE),
    next: continuation,
    now,
  });
}

/** `invitations.page`: stateless paging; replaces the list card in place. */
export function createInvitationsPageHandler(
  services: DialogServices,
  now: () => Date = () => new Date(),
): CardActionHandler {
  return async ({ context, data, t }) => {
    const parsed = invitationsPageSchema.safeParse(data);
    if (!parsed.success) return messageResponse(t.t('card.invalid'));
    const check = await ensureAllowed(context, services.roles, 'invitations.read');
    if (!check.allowed) return messageResponse(check.message);
    try {
      return cardResponse(await invitationsPageCard(services, context, t, parsed.data, now()));
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
      services.logger.warn({ code: err.code }, 'invitations page could not be loaded');
      return messageResponse(t.t('invitations.pageFailed', { command: commandWord(t, 'invitations') }));
    }
  };
}
