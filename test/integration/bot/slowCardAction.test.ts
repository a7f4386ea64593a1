import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { translatorFor, type Translator } from '../../../src/i18n/i18n';
import { post, TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { CapturingConnector } from '../../support/connector';
import { actionByVerb, choiceIds, rowsOf } from '../../unit/dialogs/customers/helpers';

/**
 * Issue 17.3 over HTTP as the Teams channel: Partner Center (the simulator, latency fault) is slower
 * than the time a card click may take to answer (CARD_ANSWER_MS). The click is answered in time
 * with a "still working" card; when the work is done the clicked card is updated through the
 * connector with the result, or, when Partner Center did not answer before the turn's deadline,
 * with the reason and a "Try again" button that runs the same click again.
 */
/** The start of the "Partner Center is not reachable" sentence (its end names a request id). */
const partnerCenterUnavailable = (t: Translator) => t.t('pc.unavailable', { ref: '' }).slice(0, 30);

describe('a card click slower than its answer window (real HTTP, simulator latency fault)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ TURN_DEADLINE_MS: '2500', CARD_ANSWER_MS: '500' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });
  afterEach(async () => {
    await faults('DELETE');
  });

  async function faults(method: 'POST' | 'DELETE', body?: unknown): Promise<void> {
    const res = await fetch(`${bot.baseUrl}/simulator/admin/faults`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok).toBe(true);
    await res.arrayBuffer();
  }

  async function customerList(c: TeamsChat, word: string): Promise<any> {
    expect((await post(bot.baseUrl, c.message(word))).status).toBe(200);
    await connector.waitFor(() => connector.messages(c.conversationId).length > 0);
    return connector.messages(c.conversationId)[0]!.attachments[0].content;
  }

  /** A click on the card message `cardMessageId`, as Teams sends it (replyToId names the card). */
  const click = (c: TeamsChat, verb: string, data: Record<string, unknown>, cardMessageId: string) =>
    post(bot.baseUrl, { ...c.cardAction(verb, data), replyToId: cardMessageId });

  const chat = (locale: string) =>
    new TeamsChat({
      serviceUrl: connector.url,
      locale,
      userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
    });

  /** The connector's updateActivity calls (PUT …/activities/:id) for one card message. */
  const updates = (c: TeamsChat, cardMessageId: string) =>
    connector.activities.filter(
      (a) =>
        a.method === 'PUT' &&
        a.conversationId === c.conversationId &&
        a.path.endsWith(`/activities/${encodeURIComponent(cardMessageId)}`),
    );

  it.each([
    ['en-US', 'customers'],
    ['de-DE', 'kunden'],
  ])(
    '%s: "still working" in time, then the card is updated with the expanded record',
    async (locale, word) => {
      const t = translatorFor(locale);
      const c = chat(locale);
      const list = await customerList(c, word);
      const expand = actionByVerb(list, 'customers.expand');
      await faults('POST', [{ route: 'GET /v1/customers/:id', type: 'latency', latencyMs: 1200 }]);

      const res = await click(
        c,
        'customers.expand',
        { ...expand.data, customerId: choiceIds(list)[0] },
        'list-card',
      );
      expect(res.status).toBe(200);
      expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expectValidCard(res.body.value);
      expect(res.body.value.body[0].text).toBe(t.t('card.working.title'));
      expect(res.body.value.actions ?? []).toEqual([]);

      await connector.waitFor(() => updates(c, 'list-card').length > 0, 15000);
      const [update] = updates(c, 'list-card');
      const card = update!.activity.attachments[0].content;
      expectValidCard(card);
      expect(rowsOf(card)[0]!.expanded).toBe(true);
    },
  );

  it.each([
    ['en-US', 'customers'],
    ['de-DE', 'kunden'],
  ])(
    '%s: Partner Center past the deadline: the card is updated with the reason and a Try again that works',
    async (locale, word) => {
      const t = translatorFor(locale);
      const c = chat(locale);
      const list = await customerList(c, word);
      // Refresh reads the list from Partner Center again; it does not answer before the deadline.
      const refresh = actionByVerb(list, 'customers.page', t.t('customers.refresh'));
      await faults('POST', [{ route: 'GET /v1/customers', type: 'latency', latencyMs: 4000 }]);

      const res = await click(c, refresh.verb, refresh.data, 'list-card');
      expect(res.body.value.body[0].text).toBe(t.t('card.working.title'));

      await connector.waitFor(() => updates(c, 'list-card').length > 0, 15000);
      const card = updates(c, 'list-card')[0]!.activity.attachments[0].content;
      expectValidCard(card);
      expect(card.body[0].text).toBe(t.t('card.retry.titleAnswered'));
      expect(card.body[1].text).toContain(partnerCenterUnavailable(t));
      const retry = actionByVerb(card, 'customers.page', t.t('common.retry'));
      expect(retry.data).toEqual(refresh.data);

      await faults('DELETE');
      const again = await click(c, retry.verb, retry.data, 'list-card');
      expect(again.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(rowsOf(again.body.value)).toHaveLength(rowsOf(list).length);
    },
  );
});
