import { ConfigError, loadConfig } from '../../../src/config/config';
import { redactedSummary } from '../../../src/config/summary';

const PROD = {
  MicrosoftAppId: '0b5a1f4e-1111-4222-8333-944455556666',
  MicrosoftAppPassword: 's3cret-value',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '7c1e2d3f-aaaa-4bbb-8ccc-ddddeeeeffff',
  COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
  COSMOS_KEY: 'cosmos-key',
  PARTNER_TENANT_ID: '7c1e2d3f-aaaa-4bbb-8ccc-ddddeeeeffff',
  ALLOWED_TENANT_IDS: '7c1e2d3f-aaaa-4bbb-8ccc-ddddeeeeffff',
  PARTNER_CENTER_APP_ID: '1a2b3c4d-0000-4000-8000-000000000001',
  PARTNER_CENTER_APP_SECRET: 'pc-secret',
  OAUTH_CONNECTION_NAME: 'PartnerCenter',
  PUBLIC_BASE_URL: 'https://bot.example.com',
  WEBHOOK_ALLOWED_CERT_HOSTS: 'api.partnercenter.microsoft.com',
  WEBHOOK_TRUSTED_ROOTS_FILE: '/etc/customer-connect/webhook-roots.pem',
  WEBHOOK_CERT_SUBJECT: 'CN=api.partnercenter.microsoft.com',
  GDAP_TEMPLATES_FILE: '/etc/customer-connect/gdap-templates.json',
};

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to embedded mode on loopback with auth off', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('embedded');
    expect(config.server).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      publicBaseUrl: 'http://localhost:3978',
    });
    expect(config.bot.authEnabled).toBe(false);
    expect(config.cosmos).toMatchObject({ embedded: true, database: 'customer-connect' });
    expect(config.simulator.enabled).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
  });

  it('parses a complete production configuration', () => {
    const config = loadConfig(PROD);
    expect(config.mode).toBe('production');
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.bot).toMatchObject({ authEnabled: true, appType: 'SingleTenant' });
    expect(config.cosmos.embedded).toBe(false);
    expect(config.simulator.enabled).toBe(false);
    expect(config.allowedTenantIds).toEqual(['7c1e2d3f-aaaa-4bbb-8ccc-ddddeeeeffff']);
  });

  it('telemetry: off by default; Azure Monitor, OTLP, sampling and live metrics when set', () => {
    expect(loadConfig({}).telemetry).toEqual({ samplingRatio: 1, liveMetrics: false });
    const config = loadConfig({
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      TELEMETRY_SAMPLING_RATIO: '0.25',
      TELEMETRY_LIVE_METRICS: 'true',
    });
    expect(config.telemetry).toMatchObject({
      otlpEndpoint: 'http://localhost:4318',
      samplingRatio: 0.25,
      liveMetrics: true,
    });
    expect(redactedSummary(config)).toMatchObject({ telemetry: 'azure-monitor' });
    expect(JSON.stringify(redactedSummary(config))).not.toContain('InstrumentationKey');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MicrosoftAppId: 'not-a-guid' }, 'MicrosoftAppId'],
    [{ COSMOS_ENDPOINT: 'not a url' }, 'COSMOS_ENDPOINT'],
    [{ ALLOWED_TENANT_IDS: 'abc,def' }, 'ALLOWED_TENANT_IDS'],
    [{ CUSTOMER_CACHE_TTL_SECONDS: '-1' }, 'CUSTOMER_CACHE_TTL_SECONDS'],
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: 'nope' }, 'APPLICATIONINSIGHTS_CONNECTION_STRING'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ TELEMETRY_SAMPLING_RATIO: '1.5' }, 'TELEMETRY_SAMPLING_RATIO'],
    [{ TELEMETRY_LIVE_METRICS: 'yes' }, 'TELEMETRY_LIVE_METRICS'],
  ])('names the bad setting for %j', (env, setting) => {
    const err = configError(env);
    expect(err.setting).toBe(setting);
    expect(err.message).toContain(setting);
  });

  it.each([
    ['MicrosoftAppPassword', { MicrosoftAppPassword: 'x' }],
    ['COSMOS_KEY', { COSMOS_KEY: 'x' }],
    ['BIND_HOST', { BIND_HOST: '0.0.0.0' }],
  ])('refuses the contradictory setting %s without an app id', (setting, env) => {
    expect(configError(env).setting).toBe(setting);
  });

  it.each([
    'COSMOS_ENDPOINT',
    'PARTNER_TENANT_ID',
    'ALLOWED_TENANT_IDS',
    'PARTNER_CENTER_APP_SECRET',
    'OAUTH_CONNECTION_NAME',
    'MicrosoftAppPassword',
    'MicrosoftAppTenantId',
    'PUBLIC_BASE_URL',
    'WEBHOOK_ALLOWED_CERT_HOSTS',
    'WEBHOOK_TRUSTED_ROOTS_FILE',
    'WEBHOOK_CERT_SUBJECT',
    'GDAP_TEMPLATES_FILE',
  ])('requires %s in production', (missing) => {
    const env: Record<string, string> = { ...PROD };
    delete env[missing];
    if (missing === 'COSMOS_ENDPOINT') delete env.COSMOS_KEY;
    expect(configError(env).setting).toBe(missing);
  });

  it('issue 16: GDAP_WARN_DAYS: 30,7,1 by default; a list of days, sorted and unique; bad values name it', () => {
    expect(loadConfig({}).notifications.gdapWarnDays).toEqual([30, 7, 1]);
    expect(loadConfig({ GDAP_WARN_DAYS: ' 1, 14,14 ,60' }).notifications.gdapWarnDays).toEqual([60, 14, 1]);
    for (const bad of ['0', 'soon', '7,,1', '731', '-1'])
      expect(configError({ GDAP_WARN_DAYS: bad }).setting).toBe('GDAP_WARN_DAYS');
  });

  it('issue 17: TURN_DEADLINE_MS: 7000 by default (Teams answers invokes within ~10 s), settable, bounded', () => {
    expect(loadConfig({}).partnerCenter.turnDeadlineMs).toBe(7000);
    expect(loadConfig({ TURN_DEADLINE_MS: '1500' }).partnerCenter.turnDeadlineMs).toBe(1500);
    expect(configError({ TURN_DEADLINE_MS: '100' }).setting).toBe('TURN_DEADLINE_MS');
    expect(configError({ TURN_DEADLINE_MS: 'soon' }).setting).toBe('TURN_DEADLINE_MS');
  });

  it('GDAP: Graph in production, the simulator locally; the Partner Center app unless GDAP_APP_ID is set', () => {
    expect(loadConfig({}).graph).toMatchObject({ baseUrl: undefined, timeoutMs: 15000, maxRetries: 4 });
    const prod = loadConfig(PROD).graph;
    expect(prod).toMatchObject({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      appId: PROD.PARTNER_CENTER_APP_ID,
      appSecret: 'pc-secret',
      templatesFile: PROD.GDAP_TEMPLATES_FILE,
    });
    const own = loadConfig({
      ...PROD,
      GDAP_APP_ID: '1a2b3c4d-0000-4000-8000-000000000002',
      GDAP_APP_SECRET: 'gdap-secret',
      GRAPH_TIMEOUT_MS: '5000',
      GRAPH_MAX_RETRIES: '2',
    }).graph;
    expect(own).toMatchObject({
      appId: '1a2b3c4d-0000-4000-8000-000000000002',
      appSecret: 'gdap-secret',
      timeoutMs: 5000,
      maxRetries: 2,
    });
    expect(
      JSON.stringify(
        redactedSummary(loadConfig({ ...PROD, GDAP_APP_ID: own.appId!, GDAP_APP_SECRET: 'gdap-secret' })),
      ),
    ).not.toContain('gdap-secret');
  });

  it.each([
    [{ GDAP_APP_SECRET: 'x' }, 'GDAP_APP_SECRET'],
    [{ GDAP_APP_ID: '1a2b3c4d-0000-4000-8000-000000000002' }, 'GDAP_APP_SECRET'],
    [{ GDAP_APP_ID: 'nope', GDAP_APP_SECRET: 'x' }, 'GDAP_APP_ID'],
    [{ GRAPH_BASE_URL: 'not a url' }, 'GRAPH_BASE_URL'],
    [{ GRAPH_TIMEOUT_MS: '10' }, 'GRAPH_TIMEOUT_MS'],
    [{ GRAPH_MAX_RETRIES: '11' }, 'GRAPH_MAX_RETRIES'],
  ])('GDAP: names the bad setting for %j', (env, setting) => {
    expect(configError(env).setting).toBe(setting);
  });

  it('refuses a password with a managed identity', () => {
    expect(configError({ ...PROD, MicrosoftAppType: 'UserAssignedMSI' }).setting).toBe(
      'MicrosoftAppPassword',
    );
    const { MicrosoftAppPassword: _omit, ...msi } = PROD;
    expect(loadConfig({ ...msi, MicrosoftAppType: 'UserAssignedMSI' }).bot.appType).toBe('UserAssignedMSI');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '', COSMOS_ENDPOINT: '  ' }).mode).toBe('embedded');
  });

  it('never shows secrets in the summary', () => {
    const text = JSON.stringify(redactedSummary(loadConfig(PROD)));
    for (const secret of ['s3cret-value', 'cosmos-key', 'pc-secret']) expect(text).not.toContain(secret);
    expect(text).toContain('[set]');
  });
});
