import { newCommerceNotes } from '../../../src/domain/newCommerce';
import { toSubscription } from '../../../src/partnerCenter/mappers';
import { normalizeKeys } from '../../../src/partnerCenter/normalize';
import { generateSeedCustomers } from '../../../src/simulator/seed';
import { subscriptionToWire } from '../../../src/simulator/wire';

const DAY = 86_400_000;

/** Issue 16.4: the demo data has new-commerce subscriptions inside their window and suspended ones still billed. */
describe('simulator new-commerce subscriptions', () => {
  const now = Date.UTC(2026, 4, 20, 15);
  const customers = generateSeedCustomers({ count: 30, seed: 1, now });
  const subs = customers.flatMap((c) => c.details().subscriptions);

  it('marks subscriptions as new commerce with a 168-hour window after the current term started', () => {
    expect(subs.every((s) => s.productType === 'OnlineServicesNCE')).toBe(true);
    for (const s of subs) {
      expect(Date.parse(s.cancellationAllowedUntilDate!) - Date.parse(s.effectiveStartDate!)).toBe(
        168 * 3_600_000,
      );
    }
  });

  it('every ninth customer bought one two days ago (inside the window); suspended ones are flagged as billed', () => {
    const first = customers[0]!.details().subscriptions[0]!;
    expect(Date.parse(first.creationDate!)).toBe(Math.floor(now / DAY) * DAY - 2 * DAY);
    const notes = customers.map((c) => newCommerceNotes(c.details().subscriptions, now));
    expect(notes.filter((n) => n.cancellable.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(notes.filter((n) => n.stillBilled.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it("speaks Partner Center's wire format: productType as an ItemType object, read back by the client", () => {
    const wire = subscriptionToWire(subs[0]!, customers[0]!.customer.id);
    expect(wire['productType']).toEqual({ id: 'OnlineServicesNCE', displayName: 'OnlineServicesNCE' });
    const read = toSubscription(normalizeKeys(wire));
    expect(read).toMatchObject({
      productType: 'OnlineServicesNCE',
      cancellationAllowedUntilDate: subs[0]!.cancellationAllowedUntilDate,
      effectiveStartDate: subs[0]!.effectiveStartDate,
    });
  });
});
