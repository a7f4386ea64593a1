import { SIMULATOR_PROVIDERS } from '../../../../src/simulator/seed';
import { PartnerCenterError } from '../../../../src/partnerCenter/errors';
import { containsLink, MAX_MAILTO_LENGTH } from '../../../../src/domain/inviteDraft';
import { FakePartnerCenterClient } from '../../../fakes/partnerCenter/fakePartnerCenterClient';
import { expectValidCard } from '../../../support/cardAssertions';
import {
  InviteChat,
  USERS,
  action,
  actionsOf,
  cardOfReply,
  cardOfResponse,
  harness,
  input,
  messageOfResponse,
  textOf,
  type Harness,
} from './harness';

const [P1, P2] = SIMULATOR_PROVIDERS;

const LANGUAGES = [
  {
    locale: 'en-US',
    invite: 'invite',
    refused: /only a Global admin or Admin agent/,
    reseller: 'Request a reseller relationship',
    indirect: 'Invite new customers',
    done: 'Done',
    open: 'Open in email',
    copy: 'Copy text',
    retry: 'Try again',
    skip: 'Skip',
    cancel: 'Cancel',
    noProviders: /no active indirect provider/,
    providerRequired: /choose the indirect provider/,
    invalidEmail: /is not a valid email address/,
    throttled: /busy right now/,
    unavailable: /not reachable/,
    linkMissing: /personalized link is missing.*links the customer to your account/,
    copied: /posted the finished text/,
    subjectLine: /^Subject: /,
    doneTitle: 'Invitation recorded',
    doneText: /appear under \*\*Customers\*\* \(type \*\*customers\*\*\).*notify you/,
    cancelled: 'Invitation cancelled',
    cancelledTyped: /Cancelled/,
    expired: /card has expired.*invite/,
    invalid: /not understood/,
    tooLong: /too long/,
    saveFailed: /could not be saved/,
    useCard: /use the buttons/,
    greeting: 'Hello,',
    signature: 'Kind regards\nGreta Hoffmann',
  },
  {
    locale: 'de-DE',
    invite: 'einladen',
    refused: /Globaler Administrator oder Administrator-Agent/,
    reseller: 'Vertriebspartnerschaft beantragen',
    indirect: 'Neue Kunden einladen',
    done: 'Fertig',
    open: 'In E-Mail öffnen',
    copy: 'Text kopieren',
    retry: 'Erneut versuchen',
    skip: 'Überspringen',
    cancel: 'Abbrechen',
    noProviders: /keinen aktiven indirekten Anbieter/,
    providerRequired: /wählen Sie den indirekten Anbieter/,
    invalidEmail: /keine gültige E-Mail-Adresse/,
    throttled: /ausgelastet/,
    unavailable: /nicht erreichbar/,
    linkMissing: /personalisierte Link fehlt.*verknüpft den Kunden mit Ihrem Konto/,
    copied: /fertigen Text/,
    subjectLine: /^Betreff: /,
    doneTitle: 'Einladung erfasst',
    doneText: /unter \*\*Kunden\*\* angezeigt \(geben Sie \*\*kunden\*\* ein\).*benachrichtige Sie/,
    cancelled: 'Einladung abgebrochen',
    cancelledTyped: /Abgebrochen/,
    expired: /abgelaufen.*einladen/,
    invalid: /nicht verstanden/,
    tooLong: /zu lang/,
    saveFailed: /nicht gespeichert werden/,
    useCard: /Schaltflächen/,
    greeting: 'Guten Tag,',
    signature: 'Mit freundlichen Grüßen\nGreta Hoffmann',
  },
];

