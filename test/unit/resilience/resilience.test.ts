import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  attemptTimeoutMs,
  backoffDelayMs,
  httpAttempt,
  isTransientStatus,
  parseRetryAfterMs,
  remainingMs,
  retry,
  sleep,
  type AttemptVerdict,
} from '../../../src/resilience';

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it.each([
    ['2', 2000],
    ['0.5', 500],
    [' 3 ', 3000],
    [7, 7000],
    ['Tue, 01 Dec 2026 12:00:05 GMT', 5000],
    ['Tue, 01 Dec 2026 11:59:00 GMT', 0],
  ])('%p → %p ms', (value, expected) => {
    expect(parseRetryAfterMs(value, now)).toBe(expected);
  });
  it.each([null, undefined, '', 'soon', '-1'])('%p → undefined', (value) => {
    expect(parseRetryAfterMs(value, now)).toBeUndefined();
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [1, 1, 500],
    [2, 1, 1000],
    [3, 1, 2000],
    [10, 1, 10_000],
    [3, 0.5, 1000],
    [3, 0, 0],
  ])('attempt %p with random %p waits %p ms', (attempt, r, expected) => {
    expect(backoffDelayMs(attempt, { baseDelayMs: 500, maxDelayMs: 10_000, random: () => r })).toBe(expected);
  });
});

