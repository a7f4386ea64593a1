import { translatorFor } from '../../../src/i18n/i18n';
import { SIMULATOR_PROVIDERS, SIMULATOR_USERS } from '../../../src/simulator/seed';
import { toCosmosId } from '../../../src/storage/keys';
import type { Invitation } from '../../../src/domain/invitations';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { actionData, cardOf, choiceIds, executeActions, inputValue } from './support';

const CONVERSATIONS = 20;
const TURNS = 20;
const LINK = /https?:\/\/\S+\/accept\?\S+/;

/**
 * 20 conversations × 20 turns at once over HTTP (embedded Cosmos, simulator): every turn is
 * answered, no error reaches a user, and each conversation ends in the state its script leads to
 * (two invitations recorded and audited, no dialog waiting).
 */
describe('20 conversations × 20 turns concurrently', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ SIMULATOR_CUSTOMERS: '300', RECONCILE_INTERVAL_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  /** One user's session; records every answer so the test can check them all afterwards. */
  async function session(i: number) {
    const locale = i % 2 === 0 ? 'en-US' : 'de-DE';
    const de = locale === 'de-DE';
    const t = translatorFor(locale);
    const user = i % 3 === 0 ? SIMULATOR_USERS.adminAgent : SIMULATOR_USERS.globalAdmin;
    const chat = new TeamsChat({ serviceUrl: connector.url, locale, userAadObjectId: user.aadObjectId });
    const statuses: number[] = [];
    let turns = 0;
    const say = async (text: string): Promise<Record<string, any>> => {
      const before = connector.messages(chat.conversationId).length;
      const res = await post(bot.baseUrl, chat.message(text));
      turns++;
      statuses.push(res.status);
      await connector.waitFor(() => connector.messages(chat.conversationId).length > before);
      const replies = connector.messages(chat.conversationId).slice(before);
      expect(replies).toHaveLength(1);
      return replies[0]!;
    };
    const click = async (verb: string, data: Record<string, unknown>) => {
      const res = await post(bot.baseUrl, chat.cardAction(verb, data));
      turns++;
      statuses.push(res.status);
      return res.body as { type: string; value: any };
    };
    const clickForCard = async (verb: string, data: Record<string, unknown>) => {
      const body = await click(verb, data);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      return body.value;
    };

    // 1–5: help, the list, Next, expand a record, a search.
    expect(JSON.stringify(cardOf(await say(de ? 'hilfe' : 'help')))).toContain(
      de ? '**einladen**' : '**invite**',
    );
    const list = cardOf(await say(de ? 'kunden' : 'customers'));
    const next = await clickForCard(
      'customers.page',
      actionData(list, 'customers.page', t.t('customers.next')),
    );
    expect(choiceIds(next)).toHaveLength(10);
    expect(choiceIds(next)).not.toEqual(choiceIds(list));
    const id = choiceIds(next)[i % 10]!;
    const expanded = await clickForCard('customers.expand', {
      ...actionData(next, 'customers.expand'),
      customerId: id,
    });
    expect(JSON.stringify(expanded)).toContain(t.t('customers.services'));
    expect(cardOf(await say(de ? 'kunden cont' : 'customers cont'))).toBeDefined();

    // 6–10: invite up to Done; a second Done on the finished card is stale.
    const invite = async (indirect: boolean) => {
      const choice = cardOf(await say(de ? 'einladen' : 'invite'));
      const flow = actionData(choice, 'invite.cancel');
      return { flow, choice, indirect };
    };
    const toDraft = async (flow: Record<string, unknown>, indirect: boolean) => {
      await clickForCard('invite.choose', {
        ...flow,
        ...(indirect
          ? { kind: 'indirectReseller', providerId: SIMULATOR_PROVIDERS[0]!.id }
          : { kind: 'reseller' }),
      });
      const draft = await clickForCard('invite.details', {
        ...flow,
        companyName: `Load ${i} ${indirect ? 'Indirekt' : 'Direkt'} GmbH`,
        contactEmail: `it${i}@load-${i}.example`,
        channel: 'ownMarketing',
      });
      const subject = inputValue(draft, 'subject')!;
      const body = inputValue(draft, 'body')!;
      expect(body).toMatch(LINK);
      return { subject, body };
    };
    const first = await invite(false);
    const firstDraft = await toDraft(first.flow, false);
    const done = await clickForCard('invite.done', { ...first.flow, ...firstDraft });
    expect(executeActions(done).some((a) => a.verb === 'invite.done')).toBe(false);
    const stale = await click('invite.done', { ...first.flow, ...firstDraft });
    expect(stale).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: t.t('card.expired', { command: de ? 'einladen' : 'invite' }),
    });

    // 11–12: a flow started and cancelled.
    await invite(false);
    expect((await say(de ? 'abbrechen' : 'cancel')).text).toBe(t.t('cancel.done'));

    // 13–17: with an indirect provider; Done without the link keeps the draft, then Done.
    const second = await invite(true);
    const secondDraft = await toDraft(second.flow, true);
    const broken = await clickForCard('invite.done', { ...second.flow, ...secondDraft, body: 'no link' });
    expect(inputValue(broken, 'body')).toBe('no link');
    await clickForCard('invite.done', { ...second.flow, ...secondDraft });

    // 18–20: the invitations list, help, and nothing left to cancel.
    expect(cardOf(await say(de ? 'einladungen' : 'invitations'))).toBeDefined();
    expect(cardOf(await say(de ? 'hilfe' : 'help'))).toBeDefined();
    expect((await say(de ? 'abbrechen' : 'cancel')).text).toBe(t.t('cancel.nothing'));

    return { chat, statuses, turns, flowIds: [first.flow['flowId'], second.flow['flowId']] as string[] };
  }

  it('answers every turn of every conversation and leaves each in the right state', async () => {
    const results = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => session(i)));

    expect(results.map((r) => r.turns)).toEqual(Array(CONVERSATIONS).fill(TURNS));
    expect(results.flatMap((r) => r.statuses).filter((s) => s !== 200)).toEqual([]);
    // No error text reached anyone.
    const texts = connector.messages().map((m) => String(m.text ?? ''));
    for (const locale of ['en-US', 'de-DE']) {
      const t = translatorFor(locale);
      const generic = t.t('error.generic', { ref: '' }).slice(0, 25);
      const unavailable = t.t('error.unavailable', { ref: '' }).slice(0, 25);
      expect(texts.filter((x) => x.startsWith(generic) || x.startsWith(unavailable))).toEqual([]);
    }

    const { containers } = bot.app.cosmos;
    for (const r of results) {
      // Exactly the two invitations of this conversation, each audited once.
      const { resources: invitations } = await containers.invitations.items
        .query<Invitation>(
          {
            query: 'SELECT * FROM c WHERE c.conversationId = @c',
            parameters: [{ name: '@c', value: r.chat.conversationId }],
          },
          { partitionKey: bot.app.services.partnerTenantId },
        )
        .fetchAll();
      expect(invitations.map((x) => x.id).sort()).toEqual([...r.flowIds].sort());
      expect(invitations.every((x) => x.status === 'pending' && LINK.test(x.link))).toBe(true);
      const { resources: audit } = await containers.audit.items
        .query(
          {
            query:
              'SELECT VALUE c.details.invitationId FROM c WHERE ARRAY_CONTAINS(@ids, c.details.invitationId)',
            parameters: [{ name: '@ids', value: r.flowIds }],
          },
          { partitionKey: bot.app.services.partnerTenantId },
        )
        .fetchAll();
      expect(audit.sort()).toEqual([...r.flowIds].sort());
      // No dialog is left waiting.
      const key = toCosmosId(`msteams/conversations/${r.chat.conversationId}/`);
      const { resource } = await containers.botState.item(key, key).read();
      expect(resource?.document?.dialogState?.dialogStack).toEqual([]);
    }
  });
});
