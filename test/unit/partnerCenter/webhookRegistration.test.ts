import { ACCEPTANCE_EVENTS } from '../../../src/notifications/events';
import { BOT_WEBHOOK_EVENTS, checkRegistration } from '../../../src/partnerCenter';

const URL = 'https://bot.example/api/partner-center/events';

describe('webhook registration check', () => {
  it('the registered list covers every acceptance event the notifications handle, and GDAP', () => {
    for (const event of Object.keys(ACCEPTANCE_EVENTS)) expect(BOT_WEBHOOK_EVENTS).toContain(event);
    expect(BOT_WEBHOOK_EVENTS).toContain('granular-admin-relationship-approved');
    expect(BOT_WEBHOOK_EVENTS).toContain('granular-admin-relationship-expired');
  });

  it('ok when URL matches (case, trailing slash) and every event is there', () => {
    const check = checkRegistration(
      { webhookUrl: `${URL.toUpperCase()}/`, webhookEvents: [...BOT_WEBHOOK_EVENTS, 'test-created'] },
      URL,
    );
    expect(check).toEqual({
      registered: true,
      urlMatches: true,
      missingEvents: [],
      extraEvents: ['test-created'],
      ok: true,
    });
  });

  it('names missing events and a wrong URL; nothing registered misses everything', () => {
    const check = checkRegistration(
      { webhookUrl: 'https://x.example/h', webhookEvents: [BOT_WEBHOOK_EVENTS[0]!] },
      URL,
    );
    expect(check.ok).toBe(false);
    expect(check.urlMatches).toBe(false);
    expect(check.missingEvents).toEqual(BOT_WEBHOOK_EVENTS.slice(1));
    expect(checkRegistration(undefined, URL)).toMatchObject({
      registered: false,
      ok: false,
      missingEvents: BOT_WEBHOOK_EVENTS,
    });
  });
});
