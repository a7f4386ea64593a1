import {
  BUILT_IN_TEMPLATES,
  daysLeft,
  dueWarning,
  endDay,
  recentlyEnded,
  templateIdForRoles,
  type ExpiryCandidate,
} from '../../../../src/domain/gdap';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T12:00:00Z');
const at = (days: number) => new Date(NOW + days * DAY).toISOString();
const active = (endInDays: number, over: Partial<ExpiryCandidate> = {}): ExpiryCandidate => ({
  status: 'active',
  autoExtendDuration: 'PT0S',
  activatedDateTime: at(-100),
  endDateTime: at(endInDays),
  ...over,
});

describe('GDAP expiry: which warning is due', () => {
  it.each([
    ['40 days left: none yet', active(40), undefined],
    ['exactly 30 days left: 30', active(30), 30],
    ['25 days left: 30', active(25), 30],
    ['7 days left: 7 (a missed 30 is not sent late)', active(7), 7],
    ['6.5 days left: 7', active(6.5), 7],
    ['20 hours left: 1', active(20 / 24), 1],
    ['ended already: none', active(-0.1), undefined],
    ['auto-extends: none', active(5, { autoExtendDuration: 'P180D' }), undefined],
    ['expiring (Graph status) counts as active', active(5, { status: 'expiring' }), 7],
    ['approval pending: none', active(5, { status: 'approvalPending' }), undefined],
    ['terminated: none', active(5, { status: 'terminated' }), undefined],
    ['no end date: none', active(5, { endDateTime: undefined }), undefined],
  ])('%s', (_name, r, expected) => {
    expect(dueWarning(r, [30, 7, 1], NOW)).toBe(expected);
  });

  it('uses the configured thresholds', () => {
    expect(dueWarning(active(50), [60, 14], NOW)).toBe(60);
    expect(dueWarning(active(10), [60, 14], NOW)).toBe(14);
    expect(dueWarning(active(1), [60, 14], NOW)).toBe(14);
  });

  it.each([
    ['expired 2 days ago after being active', { status: 'expired', endDateTime: at(-2) }, true],
    ['terminated an hour ago', { status: 'terminated', endDateTime: at(-1 / 24) }, true],
    ['expired 30 days ago (before the watch looked)', { status: 'expired', endDateTime: at(-30) }, false],
    [
      'a request that lapsed unapproved',
      { status: 'expired', endDateTime: at(-1), activatedDateTime: undefined },
      false,
    ],
    ['still active', { status: 'active', endDateTime: at(3) }, false],
  ])('recently ended: %s', (_name, over, expected) => {
    expect(recentlyEnded(active(0, over as Partial<ExpiryCandidate>), NOW)).toBe(expected);
  });

  it('days left round up; the end day is the UTC calendar day', () => {
    expect(daysLeft(at(6.1), NOW)).toBe(7);
    expect(daysLeft(at(1), NOW)).toBe(1);
    expect(daysLeft(undefined, NOW)).toBeNaN();
    expect(endDay('2026-03-08T23:59:00Z')).toBe('2026-03-08');
    expect(endDay('nonsense')).toBe('unknown');
  });

  it('finds the template with exactly the relationship roles', () => {
    const template = BUILT_IN_TEMPLATES.templates[0]!;
    const roles = template.roles.map((r) => r.roleDefinitionId.toUpperCase()).reverse();
    expect(templateIdForRoles(BUILT_IN_TEMPLATES, roles)).toBe(template.id);
    expect(templateIdForRoles(BUILT_IN_TEMPLATES, roles.slice(1))).toBeUndefined();
  });
});
