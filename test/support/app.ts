import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { silentLogger, type Logger } from '../../src/logging/logger';

export interface TestApp {
  app: App;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the real app on an ephemeral loopback port with embedded Cosmos. */
export async function startTestApp(
  env: Record<string, string> = {},
  overrides: AppOverrides & { logger?: Logger } = {},
): Promise<TestApp> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, overrides.logger ?? silentLogger(), overrides);
  const port = await app.start(0);
  return { app, baseUrl: `http://127.0.0.1:${port}`, stop: () => app.stop() };
}