describe.each(LANGUAGES.map((L) => [L.locale, L] as const))('invite dialog in %s', (_locale, L) => {
  let h: Harness;
  let chat: InviteChat;

  const newChat = (pc?: FakePartnerCenterClient) => {
    h = harness(pc ?? new FakePartnerCenterClient());
    chat = new InviteChat(h, L.locale);
  };
  beforeEach(() => newChat());

  /** `invite` → the choice card (a new message). */
  async function start() {
    const turn = await chat.say(L.invite);
    expect(turn.replies).toHaveLength(1);
    const card = cardOfReply(turn.replies[0]);
    expectValidCard(card);
    const flowId = action(card, 'invite.cancel').data!['flowId'] as string;
    return { card, flowId, flow: { flowId, command: 'invite' } };
  }

  /** Through choice and details to the draft card. */
  async function toDraft(
    choice: { kind: 'reseller' } | { kind: 'indirectReseller'; providerId: string } = { kind: 'reseller' },
    details?: Record<string, string>,
  ) {
    const { flow } = await start();
    const chosen = await chat.click('invite.choose', { ...flow, ...choice });
    expectValidCard(cardOfResponse(chosen.response));
    const turn = details
      ? await chat.click('invite.details', { ...flow, ...details })
      : await chat.click('invite.skip', flow);
    const card = cardOfResponse(turn.response);
    expectValidCard(card);
    const subject = input(card, 'subject')!['value'] as string;
    const body = input(card, 'body')!['value'] as string;
    const link = textOf(card).match(/https?:\/\/\S+partner-invitation/)![0];
    return { flow, card, subject, body, link };
  }

  // ---------------------------------------------------------------- roles

  it.each(['sales', 'helpdesk', 'stranger'] as const)('refuses a %s user, naming the roles', async (user) => {
    chat.user = user;
    const turn = await chat.say(L.invite);
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]!.text).toMatch(L.refused);
    expect(chat.waiting).toBe(false);
    expect(h.pc.calls).toHaveLength(0);
  });

  it.each(['admin', 'agent'] as const)('lets a %s invite', async (user) => {
    chat.user = user;
    const { card } = await start();
    expect(chat.waiting).toBe(true);
    expect(actionsOf(card).map((a) => a.title)).toEqual([L.reseller, L.indirect, L.cancel]);
  });

  // --------------------------------------------------------- the choice card

  it('lists the indirect providers (none preselected when there are several)', async () => {
    const { card } = await start();
    const providers = input(card, 'providerId')!;
    expect(providers['choices'].map((c: any) => c.value)).toEqual(SIMULATOR_PROVIDERS.map((p) => p.id));
    expect(providers['value']).toBe('');
    expect(h.pc.callsOf('listIndirectProviders')[0]!.ctx).toMatchObject({ auth: 'user', locale: L.locale });
  });

  it('preselects the only indirect provider', async () => {
    newChat(new FakePartnerCenterClient({ providers: [P1!] }));
    const { card } = await start();
    expect(input(card, 'providerId')!['value']).toBe(P1!.id);
  });

  it('with no indirect provider says so and offers only the reseller request', async () => {
    newChat(new FakePartnerCenterClient({ providers: [] }));
    const { card, flow } = await start();
    expect(textOf(card)).toMatch(L.noProviders);
    expect(input(card, 'providerId')).toBeUndefined();
    expect(actionsOf(card).map((a) => a.title)).toEqual([L.reseller, L.cancel]);
    // A forged "Invite new customers" click is refused; the flow stays.
    const forged = await chat.click('invite.choose', {
      ...flow,
      kind: 'indirectReseller',
      providerId: P1!.id,
    });
    expect(messageOfResponse(forged.response)).toMatch(L.invalid);
    expect(chat.waiting).toBe(true);
    expect(h.pc.callsOf('getRelationshipRequestLink')).toHaveLength(0);
  });

  it('asks for a provider when "Invite new customers" comes without one (or an unknown one)', async () => {
    const { flow } = await start();
    for (const providerId of [undefined, '00000000-0000-4000-8000-000000000000']) {
      const turn = await chat.click('invite.choose', { ...flow, kind: 'indirectReseller', providerId });
      const card = cardOfResponse(turn.response);
      expect(textOf(card)).toMatch(L.providerRequired);
      expect(action(card, 'invite.cancel').data!['flowId']).toBe(flow.flowId);
    }
    expect(chat.waiting).toBe(true);
  });

  it('a Partner Center failure listing providers shows the error and "Try again"; retry loads them', async () => {
    h.pc.failNext(
      'listIndirectProviders',
      new PartnerCenterError('throttled', 'busy', { retryAfterMs: 5000 }),
    );
    const { card, flow } = await start();
    expect(textOf(card)).toMatch(L.throttled);
    expect(actionsOf(card).map((a) => a.title)).toEqual([L.reseller, L.retry, L.cancel]);
    h.pc.failNext('listIndirectProviders', 'unavailable');
    const again = cardOfResponse((await chat.click('invite.retry', flow)).response);
    expect(textOf(again)).toMatch(L.unavailable);
    const loaded = cardOfResponse((await chat.click('invite.retry', flow)).response);
    expectValidCard(loaded);
    expect(actionsOf(loaded).map((a) => a.title)).toEqual([L.reseller, L.indirect, L.cancel]);
    expect(input(loaded, 'providerId')!['choices']).toHaveLength(SIMULATOR_PROVIDERS.length);
    expect(chat.waiting).toBe(true);
  });

  // -------------------------------------------------------- the details card

  it('details: an invalid email brings the card back with the entries kept', async () => {
    const { flow } = await start();
    await chat.click('invite.choose', { ...flow, kind: 'reseller' });
    const entries = {
      companyName: 'Contoso GmbH',
      contactEmail: 'anna@contoso',
      channel: 'microsoftReferral',
    };
    const turn = await chat.click('invite.details', { ...flow, ...entries });
    const card = cardOfResponse(turn.response);
    expect(textOf(card)).toMatch(L.invalidEmail);
    expect(input(card, 'companyName')!['value']).toBe('Contoso GmbH');
    expect(input(card, 'contactEmail')!['value']).toBe('anna@contoso');
    expect(input(card, 'channel')!['value']).toBe('microsoftReferral');
    expect(h.pc.callsOf('getRelationshipRequestLink')).toHaveLength(0);
    expect(chat.waiting).toBe(true);
  });

  it('details: a Partner Center failure for the link keeps the entries and offers "Try again"', async () => {
    const { flow } = await start();
    await chat.click('invite.choose', { ...flow, kind: 'indirectReseller', providerId: P2!.id });
    h.pc.failNext('getRelationshipRequestLink', 'unavailable');
    const entries = { companyName: 'Contoso GmbH', contactEmail: 'anna@contoso.de', channel: 'ownMarketing' };
    const failed = cardOfResponse((await chat.click('invite.details', { ...flow, ...entries })).response);
    expect(textOf(failed)).toMatch(L.unavailable);
    expect(action(failed, 'invite.details').title).toBe(L.retry);
    expect(input(failed, 'contactEmail')!['value']).toBe('anna@contoso.de');
    const retried = cardOfResponse((await chat.click('invite.details', { ...flow, ...entries })).response);
    expect(input(retried, 'body')!['value']).toContain(`indirectCSPId=${P2!.id}`);
    expect(h.pc.callsOf('getRelationshipRequestLink').map((c) => c.args[0])).toEqual([
      { indirectCloudSolutionProviderId: P2!.id },
      { indirectCloudSolutionProviderId: P2!.id },
    ]);
  });

  // ----------------------------------------------------------- the happy paths

  it('reseller request, details skipped: draft with the link, Done stores the invitation', async () => {
    const { flow, card, subject, body, link } = await toDraft();
    expect(h.pc.callsOf('getRelationshipRequestLink')[0]!.args[0]).toEqual({});
    expect(h.pc.callsOf('getRelationshipRequestLink')[0]!.ctx.auth).toBe('user');
    expect(link).not.toContain('indirectCSPId');
    expect(body.startsWith(L.greeting)).toBe(true);
    expect(body).toContain(`\n\n${link}\n\n`);
    expect(body.endsWith(L.signature)).toBe(true);
    expect(input(card, 'body')!['isMultiline']).toBe(true);
    expect(input(card, 'subject')!['maxLength']).toBe(200);
    expect(input(card, 'body')!['maxLength']).toBe(5000);
    expect(actionsOf(card).map((a) => a.title)).toEqual([L.open, L.copy, L.done, L.cancel]);
    const mailto = action(card, 'Action.OpenUrl').url!;
    expect(mailto.startsWith('mailto:?subject=')).toBe(true);
    expect(mailto.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    expect(decodeURIComponent(mailto)).toContain(link);

    const done = await chat.click('invite.done', { ...flow, subject, body });
    const confirmation = cardOfResponse(done.response);
    expectValidCard(confirmation);
    expect(textOf(confirmation)).toContain(L.doneTitle);
    expect(textOf(confirmation)).toMatch(L.doneText);
    expect(chat.waiting).toBe(false);

    const stored = h.invitations.all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: flow.flowId,
      partnerTenantId: h.services.partnerTenantId,
      kind: 'reseller',
      link,
      emailSubject: subject,
      status: 'pending',
      createdBy: { aadObjectId: USERS.admin.id, name: USERS.admin.name },
      locale: L.locale,
      createdAt: '2026-03-10T12:00:00.000Z',
      updatedAt: '2026-03-10T12:00:00.000Z',
    });
    expect(stored[0]!.provider).toBeUndefined();
    expect(stored[0]!.customer).toBeUndefined();
    expect(stored[0]!.conversationId).toBeTruthy();
    expect(stored[0]!.conversationReference).toMatchObject({
      channelId: 'msteams',
      conversation: { id: stored[0]!.conversationId },
    });
    expect(h.audit.entries).toEqual([
      expect.objectContaining({
        action: 'invitation.created',
        outcome: 'succeeded',
        partnerTenantId: h.services.partnerTenantId,
        actor: expect.objectContaining({ aadObjectId: USERS.admin.id, roles: ['GlobalAdmin'] }),
        details: { invitationId: flow.flowId, kind: 'reseller' },
      }),
    ]);
  });

  it('with the indirect provider and details: link for both, recipient in the mailto, edits stored', async () => {
    const details = {
      companyName: ' Contoso GmbH ',
      contactEmail: 'anna.schmidt@contoso.de',
      channel: 'indirectProvider',
    };
    const { flow, card, body, link } = await toDraft(
      { kind: 'indirectReseller', providerId: P1!.id },
      details,
    );
    expect(h.pc.callsOf('getRelationshipRequestLink')[0]!.args[0]).toEqual({
      indirectCloudSolutionProviderId: P1!.id,
    });
    expect(link).toContain(`indirectCSPId=${P1!.id}`);
    expect(body).toContain(P1!.name);
    expect(input(card, 'subject')!['value']).toContain('Contoso GmbH');
    expect(textOf(card)).toContain('anna.schmidt@contoso.de');
    expect(action(card, 'Action.OpenUrl').url).toMatch(/^mailto:anna\.schmidt@contoso\.de\?subject=/);

    const edited = `Hi Anna,\r\n\r\nplease accept: ${link}\r\n\r\nBest, Greta`;
    const done = await chat.click('invite.done', { ...flow, subject: ' My subject ', body: edited });
    expect(textOf(cardOfResponse(done.response))).toContain(P1!.name);
    const [stored] = h.invitations.all();
    expect(stored).toMatchObject({
      kind: 'indirectReseller',
      provider: { id: P1!.id, name: P1!.name },
      customer: { companyName: 'Contoso GmbH', contactEmail: 'anna.schmidt@contoso.de' },
      channel: 'indirectProvider',
      emailSubject: 'My subject',
      link,
    });
    expect(h.audit.entries[0]!.details).toEqual({
      invitationId: flow.flowId,
      kind: 'indirectReseller',
      providerId: P1!.id,
      channel: 'indirectProvider',
    });
  });

  // ---------------------------------------------------------- the draft card

  it('Done without the exact link brings the same card back with the edits kept; nothing stored', async () => {
    const { flow, subject, body, link } = await toDraft();
    const variants = [
      body.replace(link, ''),
      body.replace(link, link.replace(h.pc.partnerTenantId, '00000000-0000-4000-8000-000000000000')),
      body.replace(link, `${link}x`),
      body.replace(link, 'https://evil.example/invite'),
    ];
    for (const edited of variants) {
      const turn = await chat.click('invite.done', {
        ...flow,
        subject: 'Edited',
        body: edited,
        link: 'https://evil.example/invite',
      });
      const card = cardOfResponse(turn.response);
      expectValidCard(card);
      expect(textOf(card)).toMatch(L.linkMissing);
      expect(input(card, 'subject')!['value']).toBe('Edited');
      expect(input(card, 'body')!['value']).toBe(edited);
      expect(textOf(card)).toContain(link); // still shown read-only
      expect(chat.waiting).toBe(true);
    }
    expect(h.invitations.all()).toHaveLength(0);
    // Put back: stored with the link from Partner Center, whatever the card data claims.
    await chat.click('invite.done', { ...flow, subject, body, link: 'https://evil.example/invite' });
    expect(h.invitations.all()).toHaveLength(1);
    expect(h.invitations.all()[0]!.link).toBe(link);
  });

  it('Copy text posts the finished text as a plain message and keeps the card (with the edits)', async () => {
    const { flow, body, link } = await toDraft();
    const edited = `${body}\n\nP.S. Edited`;
    const turn = await chat.click('invite.copy', { ...flow, subject: 'Edited subject', body: edited });
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]!.textFormat).toBe('plain');
    expect(turn.replies[0]!.text).toMatch(L.subjectLine);
    expect(turn.replies[0]!.text).toContain('Edited subject');
    expect(turn.replies[0]!.text).toContain(link);
    expect(turn.replies[0]!.text).toContain('P.S. Edited');
    const card = cardOfResponse(turn.response);
    expect(textOf(card)).toMatch(L.copied);
    expect(input(card, 'body')!['value']).toBe(edited);
    expect(decodeURIComponent(action(card, 'Action.OpenUrl').url!)).toContain('P.S. Edited');
    expect(chat.waiting).toBe(true);
    expect(h.invitations.all()).toHaveLength(0);
  });

  it('a body too long for a mailto shortens the mailto only and says so', async () => {
    const { flow, body, link } = await toDraft();
    const long = `${body}\n\n${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(60)}`;
    const card = cardOfResponse(
      (await chat.click('invite.copy', { ...flow, subject: 'S', body: long })).response,
    );
    expectValidCard(card);
    const mailto = action(card, 'Action.OpenUrl').url!;
    expect(mailto.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    expect(containsLink(decodeURIComponent(mailto), link)).toBe(true);
    expect(input(card, 'body')!['value']).toBe(long);
    expect(textOf(card)).toMatch(L.locale === 'de-DE' ? /gekürzte Nachricht/ : /shortened message/);
  });

  it('double Done stores one invitation; the second click finds the card expired', async () => {
    const { flow, subject, body } = await toDraft();
    await chat.click('invite.done', { ...flow, subject, body });
    const second = await chat.click('invite.done', { ...flow, subject, body });
    expect(messageOfResponse(second.response)).toMatch(L.expired);
    expect(h.invitations.all()).toHaveLength(1);
    expect(h.audit.entries).toHaveLength(1);
  });

  it('Done racing another Done of the same flow (already stored under the flow id) stores nothing new', async () => {
    const { flow, subject, body, link } = await toDraft();
    const first = {
      id: flow.flowId,
      partnerTenantId: h.services.partnerTenantId,
      kind: 'reseller',
      link,
    } as const;
    await h.invitations.create({
      ...first,
      createdBy: { aadObjectId: USERS.admin.id },
      conversationId: 'c',
      conversationReference: {},
      status: 'pending',
      createdAt: 'earlier',
      updatedAt: 'earlier',
    });
    const done = await chat.click('invite.done', { ...flow, subject, body });
    expect(textOf(cardOfResponse(done.response))).toContain(L.doneTitle);
    expect(h.invitations.all()).toHaveLength(1);
    expect(h.invitations.all()[0]!.createdAt).toBe('earlier');
    expect(h.audit.entries).toHaveLength(1);
  });

  it('a storage failure on Done keeps the draft; Done again stores it once', async () => {
    const { flow, subject, body } = await toDraft();
    h.invitations.failCreates = 1;
    const failed = cardOfResponse(
      (await chat.click('invite.done', { ...flow, subject, body: `${body}!` })).response,
    );
    expect(textOf(failed)).toMatch(L.saveFailed);
    expect(input(failed, 'body')!['value']).toBe(`${body}!`);
    expect(chat.waiting).toBe(true);
    await chat.click('invite.done', { ...flow, subject, body });
    expect(h.invitations.all()).toHaveLength(1);
    expect(h.audit.entries).toHaveLength(1);
  });

  // ---------------------------------------------------------- bad input

  it.each([
    ['a 100 KB body', { body: 'x'.repeat(100_000) }, 'tooLong'],
    ['a body over 5000 characters', { body: 'x'.repeat(5001) }, 'tooLong'],
    ['a subject over 200 characters', { subject: 's'.repeat(201) }, 'tooLong'],
    ['no body', { body: undefined }, 'invalid'],
    ['no subject', { subject: undefined }, 'invalid'],
    ['a body that is not text', { body: { text: 'x' } }, 'invalid'],
  ] as const)(
    'refuses Done with %s: clear message, card and flow unchanged, nothing stored',
    async (_what, patch, kind) => {
      const { flow, subject, body } = await toDraft();
      const data: Record<string, unknown> = { ...flow, subject, body, ...patch };
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete data[k];
      const turn = await chat.click('invite.done', data);
      expect(messageOfResponse(turn.response)).toMatch(kind === 'tooLong' ? L.tooLong : L.invalid);
      expect(chat.waiting).toBe(true);
      expect(h.invitations.all()).toHaveLength(0);
      // The real card still works.
      await chat.click('invite.done', { ...flow, subject, body });
      expect(h.invitations.all()).toHaveLength(1);
    },
  );

  it('an empty subject or body brings the card back with a hint', async () => {
    const { flow, body } = await toDraft();
    const turn = await chat.click('invite.done', { ...flow, subject: '   ', body });
    expect(textOf(cardOfResponse(turn.response))).toMatch(
      L.locale === 'de-DE' ? /Betreff ein/ : /enter a subject/,
    );
    expect(h.invitations.all()).toHaveLength(0);
  });

  it.each([
    ['an unknown verb', 'invite.bogus', {}],
    ['another flow id', 'invite.done', { flowId: '00000000-0000-4000-8000-000000000000' }],
    ['no flow id', 'invite.done', { flowId: undefined }],
    ['a verb of an earlier card', 'invite.choose', { kind: 'reseller' }],
  ] as const)('answers %s as an expired card and changes nothing', async (_what, verb, patch) => {
    const { flow, subject, body } = await toDraft();
    const data: Record<string, unknown> = { ...flow, subject, body, ...patch };
    if ('flowId' in patch && patch.flowId === undefined) delete data['flowId'];
    const turn = await chat.click(verb, data);
    expect(messageOfResponse(turn.response)).toMatch(L.expired);
    expect(chat.waiting).toBe(true);
    expect(h.invitations.all()).toHaveLength(0);
  });

  it.each([
    ['an over-long company name', { companyName: 'C'.repeat(201) }, 'tooLong'],
    ['an over-long email', { contactEmail: `${'a'.repeat(250)}@b.de` }, 'tooLong'],
    ['an unknown channel', { channel: 'bribery' }, 'invalid'],
    ['a company name that is not text', { companyName: 42 }, 'invalid'],
  ] as const)('refuses details with %s', async (_what, patch, kind) => {
    const { flow } = await start();
    await chat.click('invite.choose', { ...flow, kind: 'reseller' });
    const turn = await chat.click('invite.details', { ...flow, ...patch });
    expect(messageOfResponse(turn.response)).toMatch(kind === 'tooLong' ? L.tooLong : L.invalid);
    expect(h.pc.callsOf('getRelationshipRequestLink')).toHaveLength(0);
    expect(chat.waiting).toBe(true);
  });

  it('refuses a forged kind on the choice card', async () => {
    const { flow } = await start();
    const turn = await chat.click('invite.choose', { ...flow, kind: 'distributor' });
    expect(messageOfResponse(turn.response)).toMatch(L.invalid);
    expect(chat.waiting).toBe(true);
  });

  it('refuses a colleague without the role clicking the card; the flow stays', async () => {
    const { flow, subject, body } = await toDraft();
    chat.user = 'sales';
    const turn = await chat.click('invite.done', { ...flow, subject, body });
    expect(messageOfResponse(turn.response)).toMatch(L.refused);
    expect(h.invitations.all()).toHaveLength(0);
    chat.user = 'admin';
    await chat.click('invite.done', { ...flow, subject, body });
    expect(h.invitations.all()).toHaveLength(1);
  });

  // --------------------------------------------------- cancel, stale cards

  it.each(['choice', 'details', 'draft'] as const)('Cancel on the %s card ends the flow', async (stage) => {
    const { flow } = await start();
    if (stage !== 'choice') await chat.click('invite.choose', { ...flow, kind: 'reseller' });
    if (stage === 'draft') await chat.click('invite.skip', flow);
    const turn = await chat.click('invite.cancel', flow);
    expect(textOf(cardOfResponse(turn.response))).toContain(L.cancelled);
    expect(chat.waiting).toBe(false);
    const stale = await chat.click('invite.done', { ...flow, subject: 's', body: 'b' });
    expect(messageOfResponse(stale.response)).toMatch(L.expired);
    expect(h.invitations.all()).toHaveLength(0);
  });

  it('typed cancel ends the flow; its cards expire', async () => {
    const { flow, subject, body } = await toDraft();
    const typed = await chat.say(L.locale === 'de-DE' ? 'abbrechen' : 'cancel');
    expect(typed.replies[0]!.text).toMatch(L.cancelledTyped);
    const stale = await chat.click('invite.done', { ...flow, subject, body });
    expect(messageOfResponse(stale.response)).toMatch(L.expired);
    expect(h.invitations.all()).toHaveLength(0);
  });

  it('a new invite replaces the waiting one; the old card expires', async () => {
    const first = await toDraft();
    const second = await start();
    expect(second.flowId).not.toBe(first.flow.flowId);
    const stale = await chat.click('invite.done', {
      ...first.flow,
      subject: first.subject,
      body: first.body,
    });
    expect(messageOfResponse(stale.response)).toMatch(L.expired);
  });

  it('typed text while a card waits gets a hint to use the card', async () => {
    await start();
    const turn = await chat.say('what now?');
    expect(turn.replies[0]!.text).toMatch(L.useCard);
    expect(chat.waiting).toBe(true);
  });
});
