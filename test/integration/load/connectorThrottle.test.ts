import { translatorFor } from '../../../src/i18n/i18n';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { cardOf, RecordingConnector } from './support';

/**
 * Teams' connector answers a reply with 429 (Retry-After) and the retry with 200: the reply is
 * sent again after the wait and arrives exactly once — for one user and for several at once.
 */
describe('connector 429, then 200, on turn replies', () => {
  let connector: RecordingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new RecordingConnector();
    await connector.start();
    bot = await startTestApp({ SIMULATOR_CUSTOMERS: '5', RECONCILE_INTERVAL_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const chat = () =>
    new TeamsChat({ serviceUrl: connector.url, userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId });

  it('retries the reply after Retry-After and delivers it once', async () => {
    const c = chat();
    connector.answerNext(429, { 'Retry-After': '1' });
    const res = await post(bot.baseUrl, c.message('help'));
    expect(res.status).toBe(200);
    const attempts = connector.attempts.filter(
      (a) => a.conversationId === c.conversationId && a.activity['type'] === 'message',
    );
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(connector.delivered(c.conversationId)).toHaveLength(1);
    expect(cardOf(connector.delivered(c.conversationId)[0])?.type).toBe('AdaptiveCard');
  });

  it('several conversations throttled at once: each reply arrives once, in order with the next turn', async () => {
    const chats = Array.from({ length: 6 }, chat);
    for (let i = 0; i < chats.length; i++) connector.answerNext(429, { 'Retry-After': '1' });
    await Promise.all(chats.map((c) => post(bot.baseUrl, c.message('cancel'))));
    await Promise.all(chats.map((c) => post(bot.baseUrl, c.message('help'))));
    const t = translatorFor('en-US');
    for (const c of chats) {
      const delivered = connector.delivered(c.conversationId);
      expect(delivered).toHaveLength(2);
      expect(delivered[0]!['text']).toBe(t.t('cancel.nothing'));
      expect(cardOf(delivered[1])?.type).toBe('AdaptiveCard');
    }
    expect(connector.attempts.filter((a) => a.status === 429)).toHaveLength(7);
  });
});
