import 'dotenv/config';
import { ConfigError, loadConfig } from './config/config';
import { redactedSummary } from './config/summary';
import { createLogger } from './logging/logger';
import { startTelemetry } from './telemetry';

/** Wiring only: config → services → server → listen. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee README.md (Settings) and .env.sample.\n`);
      process.exit(1);
    }
    throw err;
  }
  // Before anything else: the first turn's spans and the Cosmos SDK's spans need the SDK running.
  const telemetry = await startTelemetry(config.telemetry);
  const logger = createLogger({ level: config.logLevel });
  // Loaded after the SDK started: the Azure SDK instrumentation hooks @azure/core-tracing as it loads.
  const { createApp } = await import('./app');
  logger.info({ config: redactedSummary(config) }, 'starting Customer Connect');
  const app = await createApp(config, logger);
  const port = await app.start();
  const base = `http://${config.server.host === '127.0.0.1' ? 'localhost' : config.server.host}:${port}`;
  logger.info({ port, endpoint: `${base}/api/messages` }, 'listening');
  if (app.cosmos.embedded) {
    process.stderr.write(
      [
        '',
        '  ┌──────────────────────────────────────────────────────────────────────┐',
        '  │ Customer Connect runs in EMBEDDED mode                               │',
        '  │ Cosmos DB: in-process server — all data lives in memory and is lost  │',
        '  │ when the bot stops. Partner Center: local simulator with demo data.  │',
        '  └──────────────────────────────────────────────────────────────────────┘',
        `  Bot endpoint:  ${base}/api/messages   (auth off, loopback only)`,
        '  Try it:        npm run playground',
        '',
      ].join('\n'),
    );
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app
      .stop()
      .finally(() => telemetry.shutdown().catch(() => undefined))
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Customer Connect failed to start: ${(err instanceof Error ? err.stack : undefined) ?? String(err)}\n`,
  );
  process.exit(1);
});
