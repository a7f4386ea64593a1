import { backoffDelayMs, type BackoffOptions } from './backoff';
import { sleep as defaultSleep } from './sleep';

/** What one attempt says: a result, a retryable failure, or a final failure. */
export type AttemptVerdict<T> =
  | { kind: 'done'; value: T }
  | { kind: 'retry'; error: unknown; retryAfterMs?: number }
  | { kind: 'fail'; error: unknown };

/** A fixed schedule instead of backoff: the wait after attempt n is `delaysMs[n-1]` (the last repeats). */
export interface FixedDelays {
  delaysMs: readonly number[];
  /** [0, 1); injectable for tests (used for the Retry-After jitter only). */
  random?: () => number;
}

export interface RetryLimits {
  /** Attempts in all, the first included (≥ 1). */
  maxAttempts: number;
  /**
   * Longest Retry-After honoured; a longer one ends the retries at once. Default: the longest wait
   * of the schedule (maxDelayMs, or the largest of delaysMs).
   */
  maxRetryAfterMs?: number;
  /**
   * Added to a Retry-After wait: random(0, this) ms, so that callers throttled together do not all
   * come back in the same instant. Default 0.
   */
  retryAfterJitterMs?: number;
  /** Epoch ms after which no new wait starts (the caller's deadline, e.g. a turn's). */
  deadline?: number;
  /** Aborts the waits; an aborted signal ends the retries with the last error. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** Limits plus the waits: capped exponential backoff with full jitter, or a fixed schedule. */
export type RetryPolicy = RetryLimits & (BackoffOptions | FixedDelays);

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  error: unknown;
}

export type GiveUpReason = 'final' | 'attempts' | 'retry-after-too-long' | 'deadline' | 'aborted';

/** Thrown errors are the attempt's own; `onGiveUp` tells why the loop stopped. */
export interface RetryHooks {
  onRetry?: (info: RetryInfo) => void;
  onGiveUp?: (reason: GiveUpReason, attempt: number, error: unknown) => void;
}

/**
 * The one retry loop: runs `attempt(n)` until it is done, fails finally, or the policy says stop
 * (attempts used up, Retry-After beyond what we wait, the deadline would pass during the wait, or
 * the signal aborted). Waits honour Retry-After when the attempt gives one, else the policy's
 * schedule (capped exponential backoff with full jitter by default). The last attempt's error is
 * thrown unchanged; an error the attempt throws itself passes through at once.
 */
export async function retry<T>(
  attempt: (n: number) => Promise<AttemptVerdict<T>>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  const now = policy.now ?? Date.now;
  const random = policy.random ?? Math.random;
  const maxRetryAfterMs = policy.maxRetryAfterMs ?? longestWaitMs(policy);
  for (let n = 1; ; n++) {
    const verdict = await attempt(n);
    if (verdict.kind === 'done') return verdict.value;
    const giveUp = (reason: GiveUpReason): never => {
      hooks.onGiveUp?.(reason, n, verdict.error);
      throw verdict.error;
    };
    if (verdict.kind === 'fail') return giveUp('final');
    if (n >= policy.maxAttempts) return giveUp('attempts');
    if (verdict.retryAfterMs !== undefined && verdict.retryAfterMs > maxRetryAfterMs) {
      return giveUp('retry-after-too-long');
    }
    const delayMs =
      verdict.retryAfterMs !== undefined
        ? verdict.retryAfterMs + Math.floor(random() * (policy.retryAfterJitterMs ?? 0))
        : scheduledDelayMs(n, policy);
    if (policy.deadline !== undefined && now() + delayMs >= policy.deadline) return giveUp('deadline');
    if (aborted(policy.signal)) return giveUp('aborted');
    hooks.onRetry?.({ attempt: n, delayMs, error: verdict.error });
    await sleep(delayMs, policy.signal);
    if (aborted(policy.signal)) return giveUp('aborted');
  }
}

function scheduledDelayMs(attempt: number, policy: RetryPolicy): number {
  if (!('delaysMs' in policy)) return backoffDelayMs(attempt, policy);
  const { delaysMs } = policy;
  return Math.max(0, delaysMs[Math.min(attempt, delaysMs.length) - 1] ?? 0);
}

function longestWaitMs(policy: RetryPolicy): number {
  return 'delaysMs' in policy ? Math.max(0, ...policy.delaysMs) : policy.maxDelayMs;
}

/** A function, so that TypeScript does not keep a narrowing across an await. */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
