import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import type { CardActionRequest } from '../../../../src/dialogs/cardResponses';
import type { Invitation } from '../../../../src/domain/invitations';
import { createInvitationsPageHandler } from '../../../../src/dialogs/invite/invitationsPage';
import { translatorFor } from '../../../../src/i18n/i18n';
import { SIMULATOR_PROVIDERS } from '../../../../src/simulator/seed';
import { expectValidCard } from '../../../support/cardAssertions';
import {
  InviteChat,
  USERS,
  actionsOf,
  cardOfReply,
  cardOfResponse,
  harness,
  messageOfResponse,
  textOf,
  type Harness,
  type UserKey,
} from './harness';

const NOW = new Date('2026-03-10T12:00:00Z');
const DAY = 86_400_000;

function invitation(i: number, overrides: Partial<Invitation> = {}): Invitation {
  const createdBy = i % 3 === 0 ? USERS.agent : USERS.admin;
  return {
    id: `inv-${String(i).padStart(3, '0')}`,
    partnerTenantId: 'will be replaced',
    kind: i % 2 ? 'indirectReseller' : 'reseller',
    provider: i % 2 ? { id: SIMULATOR_PROVIDERS[0]!.id, name: SIMULATOR_PROVIDERS[0]!.name } : undefined,
    customer: { companyName: `Customer ${i}` },
    channel: (['ownMarketing', 'microsoftReferral', 'indirectProvider'] as const)[i % 3],
    link: 'https://admin.microsoft.com/x',
    createdBy: { aadObjectId: createdBy.id, name: createdBy.name },
    conversationId: 'c',
    conversationReference: {},
    status: (['pending', 'accepted', 'expired'] as const)[i % 3]!,
    // inv-000 is the newest, one day apart.
    createdAt: new Date(NOW.getTime() - (i + 1) * DAY).toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

const LANGUAGES = [
  {
    locale: 'en-US',
    command: 'invitations',
    mine: 'invitations mine',
    allTitle: 'Invitations — everyone',
    mineTitle: 'Invitations — sent by you',
    page: (n: number) => `Newest first · page ${n}`,
    next: 'Next page',
    first: 'First page',
    showMine: 'Only mine',
    showAll: 'Everyone’s',
    pending: 'Pending',
    accepted: 'Accepted',
    sentBy: `Sent by ${USERS.admin.name} · 2 days ago · Microsoft referral`,
    kindIndirect: `Reseller relationship with you and ${SIMULATOR_PROVIDERS[0]!.name}`,
    empty: /No invitations yet/,
    emptyMine: /You have not sent any invitations yet/,
    badArgs: /\*\*invitations mine\*\*/,
    refused: /only a Global admin or Admin agent or Sales agent or Helpdesk agent/,
    invalid: /not understood/,
    pageFailed: /could not be loaded/,
  },
  {
    locale: 'de-DE',
    command: 'einladungen',
    mine: 'einladungen meine',
    allTitle: 'Einladungen – alle',
    mineTitle: 'Einladungen – von Ihnen gesendet',
    page: (n: number) => `Neueste zuerst · Seite ${n}`,
    next: 'Nächste Seite',
    first: 'Erste Seite',
    showMine: 'Nur meine',
    showAll: 'Alle',
    pending: 'Ausstehend',
    accepted: 'Angenommen',
    sentBy: `Gesendet von ${USERS.admin.name} · vorgestern · Empfehlung von Microsoft`,
    kindIndirect: `Vertriebspartnerschaft mit Ihnen und ${SIMULATOR_PROVIDERS[0]!.name}`,
    empty: /Noch keine Einladungen/,
    emptyMine: /noch keine Einladungen gesendet/,
    badArgs: /\*\*einladungen meine\*\*/,
    refused: /Globaler Administrator oder Administrator-Agent oder Vertriebsagent oder Helpdesk-Agent/,
    invalid: /nicht verstanden/,
    pageFailed: /nicht geladen werden/,
  },
];

describe.each(LANGUAGES.map((L) => [L.locale, L] as const))('invitations list in %s', (_locale, L) => {
  let h: Harness;
  let chat: InviteChat;

  beforeEach(() => {
    h = harness();
    chat = new InviteChat(h, L.locale, () => NOW);
  });

  async function seed(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await h.invitations.create({ ...invitation(i), partnerTenantId: h.services.partnerTenantId });
    }
    // Another partner's invitation never shows.
    await h.invitations.create({ ...invitation(99), partnerTenantId: 'other-partner', id: 'foreign' });
  }

  function click(data: Record<string, unknown>, user: UserKey = 'admin'): CardActionRequest {
    const u = USERS[user];
    const activity: Partial<Activity> = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      locale: L.locale,
      from: { id: `29:${u.id}`, name: u.name, aadObjectId: u.id },
      recipient: { id: '28:bot', name: 'Bot' },
      conversation: { id: 'a:conv', isGroup: false, conversationType: 'personal', name: '' },
      value: { action: { type: 'Action.Execute', verb: 'invitations.page', data } },
    };
    return {
      context: new TurnContext(new TestAdapter(), activity),
      verb: 'invitations.page',
      data,
      t: translatorFor(L.locale),
    };
  }
  const handler = () => createInvitationsPageHandler(h.services, () => NOW);
  const companies = (card: unknown) => [...textOf(card).matchAll(/\*\*(Customer \d+)\*\*/g)].map((m) => m[1]);

  it('lists all invitations newest first with status, kind, sender, age and channel', async () => {
    await seed(23);
    const turn = await chat.say(L.command);
    const card = cardOfReply(turn.replies[0]);
    expectValidCard(card);
    const text = textOf(card);
    expect(text).toContain(L.allTitle);
    expect(text).toContain(L.page(1));
    expect(companies(card)).toEqual(Array.from({ length: 10 }, (_, i) => `Customer ${i}`));
    expect(text).toContain(L.pending);
    expect(text).toContain(L.accepted);
    expect(text).toContain(L.kindIndirect);
    expect(text).toContain(L.sentBy); // the row of inv-001
    expect(actionsOf(card).map((a) => a.title)).toEqual([L.next, L.showMine]);
    expect(chat.waiting).toBe(false);
  });

  it('pages with the stateless next/first buttons', async () => {
    await seed(23);
    const first = cardOfReply((await chat.say(L.command)).replies[0]);
    const next = actionsOf(first)[0]!;
    expect(next.verb).toBe('invitations.page');
    const page2 = cardOfResponse(await handler()(click(next.data!)));
    expect(textOf(page2)).toContain(L.page(2));
    expect(companies(page2)).toEqual(Array.from({ length: 10 }, (_, i) => `Customer ${i + 10}`));
    const page3 = cardOfResponse(await handler()(click(actionsOf(page2)[0]!.data!)));
    expectValidCard(page3);
    expect(companies(page3)).toEqual(['Customer 20', 'Customer 21', 'Customer 22']);
    expect(actionsOf(page3).map((a) => a.title)).toEqual([L.first, L.showMine]);
    const back = cardOfResponse(await handler()(click(actionsOf(page3)[0]!.data!)));
    expect(companies(back)[0]).toBe('Customer 0');
  });

  it('"mine" shows only the invitations of the user who asks (also via the toggle)', async () => {
    await seed(12);
    const mine = cardOfReply((await chat.say(L.mine)).replies[0]);
    expect(textOf(mine)).toContain(L.mineTitle);
    expect(companies(mine)).toEqual([
      'Customer 1',
      'Customer 2',
      'Customer 4',
      'Customer 5',
      'Customer 7',
      'Customer 8',
      'Customer 10',
      'Customer 11',
    ]);
    expect(actionsOf(mine).map((a) => a.title)).toEqual([L.showAll]);
    // The toggle on an "all" card, clicked by the admin agent: their own.
    const all = cardOfReply((await chat.say(L.command)).replies[0]);
    const toggle = actionsOf(all).find((a) => a.title === L.showMine)!;
    const agentMine = cardOfResponse(await handler()(click(toggle.data!, 'agent')));
    expect(companies(agentMine)).toEqual(['Customer 0', 'Customer 3', 'Customer 6', 'Customer 9']);
  });

  it('says when there are no invitations yet', async () => {
    expect(textOf(cardOfReply((await chat.say(L.command)).replies[0]))).toMatch(L.empty);
    expect(textOf(cardOfReply((await chat.say(L.mine)).replies[0]))).toMatch(L.emptyMine);
  });

  it('explains the options for an unknown argument', async () => {
    const turn = await chat.say(`${L.command} yesterday`);
    expect(turn.replies[0]!.text).toMatch(L.badArgs);
  });

  it('refuses users without a partner role', async () => {
    chat.user = 'stranger';
    expect((await chat.say(L.command)).replies[0]!.text).toMatch(L.refused);
    expect(messageOfResponse(await handler()(click({ view: 'all', page: 1 }, 'stranger')))).toMatch(
      L.refused,
    );
  });

  it('lets read-only roles see the list', async () => {
    await seed(2);
    chat.user = 'helpdesk';
    expect(companies(cardOfReply((await chat.say(L.command)).replies[0]))).toEqual([
      'Customer 0',
      'Customer 1',
    ]);
  });

  it.each([
    ['an unknown view', { view: 'everything', page: 1 }],
    ['page 0', { view: 'all', page: 0 }],
    ['a page that is not a number', { view: 'all', page: '2' }],
    ['no view', { page: 1 }],
    ['an over-long token', { view: 'all', page: 2, continuation: 'x'.repeat(5000) }],
  ])('refuses forged page data: %s', async (_what, data) => {
    expect(messageOfResponse(await handler()(click(data)))).toMatch(L.invalid);
  });

  it('a token the store does not accept gets a clear message', async () => {
    await seed(3);
    const response = await handler()(click({ view: 'all', page: 2, continuation: 'forged' }));
    expect(messageOfResponse(response)).toMatch(L.pageFailed);
  });
});
