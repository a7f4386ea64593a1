import { join } from 'node:path';
import pino from 'pino';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig, type AppConfig } from '../config/config';
import { createLogger, silentLogger, type Logger } from '../logging/logger';
import {
  BOT_WEBHOOK_EVENTS,
  BOT_WEBHOOK_PATH,
  checkRegistration,
  MsalAppOnlyTokenProvider,
  PARTNER_CENTER_BASE_URL,
  StaticTokenProvider,
  WebhookRegistrationClient,
  type WebhookRegistration,
} from '../partnerCenter';
import { sleep } from '../resilience';
import { findRepoRoot } from './repoRoot';

/**
 * The operator's Partner Center webhook tool (output in English):
 *
 *   npm run webhook -- status     registration vs. what the bot needs (URL, missing/extra events)
 *   npm run webhook -- register   registers (POST) or updates (PUT) PUBLIC_BASE_URL/api/partner-center/events
 *                                 with every event the bot handles (other registered events are kept)
 *   npm run webhook -- test       asks Partner Center for a test event and waits for its delivery status
 *
 * Production: the Partner Center app's App-only token (PARTNER_CENTER_APP_ID/_SECRET, PARTNER_TENANT_ID).
 * Embedded mode: the simulator of the running bot (PUBLIC_BASE_URL), or PARTNER_CENTER_BASE_URL.
 * Exit codes: 0 ok; 1 the check failed (not registered, events missing, wrong URL, test not
 * delivered); 2 usage or configuration error; 3 Partner Center failed or is unreachable.
 */

export const EXIT = { ok: 0, failed: 1, usage: 2, partnerCenter: 3 } as const;

/** Where the running bot serves the simulated Partner Center API in embedded mode. */
const EMBEDDED_SIMULATOR_API_PATH = '/simulator/partner-center';

export interface WebhookCliOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface WebhookCliOptions {
  env: NodeJS.ProcessEnv;
  output: WebhookCliOutput;
  logger?: Logger;
  /** How long `test` waits for the delivery status (default 60 s) and how often it asks (default 2 s). */
  testWaitMs?: number;
  testPollMs?: number;
}

const USAGE = `usage: npm run webhook -- status|register|test

  status     show the Partner Center webhook registration and what the bot needs
  register   register (or update) the bot's webhook URL and every event the bot handles
  test       send a test event and report its delivery
`;

export function registrationClient(config: AppConfig, logger: Logger): WebhookRegistrationClient {
  const embedded = config.mode === 'embedded';
  const baseUrl =
    config.partnerCenter.baseUrl ??
    (embedded ? `${config.server.publicBaseUrl}${EMBEDDED_SIMULATOR_API_PATH}` : PARTNER_CENTER_BASE_URL);
  const tokenProvider = embedded
    ? new StaticTokenProvider('webhook-cli')
    : new MsalAppOnlyTokenProvider({
        clientId: config.partnerCenter.appId ?? '',
        tenantId: config.partnerCenter.partnerTenantId ?? '',
        clientSecret: config.partnerCenter.appSecret ?? '',
      });
  return new WebhookRegistrationClient({
    baseUrl,
    tokenProvider,
    logger,
    timeoutMs: config.partnerCenter.timeoutMs,
    maxRetries: config.partnerCenter.maxRetries,
  });
}

function describeRegistration(r: WebhookRegistration | undefined, expectedUrl: string, o: WebhookCliOutput) {
  const check = checkRegistration(r, expectedUrl);
  if (!r) {
    o.out('Webhook: NOT REGISTERED');
    o.out(`  needed URL:    ${expectedUrl}`);
    o.out(`  needed events: ${BOT_WEBHOOK_EVENTS.join(', ')}`);
    return check;
  }
  o.out(`Webhook: ${check.ok ? 'OK' : 'NEEDS ATTENTION'}`);
  o.out(
    `  URL:            ${r.webhookUrl}${check.urlMatches ? '' : `  (WRONG: the bot needs ${expectedUrl})`}`,
  );
  o.out(`  events:         ${r.webhookEvents.join(', ') || '(none)'}`);
  o.out(`  missing events: ${check.missingEvents.join(', ') || '(none)'}`);
  if (check.extraEvents.length > 0)
    o.out(`  other events:   ${check.extraEvents.join(', ')} (not handled by the bot)`);
  return check;
}

