/**
 * Microsoft's new-commerce rules that matter before a customer relationship is removed, as plain
 * data (no botbuilder):
 * - a new-commerce subscription can be cancelled (with a prorated refund) only within 7 days
 *   (168 hours) of its purchase or renewal; afterwards the partner pays for the whole term;
 * - suspending a new-commerce subscription does not stop billing: it is billed until its term ends.
 *
 * Partner Center marks a new-commerce subscription with `productType.id` `OnlineServicesNCE` and
 * says until when it can be cancelled in `cancellationAllowedUntilDate`; when that is missing, the
 * window is computed from the start of the current term (`effectiveStartDate`, else `creationDate`).
 */

/** Partner Center's product type (ItemType id) of new-commerce license subscriptions. */
export const NEW_COMMERCE_PRODUCT_TYPE = 'OnlineServicesNCE';
/** The cancellation window after a purchase or renewal. */
export const CANCELLATION_WINDOW_HOURS = 168;

/** The subscription fields the rules read (a subset of Partner Center's subscription). */
export interface NewCommerceFields {
  id: string;
  friendlyName: string;
  offerName: string;
  status: string;
  productType?: string;
  creationDate?: string;
  effectiveStartDate?: string;
  cancellationAllowedUntilDate?: string;
  commitmentEndDate?: string;
}

/** What the preconditions and warning cards say about new-commerce subscriptions. */
export interface NewCommerceNotes {
  /** Active new-commerce subscriptions still inside their cancellation window, with its end (ISO). */
  cancellable: { id: string; name: string; windowClosesAt: string }[];
  /** Suspended new-commerce subscriptions: still billed, until the term ends (ISO) when known. */
  stillBilled: { id: string; name: string; billedUntil?: string }[];
}

export function isNewCommerce(s: Pick<NewCommerceFields, 'productType'>): boolean {
  return s.productType?.toLowerCase() === NEW_COMMERCE_PRODUCT_TYPE.toLowerCase();
}

function time(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** When the subscription's cancellation window closes (epoch ms); undefined when nothing says. */
export function cancellationWindowEnd(s: NewCommerceFields): number | undefined {
  const reported = time(s.cancellationAllowedUntilDate);
  if (reported !== undefined) return reported;
  const start = time(s.effectiveStartDate) ?? time(s.creationDate);
  return start === undefined ? undefined : start + CANCELLATION_WINDOW_HOURS * 3_600_000;
}

export function subscriptionName(s: Pick<NewCommerceFields, 'id' | 'friendlyName' | 'offerName'>): string {
  return s.friendlyName || s.offerName || s.id;
}

/** The new-commerce notes for a customer's subscriptions at `now`. */
export function newCommerceNotes(subscriptions: readonly NewCommerceFields[], now: number): NewCommerceNotes {
  const notes: NewCommerceNotes = { cancellable: [], stillBilled: [] };
  for (const s of subscriptions) {
    if (!isNewCommerce(s)) continue;
    const status = s.status.toLowerCase();
    if (status === 'active') {
      const end = cancellationWindowEnd(s);
      if (end !== undefined && end > now) {
        notes.cancellable.push({
          id: s.id,
          name: subscriptionName(s),
          windowClosesAt: new Date(end).toISOString(),
        });
      }
    } else if (status === 'suspended') {
      const until = time(s.commitmentEndDate);
      const item: NewCommerceNotes['stillBilled'][number] = { id: s.id, name: subscriptionName(s) };
      if (until !== undefined && until > now) item.billedUntil = new Date(until).toISOString();
      notes.stillBilled.push(item);
    }
  }
  return notes;
}

export function hasNewCommerceNotes(notes: NewCommerceNotes | undefined): notes is NewCommerceNotes {
  return !!notes && (notes.cancellable.length > 0 || notes.stillBilled.length > 0);
}
