import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { MainDialog, type CommandDialogOptions } from '../../../src/dialogs/mainDialog';

const CONNECTION = 'PartnerCenter';

class EchoCustomersDialog extends ComponentDialog {
  constructor() {
    super('customersDialog');
    this.addDialog(
      new WaterfallDialog('w', [
        async (step) => {
          await step.context.sendActivity(`customers: ${(step.options as CommandDialogOptions).args || '-'}`);
          return step.endDialog();
        },
      ]),
    );
  }
}

function harness(locale = 'en-US') {
  const state = new ConversationState(new MemoryStorage());
  const accessor = state.createProperty<DialogState>('dialog');
  const main = new MainDialog({ customers: new EchoCustomersDialog() }, { signInConnection: CONNECTION });
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await main.run(context, accessor);
    await state.saveChanges(context);
  });
  adapter.locale = locale;
  return adapter;
}

describe('sign-in before Partner Center App+User commands (production mode)', () => {
  it('runs the command at once when the user already has a token', async () => {
    const adapter = harness();
    adapter.addUserToken(CONNECTION, 'test', 'user1', 'user-token');
    await adapter.send('customers cont').assertReply('customers: cont');
  });

  it('asks to sign in with an OAuth card, then runs the command after the magic code', async () => {
    const adapter = harness();
    adapter.addUserToken(CONNECTION, 'test', 'user1', 'user-token', '123456');
    await adapter
      .send('customers')
      .assertReply((activity) =>
        expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.oauth'),
      )
      .send('123456')
      .assertReply('customers: -');
  });

  it.each([
    ['en-US', /Sign-in did not complete/],
    ['de-DE', /Anmeldung wurde nicht abgeschlossen/],
  ])('says clearly when sign-in does not complete (%s)', async (locale, text) => {
    const adapter = harness(locale);
    await adapter
      .send({ type: 'message', text: 'customers', locale })
      .assertReply((activity) =>
        expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.oauth'),
      )
      .send({ type: 'message', text: 'not a code', locale })
      .assertReply((activity) => expect(activity.text).toMatch(text));
  });

  it('help needs no sign-in', async () => {
    const adapter = harness();
    await adapter
      .send('help')
      .assertReply((a) =>
        expect(a.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive'),
      );
  });

  it('signout signs the user out', async () => {
    const adapter = harness();
    adapter.addUserToken(CONNECTION, 'test', 'user1', 'user-token');
    await adapter.send('signout').assertReply('You are signed out of Partner Center.');
    await adapter
      .send('customers')
      .assertReply((a) =>
        expect(a.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.oauth'),
      );
  });
});
