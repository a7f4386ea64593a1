/** A sliding-window limit: at most `limit` sends within any `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Teams' limits per bot and conversation (send/create): 7/1 s, 8/2 s, 60/30 s, 1800/h. */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1000 },
  { limit: 8, windowMs: 2000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3600_000 },
];

/** Teams' limit per app and tenant: 50 requests per second. */
export const TEAMS_TENANT_LIMITS: readonly RateWindow[] = [{ limit: 50, windowMs: 1000 }];

/**
 * Hands out send slots so that every key stays within its windows. `reserve` is synchronous: the
 * slot is booked before the caller sleeps until it, so concurrent senders never share a slot.
 * Per process; several instances each pace themselves.
 */
export class RateLimiter {
  private readonly booked = new Map<string, number[]>();

  constructor(private readonly maxWindowMs = 3600_000) {}

  /** Books the earliest time ≥ now at which a send is allowed under every (key, windows) pair. */
  reserve(now: number, limits: readonly { key: string; windows: readonly RateWindow[] }[]): number {
    let at = now;
    for (const { key } of limits) {
      const times = this.booked.get(key);
      const last = times?.[times.length - 1];
      if (last !== undefined && last > at) at = last;
    }
    for (let round = 0; round < 100; round++) {
      let moved = false;
      for (const { key, windows } of limits) {
        const next = earliest(this.booked.get(key) ?? [], windows, at);
        if (next > at) {
          at = next;
          moved = true;
        }
      }
      if (!moved) break;
    }
    for (const { key } of limits) {
      const times = this.booked.get(key) ?? [];
      times.push(at);
      const horizon = at - this.maxWindowMs;
      while (times[0] !== undefined && times[0] <= horizon) times.shift();
      this.booked.set(key, times);
    }
    if (this.booked.size > 10_000) this.prune(now);
    return at;
  }

  private prune(now: number): void {
    for (const [key, times] of this.booked) {
      if ((times[times.length - 1] ?? 0) <= now - this.maxWindowMs) this.booked.delete(key);
    }
  }
}

/** Earliest time ≥ at when one more send fits every window, given the sorted booked times. */
function earliest(times: readonly number[], windows: readonly RateWindow[], at: number): number {
  let t = at;
  for (const { limit, windowMs } of windows) {
    // Sends within (t - windowMs, t]: if `limit` are there, wait until the oldest of them leaves.
    const inWindow = times.filter((x) => x > t - windowMs && x <= t);
    if (inWindow.length >= limit) {
      const leaving = inWindow[inWindow.length - limit];
      if (leaving !== undefined) t = Math.max(t, leaving + windowMs);
    }
  }
  return t;
}
