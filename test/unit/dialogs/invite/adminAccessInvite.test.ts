import { linkText } from '../../../../src/cards/untrusted';
import { DialogTestClient } from 'botbuilder-testing';
import type { Activity } from 'botbuilder';
import { BUILT_IN_TEMPLATES, type RoleTemplateSet } from '../../../../src/domain/gdap';
import { GraphError, type GraphErrorKind } from '../../../../src/graph';
import { InviteDialog } from '../../../../src/dialogs/invite/inviteDialog';
import { MainDialog } from '../../../../src/dialogs/mainDialog';
import { takeCardResponse } from '../../../../src/dialogs/cardFlow';
import { containsLink } from '../../../../src/domain/inviteDraft';
import { FakeGdapClient } from '../../../fakes/graph/fakeGdapClient';
import { FakePartnerCenterClient } from '../../../fakes/partnerCenter/fakePartnerCenterClient';
import { expectValidCard } from '../../../support/cardAssertions';
import {
  InviteChat,
  USERS,
  action,
  cardOfReply,
  cardOfResponse,
  harness,
  input,
  messageOfResponse,
  textOf,
  type Harness,
  type UserKey,
} from './harness';

/** The fake GDAP client with failures to inject per operation (then it behaves normally). */
class FlakyGdap extends FakeGdapClient {
  readonly failures: Record<string, GraphError[]> = {};
  /** Perform the lock, then fail as if the answer was lost. */
  lockThenFail?: GraphError;

  failNext(op: string, kind: GraphErrorKind, times = 1): void {
    const list = (this.failures[op] ??= []);
    for (let i = 0; i < times; i++)
      list.push(new GraphError(kind, `injected ${kind}`, { operation: op, requestId: 'req-42' }));
  }
  private take(op: string): void {
    const next = this.failures[op]?.shift();
    if (next) {
      this.calls.push(op);
      throw next;
    }
  }
  override async createRelationship(...args: Parameters<FakeGdapClient['createRelationship']>) {
    this.take('createRelationship');
    return super.createRelationship(...args);
  }
  override async lockForApproval(id: string) {
    this.take('lockForApproval');
    const result = await super.lockForApproval(id);
    if (this.lockThenFail) throw this.lockThenFail;
    return result;
  }
  override async deleteRelationship(id: string, etag: string) {
    this.take('deleteRelationship');
    return super.deleteRelationship(id, etag);
  }
}

const SECOND: RoleTemplateSet = {
  source: 'file',
  defaultTemplateId: 'least-privilege',
  templates: [
    ...BUILT_IN_TEMPLATES.templates,
    {
      id: 'readers',
      name: { en: 'Read only', de: 'Nur lesen' },
      duration: 'P90D',
      autoExtendDuration: 'PT0S',
      roles: [
        {
          roleDefinitionId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
          securityGroupId: '00000000-0000-4000-8000-000000000099',
        },
      ],
    },
  ],
};

const LANGUAGES = [
  {
    locale: 'en-US',
    toggle: 'Also request admin access',
    template: 'Least privilege (support)',
    roles: /Directory Readers, User Administrator.*730 days, extended automatically by 180 days/,
    adminMissing: /admin access approval link is missing/,
    resellerMissing: /personalized link is missing/,
    resellerSentence: /accept the invitation in the Microsoft 365 admin center/,
    adminSentence: /A Global admin of your organization approves this separately/,
    busy: /Microsoft Graph is busy.*Reference: req-42/,
    invalid: /refused the role template/,
    duplicate: /same name already exists/,
    retry: 'Try again',
    refused: /only a Global admin or Admin agent/,
    readOnly: 'Read only',
    adminPending: /waits for the approval/,
    adminOnlyEmail: /we ask for limited administrator access/,
  },
  {
    locale: 'de-DE',
    toggle: 'Auch Administratorzugriff anfordern',
    template: 'Minimale Rechte (Support)',
    roles: /Verzeichnis lesen, Benutzeradministrator.*730 Tage, automatisch um 180 Tage verlängert/,
    adminMissing: /Genehmigungslink für den Administratorzugriff fehlt/,
    resellerMissing: /personalisierte Link fehlt/,
    resellerSentence: /die Einladung im Microsoft 365 Admin Center annehmen/,
    adminSentence: /genehmigt dies gesondert/,
    busy: /Microsoft Graph ist gerade ausgelastet.*Referenz: req-42/,
    invalid: /Rollenvorlage .* abgelehnt/,
    duplicate: /demselben Namen besteht bereits/,
    retry: 'Erneut versuchen',
    refused: /Globaler Administrator oder Administrator-Agent/,
    readOnly: 'Nur lesen',
    adminPending: /wartet auf die Genehmigung/,
    adminOnlyEmail: /bitten wir um eingeschränkten Administratorzugriff/,
  },
];

