import { backoffDelayMs, type BackoffOptions } from './backoff';
import { sleep as defaultSleep } from './sleep';

/** What one attempt says: a result, a retryable failure, or a final failure. */
export type AttemptVerdict<T> =
  | { kind: 'done'; value: T }
  | { kind: 'retry'; error: unknown; retryAfterMs?: number }
  | { kind: 'fail'; error: unknown };

export interface RetryPolicy extends BackoffOptions {
  /** Attempts in all, the first included (≥ 1). */
  maxAttempts: number;
  /** Longest Retry-After honoured; a longer one ends the retries at once. Default: maxDelayMs. */
  maxRetryAfterMs?: number;
  /** Epoch ms after which no new wait starts (the caller's deadline, e.g. a turn's). */
  deadline?: number;
  /** Aborts the waits; an aborted signal ends the retries with the last error. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

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
 * the signal aborted). Waits honour Retry-After when the attempt gives one, else capped exponential
 * backoff with full jitter. The last attempt's error is thrown unchanged.
 */
export async function retry<T>(
  attempt: (n: number) => Promise<AttemptVerdict<T>>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  const now = policy.now ?? Date.now;
  const maxRetryAfterMs = policy.maxRetryAfterMs ?? policy.maxDelayMs;
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
    const delayMs = verdict.retryAfterMs ?? backoffDelayMs(n, policy);
    if (policy.deadline !== undefined && now() + delayMs >= policy.deadline) return giveUp('deadline');
    if (aborted(policy.signal)) return giveUp('aborted');
    hooks.onRetry?.({ attempt: n, delayMs, error: verdict.error });
    await sleep(delayMs, policy.signal);
    if (aborted(policy.signal)) return giveUp('aborted');
  }
}

/** A function, so that TypeScript does not keep a narrowing across an await. */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
