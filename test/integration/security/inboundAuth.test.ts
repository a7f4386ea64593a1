import { LocalOpenIdServer } from '../../support/openIdServer';
import { TeamsChat, TEST_TENANT, post } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { startEmbeddedCosmosServer, createCosmosClient, ensureSchema } from '../../../src/storage/cosmos';
import type { CosmosHandle } from '../../../src/storage/cosmos';

const APP_ID = '0b5a1f4e-1111-4222-8333-944455556666';

describe('inbound authentication with an app id configured (local OpenID metadata + JWKS)', () => {
  let openId: LocalOpenIdServer;
  let bot: TestApp;
  let cosmosServer: Awaited<ReturnType<typeof startEmbeddedCosmosServer>>;
  const serviceUrl = 'http://127.0.0.1:9/'; // nothing listens: replies are not what this test checks

  beforeAll(async () => {
    openId = new LocalOpenIdServer();
    await openId.start();
    cosmosServer = await startEmbeddedCosmosServer();
    const client = createCosmosClient({ endpoint: cosmosServer.endpoint, key: 'k', trustSelfSigned: true });
    const { database, containers } = await ensureSchema(client, 'auth-test');
    const cosmos: CosmosHandle = {
      client,
      database,
      containers,
      embedded: true,
      endpoint: cosmosServer.endpoint,
      ping: async () => true,
      dispose: async () => client.dispose(),
    };
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
        GDAP_TEMPLATES_FILE: 'test/integration/security/fixtures/gdap-templates.json',
      },
      {
        cosmos,
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
  });

  // An activity that needs no reply, so no outbound token is requested.
  const activity = () => new TeamsChat({ serviceUrl }).installation('remove');
  const valid = () => ({ aud: APP_ID, serviceurl: serviceUrl });

  it('accepts a valid channel token', async () => {
    const res = await post(bot.baseUrl, activity(), { authorization: `Bearer ${openId.sign(valid())}` });
    expect(res.status).toBe(200);
  });

  it.each([
    ['missing', () => ({})],
    ['malformed', () => ({ authorization: 'Bearer not.a.jwt' })],
    ['not a bearer', () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })],
    [
      'expired',
      () => ({
        authorization: `Bearer ${openId.sign({ ...valid(), exp: Math.floor(Date.now() / 1000) - 3600 })}`,
      }),
    ],
    [
      'wrong audience',
      () => ({ authorization: `Bearer ${openId.sign({ ...valid(), aud: 'someone-else' })}` }),
    ],
    [
      'wrong issuer',
      () => ({ authorization: `Bearer ${openId.sign({ ...valid(), iss: 'https://evil.example' })}` }),
    ],
    [
      'wrong signing key',
      () => ({ authorization: `Bearer ${openId.sign(valid(), { key: openId.foreignKey })}` }),
    ],
    [
      'serviceUrl mismatch',
      () => ({ authorization: `Bearer ${openId.sign({ ...valid(), serviceurl: 'https://evil.example/' })}` }),
    ],
  ])('refuses a %s token with 401', async (_name, headers) => {
    const res = await post(bot.baseUrl, activity(), headers() as Record<string, string>);
    expect(res.status).toBe(401);
  });
});
