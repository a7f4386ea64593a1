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
    // A command of two words, and its German word; the first word alone is no command.
    ['admin access', 'adminAccess', ''],
    ['Admin  Access 2', 'adminAccess', '2'],
    ['<at>Customer Connect</at> admin access', 'adminAccess', ''],
    ['/admin access', 'adminAccess', ''],
    ['adminzugriff', 'adminAccess', ''],
    ['ADMINZUGRIFF 3', 'adminAccess', '3'],
    ['admin zugriff', 'adminAccess', ''],
    ['gdap', 'adminAccess', ''],
    ['audit 5', 'audit', '5'],
  ])('%j → %s %j', (text, command, args) => {
    expect(recognizeCommand(text)).toEqual({ command, args });
  });

  it.each([
    '',
    '   ',
    'bake a cake',
    'helpme',
    'kundenliste',
    'admin',
    'admin accessories',
    'admins access',
    undefined,
    null,
  ])('%j is not a command', (text) => {
    expect(recognizeCommand(text as string).command).toBeUndefined();
  });

  it('strips mentions and blanks', () => {
    expect(stripMentions('  <at>Bot</at>   hello\u00a0world ')).toBe('hello world');
  });
});