describe('deadline helpers', () => {
  it('remainingMs is infinite without a deadline and never negative', () => {
    expect(remainingMs(undefined, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(remainingMs(100, 40)).toBe(60);
    expect(remainingMs(100, 400)).toBe(0);
  });
  it('attemptTimeoutMs takes the earlier of timeout and deadline, at least 1 ms', () => {
    expect(attemptTimeoutMs(15_000, undefined, 0)).toBe(15_000);
    expect(attemptTimeoutMs(15_000, 2_000, 0)).toBe(2_000);
    expect(attemptTimeoutMs(15_000, 2_000, 5_000)).toBe(1);
  });
});

describe('sleep', () => {
  it('resolves early (without throwing) when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => {
      controller.abort();
    }, 10);
    await sleep(10_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
  it('returns at once for 0 ms or an aborted signal', async () => {
    await sleep(0);
    await sleep(10_000, AbortSignal.abort());
  });
});

describe('retry', () => {
  const noWait = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 };

  function script<T>(verdicts: AttemptVerdict<T>[]) {
    const calls: number[] = [];
    return {
      calls,
      attempt: (n: number) => {
        calls.push(n);
        const v = verdicts[n - 1];
        if (v === undefined) throw new Error('no more verdicts');
        return Promise.resolve(v);
      },
    };
  }

  it('retries until done, waiting backoff or Retry-After', async () => {
    const waits: number[] = [];
    const s = script<string>([
      { kind: 'retry', error: new Error('503') },
      { kind: 'retry', error: new Error('429'), retryAfterMs: 700 },
      { kind: 'done', value: 'ok' },
    ]);
    const retries: number[] = [];
    const value = await retry(
      s.attempt,
      { ...noWait, maxAttempts: 5, sleep: (ms) => (waits.push(ms), Promise.resolve()) },
      { onRetry: (i) => retries.push(i.attempt) },
    );
    expect(value).toBe('ok');
    expect(waits).toEqual([100, 700]);
    expect(retries).toEqual([1, 2]);
  });

  it.each([
    ['final', [{ kind: 'fail', error: new Error('x') }], 5, undefined, 1],
    [
      'attempts',
      [
        { kind: 'retry', error: new Error('x') },
        { kind: 'retry', error: new Error('x') },
      ],
      2,
      undefined,
      2,
    ],
    ['retry-after-too-long', [{ kind: 'retry', error: new Error('x'), retryAfterMs: 5000 }], 5, undefined, 1],
    ['deadline', [{ kind: 'retry', error: new Error('x') }], 5, 50, 1],
  ] as const)(
    'gives up (%s) and throws the attempt’s error',
    async (reason, verdicts, maxAttempts, deadline, calls) => {
      const s = script<string>([...verdicts] as AttemptVerdict<string>[]);
      let why: string | undefined;
      const last = verdicts[verdicts.length - 1];
      await expect(
        retry(
          s.attempt,
          { ...noWait, maxAttempts, deadline, now: () => 0, sleep: () => Promise.resolve() },
          { onGiveUp: (r) => (why = r) },
        ),
      ).rejects.toBe(last?.error);
      expect(why).toBe(reason);
      expect(s.calls).toHaveLength(calls);
    },
  );

  it('follows a fixed schedule when given delaysMs (the last delay repeats)', async () => {
    const waits: number[] = [];
    const s = script<string>([
      { kind: 'retry', error: new Error('1') },
      { kind: 'retry', error: new Error('2') },
      { kind: 'retry', error: new Error('3') },
      { kind: 'done', value: 'ok' },
    ]);
    const value = await retry(s.attempt, {
      maxAttempts: 4,
      delaysMs: [10, 20],
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    });
    expect(value).toBe('ok');
    expect(waits).toEqual([10, 20, 20]);
  });

  it('adds random(0, retryAfterJitterMs) to a Retry-After wait, and caps Retry-After by the schedule', async () => {
    const waits: number[] = [];
    const s = script<string>([
      { kind: 'retry', error: new Error('429'), retryAfterMs: 3000 },
      { kind: 'done', value: 'ok' },
    ]);
    await retry(s.attempt, {
      baseDelayMs: 100,
      maxDelayMs: 5000,
      random: () => 0.5,
      retryAfterJitterMs: 250,
      maxAttempts: 3,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    });
    expect(waits).toEqual([3125]);
    const tooLong = script<string>([{ kind: 'retry', error: new Error('429'), retryAfterMs: 50 }]);
    let why: string | undefined;
    await expect(
      retry(tooLong.attempt, { maxAttempts: 3, delaysMs: [10, 20] }, { onGiveUp: (r) => (why = r) }),
    ).rejects.toThrow('429');
    expect(why).toBe('retry-after-too-long');
  });

  it('stops when the signal aborts during a wait', async () => {
    const controller = new AbortController();
    const s = script<string>([
      { kind: 'retry', error: new Error('first') },
      { kind: 'done', value: 'never' },
    ]);
    const promise = retry(s.attempt, {
      ...noWait,
      maxAttempts: 3,
      signal: controller.signal,
      sleep: () => {
        controller.abort();
        return Promise.resolve();
      },
    });
    await expect(promise).rejects.toThrow('first');
    expect(s.calls).toEqual([1]);
  });
});

describe('httpAttempt', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') {
        const t = setTimeout(() => res.end('late'), 2000);
        res.on('close', () => clearTimeout(t));
        return;
      }
      res.writeHead(req.url === '/throttled' ? 429 : 200, { 'Retry-After': '1' });
      res.end(`${req.method ?? ''} ${req.url ?? ''}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns status, headers and text', async () => {
    const outcome = await httpAttempt({ url: `${base}/throttled`, method: 'GET', timeoutMs: 1000 });
    expect(outcome).toMatchObject({ type: 'response', status: 429, text: 'GET /throttled' });
    if (outcome.type === 'response') expect(outcome.headers.get('retry-after')).toBe('1');
  });
  it('reports a timeout, a cancellation and a network failure apart', async () => {
    expect(await httpAttempt({ url: `${base}/slow`, method: 'GET', timeoutMs: 50 })).toEqual({
      type: 'timeout',
      timeoutMs: 50,
    });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 20);
    expect(
      await httpAttempt({ url: `${base}/slow`, method: 'GET', timeoutMs: 1000, signal: controller.signal }),
    ).toEqual({ type: 'cancelled' });
    const outcome = await httpAttempt({ url: 'http://127.0.0.1:1/', method: 'GET', timeoutMs: 1000 });
    expect(outcome.type).toBe('network');
  });
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [404, false],
    [409, false],
  ])('isTransientStatus(%p) = %p', (status, expected) => {
    expect(isTransientStatus(status)).toBe(expected);
  });
});
