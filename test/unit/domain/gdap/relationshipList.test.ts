import {
  ADMIN_ACCESS_PAGE_SIZE,
  adminAccessGroupOf,
  adminAccessPage,
  orderAdminAccess,
} from '../../../../src/domain/gdap';

describe('admin access list: groups, order, pages', () => {
  it.each([
    ['approvalPending', 'pending'],
    ['approved', 'pending'],
    ['activating', 'pending'],
    ['active', 'active'],
    ['expiring', 'active'],
    ['terminationRequested', 'active'],
    ['terminating', 'active'],
    ['expired', 'ended'],
    ['terminated', 'ended'],
    ['created', undefined],
    ['unknownFutureValue', undefined],
  ])('%s → %s', (status, group) => {
    expect(adminAccessGroupOf(status)).toBe(group);
  });

  it('waiting longest first, then active by soonest end, then ended most recent first; created left out', () => {
    const r = (id: string, status: string, extra: Record<string, string> = {}) => ({ id, status, ...extra });
    const ordered = orderAdminAccess([
      r('ended-old', 'expired', { endDateTime: '2024-01-01T00:00:00Z' }),
      r('active-late', 'active', { endDateTime: '2027-06-01T00:00:00Z' }),
      r('pending-new', 'approvalPending', { createdDateTime: '2026-03-09T00:00:00Z' }),
      r('draft', 'created', { createdDateTime: '2026-03-01T00:00:00Z' }),
      r('active-no-end', 'activating'),
      r('active-soon', 'expiring', { endDateTime: '2026-03-20T00:00:00Z' }),
      r('ended-new', 'terminated', { endDateTime: '2026-02-01T00:00:00Z' }),
      r('pending-old', 'approvalPending', { createdDateTime: '2026-01-09T00:00:00Z' }),
      r('active-unknown-end', 'active'),
    ]);
    expect(ordered.map((o) => `${o.group}:${o.relationship.id}`)).toEqual([
      'pending:pending-old',
      'pending:pending-new',
      'pending:active-no-end',
      'active:active-soon',
      'active:active-late',
      'active:active-unknown-end',
      'ended:ended-new',
      'ended:ended-old',
    ]);
  });

  it.each([
    [0, 1, 1, 1, 0],
    [25, 1, 1, 3, 10],
    [25, 3, 3, 3, 5],
    [25, 99, 3, 3, 5],
    [25, 0, 1, 3, 10],
    [20, 2, 2, 2, 10],
  ])('%i relationships, page %i → page %i of %i with %i rows', (total, asked, page, pages, rows) => {
    const items = Array.from({ length: total }, (_, i) => i);
    const shown = adminAccessPage(items, asked, ADMIN_ACCESS_PAGE_SIZE);
    expect(shown).toMatchObject({ page, pages, total });
    expect(shown.rows).toHaveLength(rows);
    expect(shown.rows[0]).toBe(rows ? (page - 1) * ADMIN_ACCESS_PAGE_SIZE : undefined);
  });
});
