/**
 * A point in time by which work must be answered (e.g. a Teams invoke). Carried through calls as
 * plain epoch milliseconds so that domain code needs nothing but a number.
 */
export function remainingMs(deadline: number | undefined, now = Date.now()): number {
  return deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, deadline - now);
}

/** The earlier of a per-attempt timeout and what is left before the deadline (at least 1 ms). */
export function attemptTimeoutMs(timeoutMs: number, deadline: number | undefined, now = Date.now()): number {
  return Math.max(1, Math.min(timeoutMs, remainingMs(deadline, now)));
}
