import { LocalOpenIdServer } from '../../support/openIdServer';
import { TeamsChat, TEST_TENANT, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { startEmbeddedCosmosServer, createCosmosClient, ensureSchema } from '../../../src/storage/cosmos';
import type { CosmosHandle } from '../../../src/storage/cosmos';
import { createAdapter } from '../../../src/bot/adapter';
import { loadConfig } from '../../../src/config/config';
import { silentLogger } from '../../../src/logging/logger';
import type { BotState, TurnContext } from 'botbuilder';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILT_IN_TEMPLATES, BUILT_IN_PLACEHOLDER_GROUP_PREFIX } from '../../../src/domain/gdap/templates';

/** A production GDAP templates file (the built-in roles, with real-looking group ids). */
function templatesFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'edge-')), 'gdap-templates.json');
  const { templates } = BUILT_IN_TEMPLATES;
  const json = JSON.stringify({ templates })
    .split(BUILT_IN_PLACEHOLDER_GROUP_PREFIX)
    .join('11111111-2222-4333-8444-5555555555');
  writeFileSync(file, json);
  return file;
}

/**
 * Issue #17 points 6 and 7: malformed activities and refused tokens are answered at the edge with
 * a generic body (400 / 401), never with internal text, and leave nothing on stdout/stderr.
 */

/** Everything written to stdout/stderr or the console while `work` runs. */
async function captureOutput(work: () => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  const spies = [
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      written.push(`stderr: ${String(chunk)}`);
      return true;
    }),
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written.push(`stdout: ${String(chunk)}`);
      return true;
    }),
  ];
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return written;
}

describe('malformed activities are refused at the edge with 400 and a generic body', () => {
  let bot: TestApp;
  const serviceUrl = 'http://127.0.0.1:9/';
  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot?.stop();
    await bot?.app.cosmos.dispose();
  });

  const chat = () => new TeamsChat({ serviceUrl });
  it.each([
    ['a non-string locale', () => ({ ...chat().message('help'), locale: 42 })],
    ['an object locale', () => ({ ...chat().message('help'), locale: { x: 1 } })],
    ['no type', () => ({ ...chat().message('help'), type: undefined })],
    ['a numeric type', () => ({ ...chat().message('help'), type: 7 })],
    ['a string as card action value', () => ({ ...chat().cardAction('customers.page', {}), value: 'x' })],
    [
      'a string as invoke value',
      () => ({ ...chat().cardAction('customers.page', {}), name: 'x', value: 'x' }),
    ],
    ['a card action without action', () => ({ ...chat().cardAction('customers.page', {}), value: {} })],
    ['a numeric text', () => ({ ...chat().message('help'), text: 5 })],
    ['an array', () => [1, 2]],
  ])('%s', async (_name, activity) => {
    const res = await post(bot.baseUrl, activity() as Record<string, unknown>);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Invalid activity' });
  });

  it('still answers a well-formed message', async () => {
    const res = await post(bot.baseUrl, chat().message('help'));
    expect(res.status).toBe(200);
  });
});

describe('the turn error handler cannot throw', () => {
  it('answers a turn with a non-string locale and an odd error without throwing', async () => {
    const adapter = createAdapter({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      logger: silentLogger(),
      conversationState: { delete: async () => undefined } as unknown as BotState,
    });
    const sent: unknown[] = [];
    const context = {
      activity: { type: 'message', locale: 42, id: 7 },
      sendActivity: async (a: unknown) => {
        sent.push(a);
        return undefined;
      },
    } as unknown as TurnContext;
    await expect(adapter.onTurnError(context, new Error('boom'))).resolves.toBeUndefined();
    await expect(adapter.onTurnError(context, undefined as unknown as Error)).resolves.toBeUndefined();
  });
});

const APP_ID = '0b5a1f4e-1111-4222-8333-944455556666';

