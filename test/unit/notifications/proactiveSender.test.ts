import type { Activity, ConversationReference } from 'botbuilder';
import { silentLogger } from '../../../src/logging/logger';
import type { Clock } from '../../../src/notifications/clock';
import {
  ProactiveSendBlocked,
  ProactiveSender,
  retryAfterMs,
  type ProactiveTransport,
} from '../../../src/notifications/proactiveSender';
import { RateLimiter } from '../../../src/notifications/rateLimiter';

/** Virtual time: sleeping jumps the clock to the earliest wake-up, one sleeper at a time. */
class FakeClock implements Clock {
  t = 1_000_000;
  readonly sleeps: number[] = [];
  private readonly timers: { at: number; resolve: () => void }[] = [];
  private scheduled = false;
  now(): number {
    return this.t;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      this.timers.push({ at: this.t + ms, resolve });
      this.kick();
    });
  }
  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next) return;
      this.t = Math.max(this.t, next.at);
      next.resolve();
      if (this.timers.length > 0) this.kick();
    });
  }
}

function connectorError(status: number, headers: Record<string, string> = {}, code = 'Error'): Error {
  const err = new Error(`HTTP ${status}`) as Error & Record<string, unknown>;
  err.statusCode = status;
  err.code = code;
  err.response = { headers: { get: (name: string) => headers[name.toLowerCase()] } };
  return err;
}

/** Answers each send with the next scripted outcome (an error to throw, or success). */
class ScriptedTransport implements ProactiveTransport {
  readonly sent: { conversationId?: string; at: number }[] = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly script: (Error | 'ok')[] = [],
  ) {}
  async send(
    reference: Partial<ConversationReference>,
    _activity: Partial<Activity>,
  ): Promise<{ id?: string }> {
    this.sent.push({ conversationId: reference.conversation?.id, at: this.clock.now() });
    const next = this.script.shift() ?? 'ok';
    if (next !== 'ok') throw next;
    return { id: `id-${this.sent.length}` };
  }
}

const reference = (conversationId: string, tenantId = 'tenant-1'): Partial<ConversationReference> =>
  ({
    serviceUrl: 'https://smba.example/',
    conversation: { id: conversationId, tenantId },
  }) as Partial<ConversationReference>;

function setup(script: (Error | 'ok')[] = [], options: { maxAttempts?: number } = {}) {
  const clock = new FakeClock();
  const transport = new ScriptedTransport(clock, script);
  const inactive: { conversationId: string; reason: string }[] = [];
  const sender = new ProactiveSender({
    transport,
    conversations: {
      markInactive: async (_p, conversationId, reason) => void inactive.push({ conversationId, reason }),
    },
    partnerTenantId: 'partner',
    logger: silentLogger(),
    clock,
    random: () => 0.5,
    ...options,
  });
  return { clock, transport, inactive, sender };
}

const target = (id = 'conv-1') => ({ conversationId: id, reference: reference(id) });