describe.each(LANGUAGES.map((L) => [L.locale, L] as const))('invite with admin access in %s', (_l, L) => {
  let h: Harness;
  let gdap: FlakyGdap;
  let chat: InviteChat;

  function setup(templates: RoleTemplateSet = BUILT_IN_TEMPLATES, gdapNow?: () => number) {
    h = harness();
    gdap = new FlakyGdap(gdapNow ? { now: gdapNow } : {});
    h.services = { ...h.services, gdap, gdapTemplates: templates };
    chat = new InviteChat(h, L.locale);
  }
  beforeEach(() => setup());

  const relationships = () => gdap.model.listRelationships(() => true);
  const audits = (action: string) => h.audit.entries.filter((e) => e.action === action);

  /** invite → reseller → the details card; returns the flow data. */
  async function toDetails() {
    const start = await chat.say(L.locale === 'de-DE' ? 'einladen' : 'invite');
    const flow = action(cardOfReply(start.replies[0]), 'invite.cancel').data!;
    const turn = await chat.click('invite.choose', { ...flow, kind: 'reseller' });
    return { flow, details: cardOfResponse(turn.response) };
  }

  async function toDraft(adminData: Record<string, unknown> = { adminAccess: 'true', templateId: '' }) {
    const { flow } = await toDetails();
    const turn = await chat.click('invite.skip', { ...flow, ...adminData });
    return { flow, draft: cardOfResponse(turn.response) };
  }

  it('offers admin access on the details card, on by default, with the default template, roles and duration', async () => {
    const { details } = await toDetails();
    expectValidCard(details);
    const toggle = input(details, 'adminAccess')!;
    expect(toggle['title']).toBe(L.toggle);
    expect(toggle['value']).toBe('true');
    const choice = input(details, 'templateId')!;
    expect(choice['value']).toBe('least-privilege');
    expect(choice['choices'][0].title).toBe(L.template);
    expect(textOf(details)).toMatch(L.roles);
    expect(action(details, 'invite.skip').associatedInputs).toBe('auto');
  });

  it('creates the request with the draft: two links with their sentences, status created, audited', async () => {
    const { draft } = await toDraft();
    expectValidCard(draft);
    const [r] = relationships();
    expect(r).toBeDefined();
    expect(r!.status).toBe('created');
    expect(r!.displayName).toMatch(/^CC-20260310-[0-9a-f]{8}$/);
    expect(r!.customer).toBeUndefined();
    expect(r!.duration).toBe('P730D');
    expect(r!.autoExtendDuration).toBe('P180D');
    expect(r!.roles).toEqual(BUILT_IN_TEMPLATES.templates[0]!.roles.map((x) => x.roleDefinitionId));
    const body = input(draft, 'body')!['value'] as string;
    expect(containsLink(body, `fake://approve/${r!.id}`)).toBe(true);
    expect(body).toMatch(L.resellerSentence);
    expect(body).toMatch(L.adminSentence);
    // Shown as text; only http(s) links stay clickable on a card (this fake link is not one).
    expect(textOf(draft)).toContain(linkText(`fake://approve/${r!.id}`));
    const [created] = audits('gdap.relationship.created');
    expect(created).toMatchObject({ outcome: 'succeeded', actor: { aadObjectId: USERS.admin.id } });
    expect(created!.details).toMatchObject({ relationshipId: r!.id, templateId: 'least-privilege' });
    expect(created!.details!['clientRequestId']).toEqual(expect.any(String));
  });

  it('Done refuses a body without the approval link (edits kept), then without the reseller link', async () => {
    const { flow, draft } = await toDraft();
    const body = input(draft, 'body')!['value'] as string;
    const [r] = relationships();
    const approval = `fake://approve/${r!.id}`;
    const edited = body.replace(approval, '(removed)') + '\nP.S. edited';
    let turn = await chat.click('invite.done', { ...flow, subject: 'S', body: edited });
    let card = cardOfResponse(turn.response);
    expect(textOf(card)).toMatch(L.adminMissing);
    expect(input(card, 'body')!['value']).toBe(edited);
    const resellerGone = body.replace(/https:\/\/\S+/, '(gone)');
    turn = await chat.click('invite.done', { ...flow, subject: 'S', body: resellerGone });
    card = cardOfResponse(turn.response);
    expect(textOf(card)).toMatch(L.resellerMissing);
    expect(relationships()[0]!.status).toBe('created');
    expect(h.invitations.all()).toHaveLength(0);
  });

  it('Done locks the request for approval and records its id and template', async () => {
    const { flow, draft } = await toDraft();
    const body = input(draft, 'body')!['value'] as string;
    const turn = await chat.click('invite.done', { ...flow, subject: 'S', body });
    const card = cardOfResponse(turn.response);
    expect(textOf(card)).toMatch(L.adminPending);
    const [r] = relationships();
    expect(r!.status).toBe('approvalPending');
    const [stored] = h.invitations.all();
    expect(stored).toMatchObject({ relationshipId: r!.id, templateId: 'least-privilege' });
    expect(audits('gdap.relationship.locked')[0]).toMatchObject({
      outcome: 'succeeded',
      details: { relationshipId: r!.id },
    });
    expect(chat.waiting).toBe(false);
  });

  it('admin access off: one link, no request', async () => {
    const { draft } = await toDraft({ adminAccess: 'false', templateId: 'least-privilege' });
    expect(relationships()).toHaveLength(0);
    expect(input(draft, 'body')!['value']).not.toMatch(/fake:\/\/approve/);
  });

  it('uses the chosen template', async () => {
    setup(SECOND);
    const { details } = await toDetails();
    expect(input(details, 'templateId')!['choices'][1].title).toBe(L.readOnly);
    const turn = await chat.click('invite.skip', {
      ...action(details, 'invite.cancel').data!,
      adminAccess: 'true',
      templateId: 'readers',
    });
    cardOfResponse(turn.response);
    const [r] = relationships();
    expect(r!.duration).toBe('P90D');
    expect(r!.roles).toEqual(['f2ef992c-3afb-46b9-b7cf-a126ee74c451']);
  });

  it('refuses an unknown template id as forged data; nothing is created', async () => {
    const { flow } = await toDetails();
    const turn = await chat.click('invite.skip', { ...flow, adminAccess: 'true', templateId: 'nope' });
    messageOfResponse(turn.response);
    expect(relationships()).toHaveLength(0);
  });

  it('Cancel on the draft deletes the request (audited)', async () => {
    const { flow } = await toDraft();
    await chat.click('invite.cancel', flow);
    expect(relationships()).toHaveLength(0);
    expect(audits('gdap.relationship.deleted')[0]).toMatchObject({
      outcome: 'succeeded',
      details: { reason: 'cancelled' },
    });
  });

  it('a flow left for another command deletes its request', async () => {
    await toDraft();
    expect(relationships()).toHaveLength(1);
    await chat.say(L.locale === 'de-DE' ? 'einladungen' : 'invitations');
    expect(relationships()).toHaveLength(0);
    expect(audits('gdap.relationship.deleted')[0]!.details).toMatchObject({ reason: 'stale' });
  });

  it('an abandoned request (no further message) is swept at the next flow start after a day', async () => {
    setup(BUILT_IN_TEMPLATES, () => Date.parse('2026-03-08T12:00:00Z'));
    gdap.model.createRelationship({
      displayName: 'CC-Old-20260308-abcdef12',
      duration: 'P730D',
      accessDetails: { unifiedRoles: [{ roleDefinitionId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b' }] },
    });
    gdap.model.createRelationship({
      displayName: 'Made elsewhere',
      duration: 'P730D',
      accessDetails: { unifiedRoles: [{ roleDefinitionId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b' }] },
    });
    await toDetails();
    expect(relationships().map((r) => r.displayName)).toEqual(['Made elsewhere']);
  });

  it('looks for abandoned requests once an hour per instance, not at every flow start', async () => {
    let now = Date.parse('2026-03-10T12:00:00Z');
    chat = new InviteChat(h, L.locale, () => new Date(now));
    const listings = () => gdap.calls.filter((c) => c === 'listRelationships').length;
    const command = L.locale === 'de-DE' ? 'einladen' : 'invite';
    await chat.say(command);
    expect(listings()).toBe(1);
    await chat.say('cancel');
    now += 59 * 60 * 1000;
    await chat.say(command);
    expect(listings()).toBe(1);
    await chat.say('cancel');
    now += 2 * 60 * 1000;
    await chat.say(command);
    expect(listings()).toBe(2);
  });

  it('a duplicate displayName is retried once under another name', async () => {
    gdap.failNext('createRelationship', 'duplicateDisplayName');
    await toDraft();
    expect(gdap.calls.filter((c) => c === 'createRelationship')).toHaveLength(2);
    expect(relationships()).toHaveLength(1);
  });

  it.each([
    ['duplicateDisplayName', 2, 'duplicate'],
    ['badRequest', 1, 'invalid'],
    ['unavailable', 1, 'busy'],
  ] as const)('Graph %s on create: a clear message, Try again, nothing left', async (kind, times, key) => {
    gdap.failNext('createRelationship', kind, times);
    const { flow } = await toDetails();
    const turn = await chat.click('invite.skip', { ...flow, adminAccess: 'true', templateId: '' });
    const card = cardOfResponse(turn.response);
    expect(textOf(card)).toMatch(L[key]);
    expect(action(card, 'invite.details').title).toBe(L.retry);
    expect(relationships()).toHaveLength(0);
    // Try again works.
    const again = await chat.click('invite.skip', { ...flow, adminAccess: 'true', templateId: '' });
    expect(input(cardOfResponse(again.response), 'body')).toBeDefined();
    expect(relationships()).toHaveLength(1);
  });

  it('a lock whose answer was lost is verified by reading the relationship back', async () => {
    const { flow, draft } = await toDraft();
    gdap.lockThenFail = new GraphError('unavailable', 'timeout');
    const body = input(draft, 'body')!['value'] as string;
    await chat.click('invite.done', { ...flow, subject: 'S', body });
    expect(relationships()[0]!.status).toBe('approvalPending');
    expect(h.invitations.all()).toHaveLength(1);
  });

  it('a failed lock keeps the draft with Try again; the request stays created', async () => {
    const { flow, draft } = await toDraft();
    gdap.failNext('lockForApproval', 'unavailable');
    const body = input(draft, 'body')!['value'] as string;
    const turn = await chat.click('invite.done', { ...flow, subject: 'S', body });
    const card = cardOfResponse(turn.response);
    expect(textOf(card)).toMatch(L.busy);
    expect(action(card, 'invite.done').title).toBe(L.retry);
    expect(relationships()[0]!.status).toBe('created');
    await chat.click('invite.done', { ...flow, subject: 'S', body });
    expect(relationships()[0]!.status).toBe('approvalPending');
    expect(audits('gdap.relationship.locked').map((e) => e.outcome)).toEqual(['failed', 'succeeded']);
  });

  // ------------------------------------------------ existing customer entry

  class AdminOnlyChat {
    readonly client: DialogTestClient;
    response?: unknown;
    constructor(cardData: Record<string, unknown>) {
      const main = new MainDialog({
        invite: new InviteDialog(h.services, { now: () => new Date('2026-03-10T12:00:00Z') }),
      });
      this.client = new DialogTestClient(
        'msteams',
        main,
        { command: 'invite', options: { args: '', cardData } },
        [
          {
            onTurn: async (c, next) => {
              await next();
              this.response = takeCardResponse(c);
            },
          },
        ],
      );
    }
    async send(user: UserKey, activity: Partial<Activity>) {
      const u = USERS[user];
      const reply = await this.client.sendActivity({
        locale: L.locale,
        from: { id: `29:${u.id}`, name: u.name, aadObjectId: u.id },
        ...activity,
      });
      return reply;
    }
  }

  async function customer(templates: RoleTemplateSet = BUILT_IN_TEMPLATES) {
    const pc = new FakePartnerCenterClient({ demoData: true });
    const h2 = harness(pc);
    h = { ...h2, services: { ...h2.services, gdap, gdapTemplates: templates } };
    const page = await pc.listCustomersPage({ size: 1 }, { auth: 'app', locale: 'en-US' });
    return page.items[0]!;
  }

  async function clickA(chatA: AdminOnlyChat, user: UserKey, verb: string, data: Record<string, unknown>) {
    chatA.response = undefined;
    await chatA.send(user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    return chatA.response as Parameters<typeof cardOfResponse>[0];
  }

  /** "Request admin access" on an existing customer: the role template card first. */
  async function toTemplateCard(cardData: Record<string, unknown>, templates?: RoleTemplateSet) {
    const c = await customer(templates);
    const chatA = new AdminOnlyChat({ customerId: c.id, adminAccessOnly: true, ...cardData });
    const reply = await chatA.send('agent', { type: 'message', text: 'x' });
    const card = cardOfReply(reply);
    expectValidCard(card);
    return { c, chatA, card, flow: action(card, 'invite.adminTemplate').data! };
  }

  it('existing customer: role template, then only the approval link, the customer on the request, Done records "adminAccess"', async () => {
    const { c, chatA, card, flow } = await toTemplateCard({});
    // Nothing is requested before the template is chosen; the default one is preselected.
    expect(relationships()).toHaveLength(0);
    expect(input(card, 'templateId')).toMatchObject({ value: 'least-privilege' });
    expect(textOf(card)).toMatch(L.roles);
    expect(JSON.stringify(card)).toContain(JSON.stringify(c.companyName));
    const draft = cardOfResponse(
      await clickA(chatA, 'agent', 'invite.adminTemplate', { ...flow, templateId: 'least-privilege' }),
    );
    expectValidCard(draft);
    const [r] = relationships();
    expect(r!.customer?.tenantId).toBe((c.tenantId || c.id).toLowerCase());
    const body = input(draft, 'body')!['value'] as string;
    expect(body).toMatch(L.adminOnlyEmail);
    expect(containsLink(body, `fake://approve/${r!.id}`)).toBe(true);
    expect(body).not.toMatch(/https:\/\//);
    await clickA(chatA, 'agent', 'invite.done', { ...flow, subject: 'S', body });
    expect(relationships()[0]!.status).toBe('approvalPending');
    const [stored] = h.invitations.all();
    expect(stored).toMatchObject({
      kind: 'adminAccess',
      link: `fake://approve/${r!.id}`,
      relationshipId: r!.id,
      templateId: 'least-privilege',
      customerTenantId: c.tenantId || c.id,
    });
  });

  it('existing customer: another template chosen on the card is the one requested', async () => {
    const { chatA, card, flow } = await toTemplateCard({}, SECOND);
    expect(input(card, 'templateId')!['choices'].map((x: { title: string }) => x.title)).toEqual([
      L.template,
      L.readOnly,
    ]);
    cardOfResponse(await clickA(chatA, 'agent', 'invite.adminTemplate', { ...flow, templateId: 'readers' }));
    const [r] = relationships();
    expect(r!.duration).toBe('P90D');
    expect(r!.roles).toEqual(['f2ef992c-3afb-46b9-b7cf-a126ee74c451']);
  });

  it('existing customer: a templateId in the start data preselects that template', async () => {
    const { card } = await toTemplateCard({ templateId: 'readers' }, SECOND);
    expect(input(card, 'templateId')).toMatchObject({ value: 'readers' });
    expect(textOf(card)).not.toMatch(/no longer configured|nicht mehr eingerichtet/);
  });

  it('existing customer: a templateId no longer configured → the default preselected, with a notice', async () => {
    const { card } = await toTemplateCard({ templateId: 'retired' }, SECOND);
    expect(input(card, 'templateId')).toMatchObject({ value: 'least-privilege' });
    expect(textOf(card)).toMatch(/no longer configured|nicht mehr eingerichtet/);
  });

  it('existing customer: a forged template is refused, Cancel ends the flow; nothing is created', async () => {
    const { chatA, flow } = await toTemplateCard({});
    const forged = await clickA(chatA, 'agent', 'invite.adminTemplate', {
      ...flow,
      templateId: 'global-admin',
    });
    expect(messageOfResponse(forged)).toMatch(/not understood|nicht verstanden/);
    const cancelled = cardOfResponse(await clickA(chatA, 'agent', 'invite.cancel', flow));
    expectValidCard(cancelled);
    expect(relationships()).toHaveLength(0);
    expect(h.invitations.all()).toHaveLength(0);
  });

  it('existing customer: Graph busy → the template card again with Try again, then the draft', async () => {
    const { chatA, flow } = await toTemplateCard({}, SECOND);
    gdap.failNext('createRelationship', 'throttled');
    const again = cardOfResponse(
      await clickA(chatA, 'agent', 'invite.adminTemplate', { ...flow, templateId: 'readers' }),
    );
    expect(textOf(again)).toMatch(L.busy);
    expect(action(again, 'invite.adminTemplate').title).toBe(L.retry);
    expect(input(again, 'templateId')).toMatchObject({ value: 'readers' });
    expect(relationships()).toHaveLength(0);
    const draft = cardOfResponse(
      await clickA(chatA, 'agent', 'invite.adminTemplate', { ...flow, templateId: 'readers' }),
    );
    expect(input(draft, 'body')).toBeDefined();
    expect(relationships()).toHaveLength(1);
  });

  it('existing customer: a Sales agent is refused and nothing is created', async () => {
    const c = await customer();
    const chatA = new AdminOnlyChat({ customerId: c.id, adminAccessOnly: true });
    const reply = await chatA.send('sales', { type: 'message', text: 'x' });
    expect(reply?.text).toMatch(L.refused);
    expect(relationships()).toHaveLength(0);
  });

  it("existing customer: a Sales agent clicking a colleague's template card is refused", async () => {
    const { chatA, flow } = await toTemplateCard({});
    const res = await clickA(chatA, 'sales', 'invite.adminTemplate', {
      ...flow,
      templateId: 'least-privilege',
    });
    expect(messageOfResponse(res)).toMatch(L.refused);
    expect(relationships()).toHaveLength(0);
  });
});
