import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { SIMULATOR_USERS } from '../../src/simulator/seed';
import type { BenchConnector } from '../lib/connector';
import { postJson } from '../lib/http';
import { summarize, type Summary } from '../lib/stats';
import { cardOf, Chat } from '../lib/teams';

export interface ColdStartRun {
  /** `node dist/…/index.js` spawned → GET /readyz answers 200 (embedded Cosmos, simulator, server). */
  readyMs: number;
  /** The first `help` after ready: POST → help card at the connector (what the first user waits). */
  firstHelpMs: number;
  /** The same user's second `help` (warm), for comparison. */
  secondHelpMs: number;
  /** A second user's first `help` in German. */
  firstGermanHelpMs: number;
}

export interface ColdStartResult {
  runs: ColdStartRun[];
  readyMs: Summary;
  firstHelpMs: Summary;
  secondHelpMs: Summary;
  firstGermanHelpMs: Summary;
  note: string;
}

/**
 * Cold start as `npm start` does it (without the build): the compiled `src/index.ts` in embedded
 * mode (in-process Cosmos server, Partner Center simulator with demo data, auth off), a fresh
 * process per run. Measured: spawn → ready (GET /readyz 200, polled every 5 ms), then the first
 * `help` turn (POST → the card at the bench connector).
 */
export async function runColdStart(
  connector: BenchConnector,
  runs: number,
  tmpDir: string,
  log: (s: string) => void,
): Promise<ColdStartResult> {
  const script = path.join(__dirname, '..', '..', 'src', 'index.js');
  mkdirSync(tmpDir, { recursive: true });
  const out: ColdStartRun[] = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const started = performance.now();
    // cwd: a directory without .env (index.ts loads dotenv); env: nothing that leaves embedded mode.
    const child = spawn(process.execPath, [script], {
      cwd: tmpDir,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
    try {
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitReady(baseUrl, child, () => stderr);
      const readyMs = performance.now() - started;
      const user = SIMULATOR_USERS.adminAgent.aadObjectId;
      const firstHelpMs = await help(connector, baseUrl, new Chat(connector.url, 'en-US', user));
      const chat = new Chat(connector.url, 'en-US', user);
      const secondHelpMs = await help(connector, baseUrl, chat).then(() => help(connector, baseUrl, chat));
      const firstGermanHelpMs = await help(connector, baseUrl, new Chat(connector.url, 'de-DE', user));
      out.push({
        readyMs: r(readyMs),
        firstHelpMs: r(firstHelpMs),
        secondHelpMs: r(secondHelpMs),
        firstGermanHelpMs: r(firstGermanHelpMs),
      });
      log(`  cold start ${i + 1}/${runs}: ready ${r(readyMs)} ms, first help ${r(firstHelpMs)} ms`);
    } finally {
      await stop(child);
    }
  }
  return {
    runs: out,
    readyMs: summarize(out.map((x) => x.readyMs)),
    firstHelpMs: summarize(out.map((x) => x.firstHelpMs)),
    secondHelpMs: summarize(out.map((x) => x.secondHelpMs)),
    firstGermanHelpMs: summarize(out.map((x) => x.firstGermanHelpMs)),
    note: 'a new process per run, embedded mode; "second help" is a later turn of the same chat (warm)',
  };
}

const r = (ms: number) => Math.round(ms * 10) / 10;

async function help(connector: BenchConnector, baseUrl: string, chat: Chat): Promise<number> {
  const expected = connector.count(chat.conversationId) + 1;
  const started = performance.now();
  const res = await postJson(`${baseUrl}/api/messages`, chat.message('help'));
  if (res.status !== 200) throw new Error(`cold start: help answered HTTP ${res.status}`);
  await connector.waitFor(chat.conversationId, expected);
  const ms = performance.now() - started;
  if (!cardOf(connector.lastOf(chat.conversationId)?.activity))
    throw new Error('cold start: help sent no card');
  return ms;
}

async function waitReady(baseUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`cold start: the app exited (${child.exitCode}): ${stderr()}`);
    if (Date.now() > deadline) throw new Error(`cold start: not ready within 60 s: ${stderr()}`);
    if ((await getStatus(`${baseUrl}/readyz`)) === 200) return;
    await new Promise((res) => setTimeout(res, 5));
  }
}

function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