describe('refused tokens: generic 401 body, one structured warning, nothing on stdout/stderr', () => {
  let openId: LocalOpenIdServer;
  let bot: TestApp;
  let cosmosServer: Awaited<ReturnType<typeof startEmbeddedCosmosServer>>;
  const logLines: Record<string, unknown>[] = [];
  const serviceUrl = 'http://127.0.0.1:9/';

  // Spies under whatever the app puts on the console: a call that reaches them would be printed.
  let consoleSpies: jest.SpyInstance[] = [];
  beforeAll(async () => {
    consoleSpies = (['error', 'warn', 'log', 'info'] as const).map((m) => jest.spyOn(console, m));
    openId = new LocalOpenIdServer();
    await openId.start();
    cosmosServer = await startEmbeddedCosmosServer();
    const client = createCosmosClient({ endpoint: cosmosServer.endpoint, key: 'k', trustSelfSigned: true });
    const { database, containers } = await ensureSchema(client, 'edge-auth-test');
    const cosmos: CosmosHandle = {
      client,
      database,
      containers,
      embedded: true,
      endpoint: cosmosServer.endpoint,
      ping: async () => true,
      dispose: async () => client.dispose(),
    };
    const pino = (await import('pino')).default;
    const logger = pino(
      { level: 'debug' },
      { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    bot = await startTestApp(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TEST_TENANT,
        BIND_HOST: '127.0.0.1',
        COSMOS_ENDPOINT: 'https://unused.documents.azure.com:443/',
        PARTNER_TENANT_ID: TEST_TENANT,
        ALLOWED_TENANT_IDS: TEST_TENANT,
        PARTNER_CENTER_APP_ID: '1a2b3c4d-0000-4000-8000-000000000001',
        PARTNER_CENTER_APP_SECRET: 'pc-secret',
        OAUTH_CONNECTION_NAME: 'PartnerCenter',
        PUBLIC_BASE_URL: 'https://bot.example.com',
        WEBHOOK_ALLOWED_CERT_HOSTS: 'certs.partnercenter.example',
        WEBHOOK_TRUSTED_ROOTS_FILE: 'test/integration/notifications/fixtures/webhook-root.pem',
        WEBHOOK_CERT_SUBJECT: 'CN=webhook.partnercenter.example',
        GDAP_TEMPLATES_FILE: templatesFile(),
      },
      {
        cosmos,
        logger,
        authOverrides: {
          ToBotFromChannelOpenIdMetadataUrl: openId.metadataUrl,
          ToBotFromChannelTokenIssuer: openId.issuer,
        },
      },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await bot?.app.cosmos.dispose();
    await cosmosServer?.close();
    await openId?.stop();
    for (const spy of consoleSpies) spy.mockRestore();
  });

  const activity = () => new TeamsChat({ serviceUrl }).installation('remove');
  const valid = () => ({ aud: APP_ID, serviceurl: serviceUrl });

  it.each([
    ['wrong signing key', () => `Bearer ${openId.sign(valid(), { key: openId.foreignKey })}`],
    ['wrong audience', () => `Bearer ${openId.sign({ ...valid(), aud: 'someone-else' })}`],
    ['expired', () => `Bearer ${openId.sign({ ...valid(), exp: Math.floor(Date.now() / 1000) - 3600 })}`],
    ['malformed', () => 'Bearer not.a.jwt'],
  ])('%s', async (_name, header) => {
    const authorization = header();
    logLines.length = 0;
    for (const spy of consoleSpies) spy.mockClear();
    let res: { status: number; body: unknown } | undefined;
    const written = await captureOutput(async () => {
      res = await post(bot.baseUrl, activity(), { authorization });
    });
    const consoleCalls = consoleSpies.flatMap((s) => s.mock.calls);
    expect(res?.status).toBe(401);
    expect(res?.body).toBe('Unauthorized');
    expect(written).toEqual([]);
    expect(consoleCalls).toEqual([]);
    const warnings = logLines.filter((l) => (l.level as number) >= 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ msg: 'refused request: authentication failed', status: 401 });
  });
});
