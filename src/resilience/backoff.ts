export interface BackoffOptions {
  /** First delay's cap (attempt 1). */
  baseDelayMs: number;
  /** Cap of any one delay. */
  maxDelayMs: number;
  /** [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * Capped exponential backoff with full jitter: after failed attempt n (1-based) wait
 * random(0, min(maxDelayMs, baseDelayMs · 2^(n-1))).
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * cap);
}
