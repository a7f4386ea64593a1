import { translatorFor } from '../../../src/i18n/i18n';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { FOREIGN_TENANT, TEST_TENANT, TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { cardOf, startSwitchableCosmos } from '../load/support';

const t = translatorFor('en-US');
const unavailablePrefix = t.t('error.unavailable', { ref: 'REF' }).split('REF')[0]!;

/**
 * Issue 17.4: a turn that fails must leave its activity retryable, so that Teams' redelivery of
 * the same activity (same id) is processed and answered instead of silently dropped.
 */
describe('redelivery of an activity whose turn failed (over HTTP, embedded Cosmos)', () => {
  let connector: CapturingConnector;
  let cosmos: Awaited<ReturnType<typeof startSwitchableCosmos>>;
  let bot: TestApp;

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    cosmos = await startSwitchableCosmos(1500);
    bot = await startTestApp(
      { SIMULATOR_CUSTOMERS: '5', RECONCILE_INTERVAL_SECONDS: '0' },
      { cosmos: cosmos.handle },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await cosmos?.dispose();
    await connector?.stop();
  });

  const chat = () =>
    new TeamsChat({ serviceUrl: connector.url, userAadObjectId: SIMULATOR_USERS.globalAdmin.aadObjectId });

  it('a storage fault fails the turn; the same activity redelivered is processed and answered', async () => {
    const c = chat();
    const activity = c.message('help');
    // The bot state cannot be read during the first delivery: the turn fails after the dedupe record.
    cosmos.agent.failWhen = (_method, path) => path.includes('/colls/bot-state/');
    try {
      expect((await post(bot.baseUrl, activity)).status).toBe(200);
      await connector.waitFor(() => connector.messages(c.conversationId).length >= 1);
    } finally {
      cosmos.agent.failWhen = undefined;
    }
    expect(connector.messages(c.conversationId)[0]!.text).toContain(unavailablePrefix);

    // Teams redelivers the very same activity (same id).
    expect((await post(bot.baseUrl, activity)).status).toBe(200);
    await connector.waitFor(() => connector.messages(c.conversationId).length >= 2);
    expect(cardOf(connector.messages(c.conversationId)[1]!)).toBeDefined();

    // Once processed, a further redelivery is a duplicate again (nothing more is sent).
    expect((await post(bot.baseUrl, activity)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.messages(c.conversationId)).toHaveLength(2);
  });
});

/** Issue 17.7: channelData.tenant.id must agree with conversation.tenantId when both are present. */
describe('tenant check with contradicting tenant ids (over HTTP)', () => {
  let connector: CapturingConnector;
  let bot: TestApp;
  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  it('refuses (localized) an allowed channelData tenant over a foreign conversation tenant', async () => {
    for (const [locale, refusal] of [
      ['en-US', /only available to the staff/],
      ['de-DE', /nur den Mitarbeitenden/],
    ] as const) {
      const foreign = new TeamsChat({ serviceUrl: connector.url, tenantId: FOREIGN_TENANT, locale });
      const activity = foreign.message('help', { channelData: { tenant: { id: TEST_TENANT } } });
      expect((await post(bot.baseUrl, activity)).status).toBe(200);
      await connector.waitFor(() => connector.messages(foreign.conversationId).length >= 1);
      expect(connector.messages(foreign.conversationId)[0]!.text).toMatch(refusal);
    }
    // Agreeing ids still pass.
    const own = new TeamsChat({ serviceUrl: connector.url });
    await post(bot.baseUrl, own.message('help'));
    await connector.waitFor(() => connector.messages(own.conversationId).length >= 1);
    expect(cardOf(connector.messages(own.conversationId)[0]!)).toBeDefined();
  });
});
