import { translatorFor } from '../../../src/i18n/i18n';
import { TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';

const IN_FLIGHT = 2;
const QUEUED = 2;
const CONVERSATIONS = 16;

/**
 * Issue #17 point 8: with 2 turns in flight and 2 queued, a burst of 16 conversations at once gets
 * 503 + Retry-After for the excess, at the edge and before any work; every accepted turn is
 * answered normally (no "temporarily unavailable", no error), and a refused turn left no trace.
 */
describe('bounded turns in flight: excess turns get 503 + Retry-After, accepted ones succeed', () => {
  let connector: CapturingConnector;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({
      MAX_TURNS_IN_FLIGHT: String(IN_FLIGHT),
      MAX_QUEUED_TURNS: String(QUEUED),
      RECONCILE_INTERVAL_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  it('refuses the excess of a burst and answers every accepted turn', async () => {
    const chats = Array.from(
      { length: CONVERSATIONS },
      (_, i) => new TeamsChat({ serviceUrl: connector.url, locale: i % 2 ? 'de-DE' : 'en-US' }),
    );
    const results = await Promise.all(
      chats.map(async (chat) => {
        const res = await fetch(`${bot.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(chat.message('customers')),
        });
        return {
          chat,
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: await res.text(),
        };
      }),
    );
    const accepted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 503);
    expect(accepted.length + refused.length).toBe(CONVERSATIONS);
    expect(accepted.length).toBeGreaterThanOrEqual(IN_FLIGHT + QUEUED);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.retryAfter).toBe('1');
      expect(r.body).not.toMatch(/Error|at |\.ts/);
      // Refused before any work: the bot sent nothing into that conversation.
      expect(connector.activities.filter((a) => a.conversationId === r.chat.conversationId)).toEqual([]);
    }
    const failureTexts = ['en-US', 'de-DE'].flatMap((l) => {
      const t = translatorFor(l);
      return [
        t.t('error.unavailable', { ref: '' }).slice(0, 20),
        t.t('error.generic', { ref: '' }).slice(0, 20),
      ];
    });
    for (const r of accepted) {
      const replies = connector.activities.filter((a) => a.conversationId === r.chat.conversationId);
      const cards = replies.filter((a) => a.activity.attachments?.length);
      expect(cards.length).toBeGreaterThan(0);
      for (const reply of replies) {
        const text = String(reply.activity.text ?? '');
        for (const failure of failureTexts) expect(text.startsWith(failure)).toBe(false);
      }
    }
    // The gate is free again: a later turn is served.
    const later = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chats[0]!.message('help')),
    });
    expect(later.status).toBe(200);
  });
});
