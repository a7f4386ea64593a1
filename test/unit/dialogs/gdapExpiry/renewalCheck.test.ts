import type { TurnContext } from 'botbuilder';
import { createRenewalCheck } from '../../../../src/dialogs/gdapExpiry/renewalCheck';
import type { DialogServices } from '../../../../src/dialogs/services';
import { GraphError } from '../../../../src/graph/errors';
import type { GdapClient } from '../../../../src/graph/gdapClient';
import type { DelegatedAdminRelationship } from '../../../../src/graph/types';
import { translatorFor } from '../../../../src/i18n/i18n';

const CUSTOMER = '5a1c3e9b-0d2f-4c6a-8e1b-7f3d9a2c4b60';
const END = '2026-04-01T10:00:00.000Z';
const LATER = '2027-04-01T10:00:00.000Z';

const rel = (over: Partial<DelegatedAdminRelationship> = {}): DelegatedAdminRelationship => ({
  id: 'rel-1',
  displayName: 'GDAP Contoso',
  duration: 'P730D',
  autoExtendDuration: 'PT0S',
  status: 'active',
  customer: { tenantId: CUSTOMER, displayName: 'Contoso' },
  roleDefinitionIds: [],
  activatedDateTime: '2024-04-01T10:00:00.000Z',
  endDateTime: END,
  ...over,
});

const data = (kind: 'warning' | 'ended' = 'warning', endDateTime = END) => ({
  customerId: CUSTOMER,
  adminAccessOnly: true,
  templateId: 'least-privilege',
  expiry: { relationshipId: 'rel-1', kind, endDateTime },
});

/** A Graph stub: the relationship the card names (or an error) and the customer's others. */
function check(current: DelegatedAdminRelationship | Error, others: DelegatedAdminRelationship[] = []) {
  const calls: string[] = [];
  const gdap = {
    getRelationship: (id: string) => {
      calls.push(`get ${id}`);
      return current instanceof Error ? Promise.reject(current) : Promise.resolve(current);
    },
    listRelationships: (filter?: { customerTenantId?: string }) => {
      calls.push(`list ${filter?.customerTenantId ?? ''}`);
      return Promise.resolve(current instanceof Error ? others : [current, ...others]);
    },
  } as unknown as GdapClient;
  const services = { gdap, config: { partnerCenter: { turnDeadlineMs: 7000 } } } as unknown as DialogServices;
  const guard = createRenewalCheck(services);
  const context = { turnState: new Map() } as unknown as TurnContext;
  return {
    calls,
    run: async (d: Record<string, unknown>, locale = 'en-US') => {
      const answer = await guard({
        context,
        verb: 'customers.requestAdminAccess',
        data: d,
        t: translatorFor(locale),
      });
      return answer === undefined ? undefined : String(answer.value);
    },
  };
}

describe('expiry card click: is the card still true before the draft-email flow starts?', () => {
  it('the customer record’s own button (no expiry data) passes unchecked', async () => {
    const c = check(rel());
    expect(await c.run({ customerId: CUSTOMER, adminAccessOnly: true })).toBeUndefined();
    expect(c.calls).toEqual([]);
  });

  it.each([
    ['still ending as warned → the flow starts', 'warning', rel(), [], undefined],
    [
      'end moved later (renewed)',
      'warning',
      rel({ endDateTime: LATER }),
      [],
      'Admin access to Contoso was renewed in the meantime: it now ends on Apr 1, 2027. Nothing was changed.',
    ],
    [
      'auto-extend switched on',
      'warning',
      rel({ autoExtendDuration: 'P180D' }),
      [],
      'Admin access to Contoso now extends automatically. Nothing was changed.',
    ],
    [
      'terminated meanwhile',
      'warning',
      rel({ status: 'terminated' }),
      [],
      'This admin access relationship with Contoso is now “Ended”, so this warning is out of date. Nothing was changed.',
    ],
    [
      'a new request waits for approval',
      'warning',
      rel(),
      [rel({ id: 'rel-2', status: 'approvalPending', endDateTime: undefined })],
      'A new admin access request for Contoso is already waiting for approval. Nothing was changed.',
    ],
    [
      'an unsent draft (created) does not count',
      'warning',
      rel(),
      [rel({ id: 'rel-2', status: 'created' })],
      undefined,
    ],
    [
      'the ended card, and the customer has newer access',
      'ended',
      rel({ status: 'expired' }),
      [rel({ id: 'rel-2', endDateTime: LATER })],
      'Contoso already has newer admin access (Active, ends on Apr 1, 2027). Nothing was changed.',
    ],
    ['the ended card, nothing newer → the flow starts', 'ended', rel({ status: 'expired' }), [], undefined],
  ] as const)('%s', async (_name, kind, current, others, expected) => {
    expect(await check(current, [...others]).run(data(kind))).toBe(expected);
  });

  it.each([
    ['not found', new GraphError('notFound', 'gone'), 'This admin access relationship no longer exists'],
    [
      'Graph unavailable',
      new GraphError('unavailable', 'down'),
      'Admin access could not be checked right now',
    ],
  ])('%s: says so, starts nothing', async (_name, error, start) => {
    expect(await check(error).run(data())).toMatch(new RegExp(`^${start}`));
  });

  it.each([
    [{ ...data(), expiry: { relationshipId: '../x', kind: 'warning' } }],
    [{ ...data(), expiry: { relationshipId: 'rel-1', kind: 'later' } }],
    [{ ...data(), customerId: 'not an id!' }],
    [{ ...data(), expiry: 'rel-1' }],
  ])('forged data is refused without calling Graph (%#)', async (forged) => {
    const c = check(rel());
    expect(await c.run(forged)).toBe('This card action was not understood, so nothing was changed.');
    expect(c.calls).toEqual([]);
  });

  it('answers in German', async () => {
    expect(await check(rel({ endDateTime: LATER })).run(data(), 'de-DE')).toBe(
      'Der Administratorzugriff bei Contoso wurde inzwischen verlängert: Er endet jetzt am 01.04.2027. Es wurde nichts geändert.',
    );
  });
});
