import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waits `ms`, or less when `signal` aborts (it then resolves, it does not throw: callers check
 * `signal.aborted` and decide). The one abortable sleep of the code base.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted === true) return;
  try {
    await delay(ms, undefined, { signal });
  } catch (err) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `aborted` may have flipped during the await; TS keeps the narrowing from above
    if (!(signal instanceof AbortSignal) || !signal.aborted) throw err;
  }
}
