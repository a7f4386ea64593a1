import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';
import { gdapDate, gdapStatusLabel } from '../../cards/adminAccessCards';
import { customerIdSchema } from '../../common/customerId';
import { isAutoExtending } from '../../domain/gdap';
import { GraphError, type DelegatedAdminRelationship, type GdapClient } from '../../graph';
import type { Translator } from '../../i18n/i18n';
import { messageResponse } from '../cardResponses';
import type { StartGuard } from '../feature';
import { turnDeadlineOf, type DialogServices } from '../services';

/** The part of an expiry card's "Request new admin access" data that names what the card said. */
const expiryDataSchema = z.object({
  customerId: customerIdSchema,
  expiry: z.object({
    relationshipId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/),
    kind: z.enum(['warning', 'ended']),
    endDateTime: z.iso.datetime({ offset: true }).optional(),
  }),
});
type ExpiryData = z.infer<typeof expiryDataSchema>;

const LIVE = new Set(['active', 'expiring']);
/** Sent to the customer and not yet active (a `created` one is an unsent draft). */
const PENDING = new Set(['approvalPending', 'approved', 'activating']);

/**
 * Before "Request new admin access" on an expiry card starts the draft-email flow: is the card
 * still true? A warning whose relationship was renewed (later end, auto-extend on), changed status,
 * or whose customer has newer admin access (or a request waiting for approval) says so and starts
 * nothing; so does an announcement of an end after which new access exists. Data without `expiry`
 * (the customer record's own button) passes unchecked; a Graph failure starts nothing either.
 */
export function createRenewalCheck(services: DialogServices): StartGuard {
  return async ({ context, data, t }) => {
    if (!('expiry' in data)) return undefined;
    const parsed = expiryDataSchema.safeParse(data);
    if (!parsed.success) return messageResponse(t.t('card.invalid'));
    const deadline = turnDeadlineOf(services, context);
    try {
      return await outdated(services.gdap, parsed.data, t, deadline);
    } catch (err) {
      if (err instanceof GraphError && err.kind === 'notFound')
        return messageResponse(t.t('gdapExpiry.click.gone'));
      return messageResponse(t.t('gdapExpiry.click.failed'));
    }
  };
}

async function outdated(
  gdap: GdapClient,
  data: ExpiryData,
  t: Translator,
  deadline: number | undefined,
): Promise<AdaptiveCardInvokeResponse | undefined> {
  const r = await gdap.getRelationship(data.expiry.relationshipId, { deadline });
  const company = r.customer?.displayName?.trim() || t.t('gdap.notify.aCustomer');
  const announcedEnd = Date.parse(data.expiry.endDateTime ?? r.endDateTime ?? '');
  if (data.expiry.kind === 'warning') {
    if (!LIVE.has(r.status))
      return messageResponse(
        t.t('gdapExpiry.click.statusChanged', { company, status: gdapStatusLabel(t, r.status) }),
      );
    if (isAutoExtending(r.autoExtendDuration))
      return messageResponse(t.t('gdapExpiry.click.autoExtends', { company }));
    const end = Date.parse(r.endDateTime ?? '');
    if (Number.isFinite(end) && Number.isFinite(announcedEnd) && end > announcedEnd)
      return messageResponse(t.t('gdapExpiry.click.renewed', { company, date: gdapDate(t, r.endDateTime) }));
  }
  const others = (await gdap.listRelationships({ customerTenantId: data.customerId }, { deadline })).filter(
    (o) => o.id !== r.id,
  );
  if (others.some((o) => PENDING.has(o.status)))
    return messageResponse(t.t('gdapExpiry.click.newerPending', { company }));
  const newer = others.find((o) => LIVE.has(o.status) && outlasts(o, announcedEnd));
  if (newer)
    return messageResponse(
      t.t('gdapExpiry.click.newer', {
        company,
        status: gdapStatusLabel(t, newer.status),
        date: gdapDate(t, newer.endDateTime),
      }),
    );
  return undefined;
}

/** A live relationship that lasts beyond the announced end (or extends itself). */
function outlasts(o: DelegatedAdminRelationship, announcedEnd: number): boolean {
  if (isAutoExtending(o.autoExtendDuration)) return true;
  const end = Date.parse(o.endDateTime ?? '');
  return Number.isFinite(end) && (!Number.isFinite(announcedEnd) || end > announcedEnd);
}
