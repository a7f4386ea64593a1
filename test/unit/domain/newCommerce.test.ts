import {
  CANCELLATION_WINDOW_HOURS,
  cancellationWindowEnd,
  hasNewCommerceNotes,
  isNewCommerce,
  newCommerceNotes,
  type NewCommerceFields,
} from '../../../src/domain/newCommerce';

const NOW = Date.UTC(2026, 2, 10, 12);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function sub(over: Partial<NewCommerceFields>): NewCommerceFields {
  return {
    id: 's1',
    friendlyName: 'Seats',
    offerName: 'Microsoft 365 E3',
    status: 'active',
    productType: 'OnlineServicesNCE',
    ...over,
  };
}

describe('new-commerce rules before a removal', () => {
  it('recognises new commerce by Partner Center product type (case-insensitive)', () => {
    expect(isNewCommerce({ productType: 'OnlineServicesNCE' })).toBe(true);
    expect(isNewCommerce({ productType: 'onlineservicesnce' })).toBe(true);
    expect(isNewCommerce({ productType: 'OnlineServices' })).toBe(false);
    expect(isNewCommerce({})).toBe(false);
  });

  it.each([
    [
      'cancellationAllowedUntilDate wins',
      { cancellationAllowedUntilDate: iso(NOW + 5 * HOUR), effectiveStartDate: iso(NOW) },
      NOW + 5 * HOUR,
    ],
    [
      'term start + 168 h',
      { effectiveStartDate: iso(NOW - 24 * HOUR) },
      NOW - 24 * HOUR + CANCELLATION_WINDOW_HOURS * HOUR,
    ],
    ['creation date + 168 h', { creationDate: iso(NOW - 48 * HOUR) }, NOW - 48 * HOUR + 168 * HOUR],
    ['nothing known', {}, undefined],
    ['unreadable date', { cancellationAllowedUntilDate: 'soon' }, undefined],
  ])('window end: %s', (_name, fields, expected) => {
    expect(cancellationWindowEnd(sub(fields))).toBe(expected);
  });

  it('names active new-commerce subscriptions inside the window and flags suspended ones as still billed', () => {
    const notes = newCommerceNotes(
      [
        sub({ id: 'in', friendlyName: 'Fresh', cancellationAllowedUntilDate: iso(NOW + HOUR) }),
        sub({ id: 'out', cancellationAllowedUntilDate: iso(NOW - HOUR) }),
        sub({ id: 'legacy', productType: 'OnlineServices', creationDate: iso(NOW) }),
        sub({
          id: 'susp',
          friendlyName: '',
          status: 'suspended',
          commitmentEndDate: iso(NOW + 30 * 24 * HOUR),
        }),
        sub({ id: 'susp-old', status: 'Suspended', commitmentEndDate: iso(NOW - HOUR) }),
        sub({ id: 'gone', status: 'deleted' }),
      ],
      NOW,
    );
    expect(notes.cancellable).toEqual([{ id: 'in', name: 'Fresh', windowClosesAt: iso(NOW + HOUR) }]);
    expect(notes.stillBilled).toEqual([
      { id: 'susp', name: 'Microsoft 365 E3', billedUntil: iso(NOW + 30 * 24 * HOUR) },
      { id: 'susp-old', name: 'Seats' },
    ]);
    expect(hasNewCommerceNotes(notes)).toBe(true);
    expect(hasNewCommerceNotes(newCommerceNotes([], NOW))).toBe(false);
  });
});
