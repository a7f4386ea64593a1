import type { AppConfig } from './config';

/** A one-line-per-setting summary without secrets, for the start-up log. */
export function redactedSummary(config: AppConfig): Record<string, unknown> {
  const mask = (v: string | undefined) => (v ? '[set]' : '[unset]');
  return {
    mode: config.mode,
    port: config.server.port,
    host: config.server.host,
    publicBaseUrl: config.server.publicBaseUrl,
    logLevel: config.logLevel,
    authEnabled: config.bot.authEnabled,
    appId: config.bot.appId ?? '[unset]',
    appType: config.bot.appType,
    appPassword: mask(config.bot.appPassword),
    oauthConnectionName: config.bot.oauthConnectionName ?? '[unset]',
    cosmos: config.cosmos.embedded ? 'embedded (in memory)' : config.cosmos.endpoint,
    cosmosKey: config.cosmos.embedded ? '[n/a]' : config.cosmos.key ? '[set]' : 'managed identity',
    cosmosDatabase: config.cosmos.database,
    partnerCenter: config.simulator.enabled
      ? 'simulator'
      : (config.partnerCenter.baseUrl ?? 'https://api.partnercenter.microsoft.com'),
    partnerCenterAppSecret: mask(config.partnerCenter.appSecret),
    graph: config.graph.baseUrl ?? 'simulator',
    gdapAppSecret: mask(config.graph.appSecret),
    gdapTemplates: config.graph.templatesFile ?? 'built-in',
    allowedTenantIds: config.allowedTenantIds.length,
    simulatorCustomers: config.simulator.enabled ? config.simulator.customers : '[n/a]',
    telemetry: config.telemetry.connectionString
      ? 'azure-monitor'
      : config.telemetry.otlpEndpoint
        ? 'otlp'
        : 'off',
    telemetrySamplingRatio: config.telemetry.samplingRatio,
  };
}

/** The names of every environment variable the app reads (README, .env.sample and Bicep list them). */
