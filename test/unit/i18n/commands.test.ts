import { recognizeCommand, stripMentions } from '../../../src/i18n/commands';

describe('recognizeCommand', () => {
  it.each([
    ['help', 'help', ''],
    ['HILFE', 'help', ''],
    ['invite', 'invite', ''],
    ['Einladen', 'invite', ''],
    ['customers', 'customers', ''],
    ['kunden cont', 'customers', 'cont'],
    ['Customers  Contoso   GmbH', 'customers', 'Contoso GmbH'],
    ['remove fabrikam.com', 'remove', 'fabrikam.com'],
    ['entfernen Müller', 'remove', 'Müller'],
    ['invitations', 'invitations', ''],
    ['einladungen', 'invitations', ''],
    ['providers', 'providers', ''],
    ['anbieter', 'providers', ''],
    ['cancel', 'cancel', ''],
    ['ABBRECHEN', 'cancel', ''],
    ['<at>Customer Connect</at> kunden abc', 'customers', 'abc'],
    ['<at>Customer&nbsp;Connect</at>&nbsp;help', 'help', ''],
    ['/help', 'help', ''],
  ])('%j → %s %j', (text, command, args) => {
    expect(recognizeCommand(text)).toEqual({ command, args });
  });

  it.each(['', '   ', 'bake a cake', 'helpme', 'kundenliste', undefined, null])(
    '%j is not a command',
    (text) => {
      expect(recognizeCommand(text as string).command).toBeUndefined();
    },
  );

  it('strips mentions and blanks', () => {
    expect(stripMentions('  <at>Bot</at>   hello\u00a0world ')).toBe('hello world');
  });
});
