/**
 * Child processes of the end-to-end suite: the bot (embedded mode, `node dist/index.js`) and the
 * Microsoft 365 Agents Playground (`scripts/playground.sh`). Each child runs in its own process
 * group (detached) so that stopping it also stops anything it started; every child is registered
 * and killed on stop, on SIGINT/SIGTERM and on process exit, whatever happened before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Everything the child printed so far (stdout and stderr). */
  output(): string;
  /** What the child printed on stderr alone. */
  errorOutput(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function killGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    try {
      proc.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Last resort: SIGKILL every child process group still running (synchronous, for 'exit'). */
export function killAllNow(): void {
  for (const proc of running) killGroup(proc, 'SIGKILL');
  running.clear();
}

let handlersInstalled = false;
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllNow();
      process.exit(130);
    });
  }
}

export function spawnLogged(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logFile: string; cwd?: string },
): Child {
  installExitHandlers();
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log: WriteStream = createWriteStream(options.logFile, { flags: 'w' });
  const proc = spawn(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  running.add(proc);
  let buffer = '';
  let errors = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    buffer = (buffer + text).slice(-200_000);
    log.write(text);
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-200_000);
    collect(chunk);
  });
  const exit = new Promise<void>((resolve) => {
    proc.once('exit', () => {
      running.delete(proc);
      resolve();
    });
  });
  proc.once('error', (err) => collect(Buffer.from(`\n[e2e] ${name} failed to start: ${err.message}\n`)));
  const pid = proc.pid;
  return {
    name,
    pid,
    logFile: options.logFile,
    output: () => buffer,
    errorOutput: () => errors,
    exited: () => proc.exitCode !== null || proc.signalCode !== null,
    async stop() {
      killGroup(proc, 'SIGTERM');
      const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 3000);
      await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
      clearTimeout(timer);
      killGroup(proc, 'SIGKILL');
      running.delete(proc);
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

/** A free TCP port on loopback (the OS picks it; the tiny race until the child binds is acceptable). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns a value; fails early when `child` exits. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; child?: Child; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = '';
  for (;;) {
    if (options.child?.exited()) {
      throw new Error(
        `${what}: ${options.child.name} exited early. Its output:\n${tail(options.child.output())}`,
      );
    }
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (Date.now() > deadline) {
      const out = options.child ? `\n${options.child.name} output:\n${tail(options.child.output())}` : '';
      throw new Error(`${what}: not ready after ${options.timeoutMs} ms ${lastError}${out}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
}

export function tail(text: string, lines = 30): string {
  return text.split('\n').slice(-lines).join('\n');
}

async function httpOk(url: string): Promise<true | undefined> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  return res.ok ? true : undefined;
}

/** Settings the bot reads: removed from the inherited environment so it always runs embedded. */
const BOT_SETTINGS = [
  'MicrosoftAppId',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'MicrosoftAppPassword',
  'OAUTH_CONNECTION_NAME',
  'COSMOS_ENDPOINT',
  'COSMOS_KEY',
  'COSMOS_DATABASE',
  'PARTNER_CENTER_BASE_URL',
  'PARTNER_CENTER_APP_ID',
  'PARTNER_CENTER_APP_SECRET',
  'PARTNER_TENANT_ID',
  'ALLOWED_TENANT_IDS',
  'PUBLIC_BASE_URL',
  'BIND_HOST',
  'PORT',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
];

export interface Bot {
  child: Child;
  baseUrl: string;
  endpoint: string;
}

/**
 * `node dist/index.js` in embedded mode, as `npm start` runs it (build first: `npm run build`).
 * `options.env`: extra settings (e.g. SIMULATOR_RESELLER_REMOVAL for a second instance);
 * `options.name`: its log's name (default `bot`).
 */
export async function startBot(
  artifactsDir: string,
  options: { env?: Record<string, string>; name?: string } = {},
): Promise<Bot> {
  const name = options.name ?? 'bot';
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of BOT_SETTINGS) delete env[key];
  Object.assign(env, {
    PORT: String(port),
    LOG_LEVEL: process.env.E2E_BOT_LOG_LEVEL ?? 'warn',
    // A developer's .env must not switch the bot to production mode: point dotenv at nothing.
    DOTENV_CONFIG_PATH: path.join(artifactsDir, 'no.env'),
    ...options.env,
  });
  const child = spawnLogged(
    name,
    process.execPath,
    ['--disable-warning=DEP0111', path.join(REPO_ROOT, 'dist', 'index.js')],
    {
      env,
      logFile: path.join(artifactsDir, `${name}.log`),
    },
  );
  const baseUrl = `http://localhost:${port}`;
  await waitUntil(`${name} /readyz`, () => httpOk(`${baseUrl}/readyz`), { timeoutMs: 30_000, child });
  return { child, baseUrl, endpoint: `${baseUrl}/api/messages` };
}

export interface Playground {
  child: Child;
  url: string;
}

/**
 * The Agents Playground via scripts/playground.sh (no-op xdg-open). `config: 'defaults'` starts it
 * with no configuration at all, as a developer would (its own tenant
 * 00000000-0000-0000-0000-0000000000001 and users); `'project'` with appPackage/playground.yml.
 */
export async function startPlayground(
  name: string,
  endpoint: string,
  artifactsDir: string,
  config: 'defaults' | 'project',
): Promise<Playground> {
  const wanted = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BOT_ENDPOINT: endpoint,
    PLAYGROUND_PORT: String(wanted),
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(artifactsDir, `${name}.playground-internal.log`),
    TEAMSAPPTESTER_BROWSER: 'none',
    PATH: `${path.join(REPO_ROOT, 'scripts')}${path.delimiter}${process.env.PATH ?? ''}`,
  };
  delete env['M365_AGENTS_PLAYGROUND_CONFIG_PATH'];
  delete env['PLAYGROUND_USE_DEFAULTS'];
  if (config === 'defaults') env['PLAYGROUND_USE_DEFAULTS'] = '1';
  else env['M365_AGENTS_PLAYGROUND_CONFIG_PATH'] = path.join(REPO_ROOT, 'appPackage', 'playground.yml');
  const child = spawnLogged(name, 'bash', [path.join(REPO_ROOT, 'scripts', 'playground.sh')], {
    env,
    logFile: path.join(artifactsDir, `${name}.log`),
  });
  // It falls back to a random port when the wanted one is taken: read the port it reports.
  const port = await waitUntil(`${name} start`, async () => /Listening on (\d+)/.exec(child.output())?.[1], {
    timeoutMs: 30_000,
    child,
  });
  const url = `http://localhost:${port}`;
  await waitUntil(`${name} page`, () => httpOk(`${url}/`), { timeoutMs: 15_000, child });
  return { child, url };
}
