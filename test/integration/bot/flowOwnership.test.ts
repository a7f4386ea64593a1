import { SIMULATOR_PROVIDERS, SIMULATOR_USERS } from '../../../src/simulator/seed';
import { translatorFor } from '../../../src/i18n/i18n';
import { TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { CapturingConnector } from '../../support/connector';
import { expectValidCard } from '../../support/cardAssertions';
import { action } from '../../unit/dialogs/invite/harness';

const P1 = SIMULATOR_PROVIDERS[0]!;

/**
 * Issue #17 point 5: in a group chat (and a channel) a flow belongs to the person who started it.
 * Another member typing `cancel` or a command, a Sales agent clicking the admin's button, or a
 * malformed click leaves the admin's waiting flow as it is; the admin then carries on.
 */
describe.each(['groupChat', 'channel'] as const)('flows belong to their starter (%s)', (conversationType) => {
  let connector: CapturingConnector;
  let bot: TestApp;
  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    bot = await startTestApp({ SIMULATOR_CUSTOMERS: '5', RECONCILE_INTERVAL_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  it("another member's cancel, command, click and a malformed click do not end the admin's flow", async () => {
    const conversationId = `19:${conversationType}-${Date.now()}@thread.v2`;
    const member = (user: { aadObjectId: string }, name: string) =>
      new TeamsChat({
        serviceUrl: connector.url,
        conversationId,
        conversationType,
        userAadObjectId: user.aadObjectId,
        userName: name,
      });
    const admin = member(SIMULATOR_USERS.globalAdmin, 'Greta Hoffmann');
    const sales = member(SIMULATOR_USERS.salesAgent, 'Sam Sales');
    const other = member(SIMULATOR_USERS.adminAgent, 'Adrian Keller');
    const t = translatorFor('en-US');

    const say = async (c: TeamsChat, text: string) => {
      const before = connector.messages(conversationId).length;
      expect((await post(bot.baseUrl, c.message(text))).status).toBe(200);
      await connector.waitFor(() => connector.messages(conversationId).length > before);
      return connector.messages(conversationId).slice(before);
    };
    const click = async (c: TeamsChat, verb: string, data: Record<string, unknown>) => {
      const res = await post(bot.baseUrl, c.cardAction(verb, data));
      expect(res.status).toBe(200);
      return res.body as { type: string; value: any };
    };

    const [choiceMessage] = await say(admin, 'invite');
    const choice = choiceMessage!.attachments[0].content;
    expectValidCard(choice);
    const flow = action(choice, 'invite.cancel').data!;

    // Another member cancels: nothing of theirs waits; the admin's flow is untouched.
    const cancelled = await say(other, 'cancel');
    expect(cancelled.map((m) => m.text)).toEqual([t.t('cancel.nothing')]);
    // Another member runs their own command.
    const helped = await say(other, 'help');
    expect(helped[0]!.attachments?.length).toBe(1);
    // A Sales agent clicks the admin's button: told it is not theirs; the flow is not advanced.
    const refused = await click(sales, 'invite.choose', {
      ...flow,
      kind: 'indirectReseller',
      providerId: P1.id,
    });
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect(refused.value).toBe(t.t('card.notYours', { command: 'invite' }));
    // A malformed click by someone else.
    const malformed = await click(other, 'invite.choose', { flowId: 42, kind: ['x'] });
    expect(malformed.type).toBe('application/vnd.microsoft.activity.message');

    // The admin's flow still waits at the choice: the admin's click advances it.
    const details = await click(admin, 'invite.choose', {
      ...flow,
      kind: 'indirectReseller',
      providerId: P1.id,
    });
    expect(details.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(details.value);
  });
});
