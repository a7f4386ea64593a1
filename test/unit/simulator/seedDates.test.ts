import { generateSeedCustomers } from '../../../src/simulator/seed';

const DAY = 86_400_000;

/** Issue 18.5: demo subscriptions are dated relative to "now", deterministically. */
describe('simulator demo dates', () => {
  const subscriptionsAt = (now: number) =>
    generateSeedCustomers({ count: 30, seed: 1, now }).flatMap((c) => c.details().subscriptions);

  it.each([Date.UTC(2024, 5, 15, 13), Date.UTC(2031, 0, 2, 8)])(
    'every commitment ends within the year after today and starts before it (now = %s)',
    (now) => {
      const subs = subscriptionsAt(now);
      expect(subs.length).toBeGreaterThan(20);
      const today = Math.floor(now / DAY) * DAY;
      for (const s of subs) {
        const end = Date.parse(s.commitmentEndDate!);
        const created = Date.parse(s.creationDate!);
        expect(end).toBeGreaterThan(today);
        expect(end).toBeLessThanOrEqual(today + 365 * DAY);
        expect(created).toBeLessThanOrEqual(today);
        expect(created).toBeGreaterThanOrEqual(today - 900 * DAY);
      }
    },
  );

  it('the same day gives the same dates; another day shifts them', () => {
    const morning = subscriptionsAt(Date.UTC(2030, 2, 10, 6));
    const evening = subscriptionsAt(Date.UTC(2030, 2, 10, 22));
    expect(evening).toEqual(morning);
    const nextDay = subscriptionsAt(Date.UTC(2030, 2, 11, 6));
    expect(nextDay.map((s) => s.creationDate)).not.toEqual(morning.map((s) => s.creationDate));
  });
});