describe('ProactiveSender', () => {
  it('sends once when the connector answers', async () => {
    const { sender, transport } = setup();
    expect(await sender.send(target(), { type: 'message' })).toMatchObject({ status: 'sent', attempts: 1 });
    expect(transport.sent).toHaveLength(1);
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    const { sender, transport, clock } = setup([connectorError(429, { 'retry-after': '3' }, 'Throttled')]);
    const outcome = await sender.send(target(), { type: 'message' });
    expect(outcome).toMatchObject({ status: 'sent', attempts: 2 });
    expect(transport.sent).toHaveLength(2);
    const waited = transport.sent[1]!.at - transport.sent[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(3000);
    expect(waited).toBeLessThan(3000 + 250);
    expect(clock.sleeps.some((ms) => ms >= 3000)).toBe(true);
  });

  it('retries 5xx with growing, capped waits and gives up after the last attempt', async () => {
    const { sender, transport, clock } = setup(
      Array.from({ length: 10 }, () => connectorError(503)),
      { maxAttempts: 4 },
    );
    const outcome = await sender.send(target(), { type: 'message' });
    expect(outcome).toMatchObject({ status: 'failed', attempts: 4, statusCode: 503 });
    expect(transport.sent).toHaveLength(4);
    expect(clock.sleeps).toHaveLength(3);
    for (const ms of clock.sleeps) expect(ms).toBeLessThanOrEqual(30_000);
  });

  it.each([403, 404])('marks the conversation inactive on %i and does not retry', async (status) => {
    const { sender, transport, inactive } = setup([connectorError(status, {}, 'ConversationBlockedByUser')]);
    const outcome = await sender.send(target('conv-gone'), { type: 'message' });
    expect(outcome).toMatchObject({ status: 'inactive', attempts: 1, statusCode: status });
    expect(transport.sent).toHaveLength(1);
    expect(inactive).toEqual([{ conversationId: 'conv-gone', reason: 'ConversationBlockedByUser' }]);
  });

  it('does not retry other client errors, nor a turn stopped by a middleware', async () => {
    const bad = setup([connectorError(400)]);
    expect(await bad.sender.send(target(), { type: 'message' })).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
    const blocked = setup([new ProactiveSendBlocked()]);
    expect(await blocked.sender.send(target(), { type: 'message' })).toMatchObject({
      status: 'failed',
      attempts: 1,
      reason: 'blocked_by_middleware',
    });
  });

  it('gives up at once when Retry-After is longer than the cap', async () => {
    const { sender, transport } = setup([connectorError(429, { 'retry-after': '3600' })]);
    expect(await sender.send(target(), { type: 'message' })).toMatchObject({
      status: 'failed',
      attempts: 1,
      reason: 'throttled_retry_after_too_long',
    });
    expect(transport.sent).toHaveLength(1);
  });

  it('paces one conversation to at most 7 messages per second (and Teams’ longer windows)', async () => {
    const { sender, transport } = setup();
    await Promise.all(Array.from({ length: 30 }, () => sender.send(target('busy'), { type: 'message' })));
    const times = transport.sent.map((s) => s.at).sort((a, b) => a - b);
    expect(times).toHaveLength(30);
    for (let i = 0; i < times.length; i++) {
      const inOneSecond = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      const inTwoSeconds = times.filter((t) => t >= times[i]! && t < times[i]! + 2000).length;
      expect(inOneSecond).toBeLessThanOrEqual(7);
      expect(inTwoSeconds).toBeLessThanOrEqual(8);
    }
  });

  it('paces one tenant to at most 50 messages per second across conversations', async () => {
    const { sender, transport } = setup();
    await Promise.all(
      Array.from({ length: 120 }, (_, i) => sender.send(target(`c-${i}`), { type: 'message' })),
    );
    const times = transport.sent.map((s) => s.at).sort((a, b) => a - b);
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length).toBeLessThanOrEqual(50);
    }
    // Not slower than needed: 120 messages fit into three one-second windows.
    expect(times[times.length - 1]! - times[0]!).toBeLessThan(3000);
  });
});

describe('retryAfterMs', () => {
  it.each<[unknown, number | undefined]>([
    [{ response: { headers: { get: () => '2' } } }, 2000],
    [{ response: { headers: { 'retry-after': '0.5' } } }, 500],
    [{ response: { headers: { get: () => new Date(1_010_000).toUTCString() } } }, 10_000],
    [{ response: { headers: { get: () => 'soon' } } }, undefined],
    [{}, undefined],
    [undefined, undefined],
  ])('%j → %s', (err, ms) => {
    expect(retryAfterMs(err, 1_000_000)).toBe(ms);
  });
});

describe('RateLimiter', () => {
  it('books increasing slots per key and keeps keys independent', () => {
    const limiter = new RateLimiter();
    const windows = [{ limit: 2, windowMs: 1000 }];
    const a = [0, 0, 0, 0].map(() => limiter.reserve(0, [{ key: 'a', windows }]));
    expect(a).toEqual([0, 0, 1000, 1000]);
    expect(limiter.reserve(0, [{ key: 'b', windows }])).toBe(0);
  });
});
