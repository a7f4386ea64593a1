import { Writable } from 'node:stream';
import { CapturingConnector } from '../../support/connector';
import { FOREIGN_TENANT, TeamsChat, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { createLogger } from '../../../src/logging/logger';

/**
 * Runs the chat flows with logging at trace level into memory and scans every line: no tokens,
 * keys, email addresses or customer personal data may appear at any level.
 */
describe('logs carry no secrets or personal data', () => {
  const lines: string[] = [];
  let connector: CapturingConnector;
  let bot: TestApp;
  const EMAIL = 'max.mustermann@contoso-kunde.de';

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    bot = await startTestApp(
      { COSMOS_KEY: '' },
      { logger: createLogger({ level: 'trace', destination: sink }) },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  it('a session of typical turns logs nothing sensitive', async () => {
    const chat = new TeamsChat({ serviceUrl: connector.url, userName: 'Erika Musterfrau' });
    const texts = [
      'help',
      `say hello to ${EMAIL}`,
      'customers',
      'customers contoso',
      'invite',
      'invitations',
      'remove fabrikam',
      'cancel',
      'x'.repeat(3000) + EMAIL,
    ];
    for (const text of texts) await post(bot.baseUrl, chat.message(text));
    await post(bot.baseUrl, chat.cardAction('unknown.verb', { email: EMAIL }));
    await post(bot.baseUrl, chat.cardAction('customers.page', { flowId: 'x', text: EMAIL }));
    const foreign = new TeamsChat({ serviceUrl: connector.url, tenantId: FOREIGN_TENANT });
    await post(bot.baseUrl, foreign.message(`hello ${EMAIL}`));
    await bot.app.simulator?.whenIdle();

    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(all).not.toContain(EMAIL);
    expect(all).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
    expect(all).not.toContain(bot.app.simulatorToken!);
    expect(all).not.toMatch(/Bearer\s+[A-Za-z0-9._-]{8,}/);
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // JWTs
    expect(all).not.toContain('Erika Musterfrau');
  });
});