async function status(client: WebhookRegistrationClient, expectedUrl: string, o: WebhookCliOutput) {
  const check = describeRegistration(await client.get(), expectedUrl, o);
  if (!check.ok) o.out('Fix with: npm run webhook -- register');
  return check.ok ? EXIT.ok : EXIT.failed;
}

async function register(client: WebhookRegistrationClient, expectedUrl: string, o: WebhookCliOutput) {
  const [current, available] = await Promise.all([client.get(), client.availableEvents()]);
  const offered = new Set(available.map((e) => e.toLowerCase()));
  const notOffered = BOT_WEBHOOK_EVENTS.filter((e) => !offered.has(e.toLowerCase()));
  if (notOffered.length > 0) o.err(`Partner Center does not offer: ${notOffered.join(', ')} (left out)`);
  const wanted = BOT_WEBHOOK_EVENTS.filter((e) => offered.has(e.toLowerCase()));
  const kept = (current?.webhookEvents ?? []).filter(
    (e) => !wanted.some((w) => w.toLowerCase() === e.toLowerCase()),
  );
  const saved = await client.save(
    { webhookUrl: expectedUrl, webhookEvents: [...wanted, ...kept] },
    !!current,
  );
  o.out(current ? 'Registration updated (PUT).' : 'Registered (POST).');
  const check = describeRegistration(saved, expectedUrl, o);
  return check.ok && notOffered.length === 0 ? EXIT.ok : EXIT.failed;
}

async function test(client: WebhookRegistrationClient, o: WebhookCliOutput, waitMs: number, pollMs: number) {
  const correlationId = await client.sendTestEvent();
  o.out(`Test event requested (correlation id ${correlationId}); waiting for its delivery…`);
  const until = Date.now() + waitMs;
  for (;;) {
    const s = await client.testEventStatus(correlationId);
    if (s.status.toLowerCase() === 'completed' || s.results.length > 0) {
      for (const r of s.results) {
        o.out(`  ${r.dateTimeUtc ?? ''} ${r.responseCode ?? '?'} ${r.systemMessage ?? ''}`.trimEnd());
      }
      const delivered = s.results.some((r) => (r.responseCode ?? '').toUpperCase() === 'OK');
      o.out(delivered ? 'Test event delivered.' : 'Test event NOT delivered.');
      return delivered ? EXIT.ok : EXIT.failed;
    }
    if (Date.now() >= until) {
      o.out(`No delivery result yet (status ${s.status}); ask again later with the correlation id.`);
      return EXIT.failed;
    }
    await sleep(pollMs);
  }
}

export async function runWebhookCli(argv: readonly string[], options: WebhookCliOptions): Promise<number> {
  const o = options.output;
  const command = argv[0];
  if (argv.length !== 1 || !command || !['status', 'register', 'test'].includes(command)) {
    if (command === '--help' || command === '-h') o.out(USAGE);
    else o.err(USAGE);
    return command === '--help' || command === '-h' ? EXIT.ok : EXIT.usage;
  }
  let config: AppConfig;
  try {
    config = loadConfig(options.env);
  } catch (err) {
    o.err(`webhook: ${err instanceof ConfigError ? err.message : 'invalid configuration'}`);
    return EXIT.usage;
  }
  if (config.mode === 'production' && (!config.partnerCenter.appId || !config.partnerCenter.appSecret)) {
    o.err('webhook: PARTNER_CENTER_APP_ID and PARTNER_CENTER_APP_SECRET are needed (App-only token)');
    return EXIT.usage;
  }
  const client = registrationClient(config, options.logger ?? silentLogger());
  const expectedUrl = `${config.server.publicBaseUrl}${BOT_WEBHOOK_PATH}`;
  try {
    if (command === 'status') return await status(client, expectedUrl, o);
    if (command === 'register') return await register(client, expectedUrl, o);
    return await test(client, o, options.testWaitMs ?? 60_000, options.testPollMs ?? 2000);
  } catch (err) {
    o.err(`webhook: Partner Center call failed: ${err instanceof Error ? err.message : 'unknown error'}`);
    return EXIT.partnerCenter;
  }
}

if (require.main === module) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  loadDotenv({ path: join(findRepoRoot(__dirname), '.env'), quiet: true, processEnv: env });
  const output: WebhookCliOutput = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  const logger = createLogger({
    level: env.LOG_LEVEL === 'debug' ? 'debug' : 'warn',
    destination: pino.destination(2),
  });
  void runWebhookCli(process.argv.slice(2), { env, output, logger }).then((code) => {
    process.exitCode = code;
  });
}
