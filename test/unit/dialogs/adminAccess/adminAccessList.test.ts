import type { TurnContext } from 'botbuilder';
import {
  AdminAccessListController,
  parseAdminAccessArgs,
} from '../../../../src/dialogs/adminAccess/adminAccessList';
import { GraphError } from '../../../../src/graph';
import { translatorFor } from '../../../../src/i18n/i18n';
import { StorageError } from '../../../../src/storage/errors';
import type { FakeGdapClient } from '../../../fakes/graph/fakeGdapClient';
import { harness, USERS, type UserKey } from '../invite/harness';
import { listRows } from './helpers';

const NOW = new Date('2026-03-10T12:00:00Z');

/** The bits of a turn the controller reads: who, the language, and the turn's state. */
function turn(user: UserKey, locale: string): TurnContext {
  const u = USERS[user];
  return {
    activity: { id: 'a1', locale, from: { id: `29:${u.id}`, name: u.name, aadObjectId: u.id } },
    turnState: new Map(),
  } as unknown as TurnContext;
}

function setup() {
  const h = harness();
  const gdap = h.services.gdap as FakeGdapClient;
  const controller = new AdminAccessListController(h.services, () => NOW);
  const click = (user: UserKey, locale: string, data: Record<string, unknown>) =>
    controller.onPage({
      context: turn(user, locale),
      data,
      verb: 'adminAccess.page',
      t: translatorFor(locale),
    });
  return { h, gdap, controller, click };
}

async function waitingRequest(s: ReturnType<typeof setup>): Promise<string> {
  const r = await s.gdap.createRelationship({
    displayName: 'CC-Contoso-20260301-1234abcd',
    duration: 'P730D',
    roleDefinitionIds: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
  });
  await s.gdap.lockForApproval(r.id);
  return r.id;
}

describe('AdminAccessListController', () => {
  it.each([
    ['', 1],
    ['  3 ', 3],
    ['0', undefined],
    ['-1', undefined],
    ['2 3', undefined],
    ['all', undefined],
    ['123456', undefined],
  ])('args %j → page %s', (args, page) => {
    expect(parseAdminAccessArgs(args)).toBe(page);
  });

  it.each<[UserKey, boolean]>([
    ['admin', true],
    ['agent', true],
    ['sales', true],
    ['helpdesk', true],
    ['stranger', false],
  ])('read-only: %s may list → %s', async (user, allowed) => {
    const s = setup();
    const answer = await s.controller.open(turn(user, 'en-US'), '');
    expect('card' in answer).toBe(allowed);
    if (!allowed) expect(answer).toEqual({ message: expect.stringMatching(/Global admin/) });
  });

  it.each([
    ['en-US', 'The admin access relationships could not be read'],
    ['de-DE', 'Die Beziehungen mit Administratorzugriff konnten nicht gelesen werden'],
  ])(
    'Graph failing (after its retries) → a localized sentence, the clicked card stays (%s)',
    async (locale, text) => {
      const s = setup();
      s.gdap.listRelationships = () =>
        Promise.reject(
          new GraphError('unavailable', 'Graph listRelationships failed with HTTP 503', { status: 503 }),
        );
      expect(await s.controller.open(turn('sales', locale), '')).toEqual({
        message: expect.stringContaining(text),
      });
      const clicked = await s.click('sales', locale, { p: 2 });
      expect(clicked).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
      expect(String(clicked.value)).toContain(text);
    },
  );

  it('forged page data is refused before Graph is asked', async () => {
    const s = setup();
    const calls = s.gdap.calls.length;
    const res = await s.click('sales', 'de-DE', { p: '1; DROP' });
    expect(String(res.value)).toContain('Diese Kartenaktion wurde nicht verstanden');
    expect(s.gdap.calls.length).toBe(calls);
  });

  it('who asked comes from the invitation; storage failing still shows the list without it', async () => {
    const s = setup();
    const id = await waitingRequest(s);
    await s.h.invitations.create({
      id: 'inv-1',
      partnerTenantId: s.h.services.partnerTenantId,
      kind: 'reseller',
      link: 'https://example.invalid/accept',
      createdBy: { aadObjectId: USERS.agent.id, name: 'Max Weber' },
      customer: { companyName: 'Contoso GmbH' },
      conversationId: 'c',
      conversationReference: {},
      status: 'pending',
      createdAt: '2026-03-07T12:00:00Z',
      updatedAt: '2026-03-07T12:00:00Z',
      relationshipId: id,
    });
    const shown = await s.controller.open(turn('sales', 'en-US'), '');
    expect(listRows((shown as { card: Record<string, any> }).card)).toEqual([
      {
        section: 'Waiting for approval',
        customer: 'Contoso GmbH',
        status: 'Waiting for approval',
        roles: 'Directory Readers',
        meta: 'Requested 3 days ago by Max Weber',
      },
    ]);

    s.h.invitations.list = () => Promise.reject(new StorageError('unavailable', 'cosmos down'));
    const without = await s.controller.open(turn('sales', 'de-DE'), '');
    const [row] = listRows((without as { card: Record<string, any> }).card);
    expect(row).toMatchObject({ customer: 'CC-Contoso-20260301-1234abcd', status: 'Wartet auf Genehmigung' });
    expect(row!.meta).toMatch(/^Angefragt .* von einer Kollegin oder einem Kollegen$/);
  });

  it('no relationships: the empty list says so', async () => {
    const s = setup();
    const answer = await s.controller.open(turn('sales', 'de-DE'), '');
    expect(JSON.stringify(answer)).toContain('Es gibt noch keine Beziehungen mit Administratorzugriff.');
  });
});
