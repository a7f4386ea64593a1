import { randomUUID } from 'node:crypto';
import { sleep as abortableSleep } from './sleep';

/**
 * The settings every HTTP API transport (Partner Center, Graph) takes: per-attempt timeout,
 * retries, backoff, the Retry-After cap and the seams tests inject. `httpCallSettings` fills in the
 * defaults, the same for every API.
 */
export interface HttpCallOptions {
  /** Per-attempt timeout (headers and body). Default 15 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /** Exponential backoff: attempt n waits random(0, min(maxDelayMs, baseDelayMs · 2^(n-1))). Default 500. */
  baseDelayMs?: number;
  /** Cap of one backoff delay. Default 10 000. */
  maxDelayMs?: number;
  /** Longest Retry-After honoured; a longer one ends the call as 'throttled' at once (with retryAfterMs). Default 30 000. */
  maxRetryAfterMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: [0, 1). */
  random?: () => number;
  fetch?: typeof fetch;
  newId?: () => string;
}

/** `HttpCallOptions` with the defaults filled in. */
export interface HttpCallSettings {
  timeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The backoff part of a `RetryPolicy`. */
  backoff: { baseDelayMs: number; maxDelayMs: number; maxRetryAfterMs: number; random?: () => number };
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  fetch: typeof fetch;
  newId: () => string;
}

export function httpCallSettings(options: HttpCallOptions): HttpCallSettings {
  return {
    timeoutMs: options.timeoutMs ?? 15_000,
    maxAttempts: Math.max(0, options.maxRetries ?? 4) + 1,
    backoff: {
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 10_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      random: options.random,
    },
    sleep: options.sleep ?? abortableSleep,
    fetch: options.fetch ?? fetch,
    newId: options.newId ?? randomUUID,
  };
}

/**
 * An API root from a base URL: http(s) only, no query or fragment, no trailing '/', then
 * `normalize` (e.g. strip a version segment); `emptyMeans` stands in for an empty base URL. A
 * function base URL is asked on every call (embedded mode: the simulator's port is known once the
 * server listens); its root is cached per value. A fixed base URL is checked here, so a bad one
 * fails at construction, not on the first call.
 */
export function apiRoot(
  baseUrl: string | (() => string),
  options: { emptyMeans?: string; normalize?: (root: string) => string } = {},
): () => string {
  const { emptyMeans, normalize = (root: string) => root } = options;
  const rootOf = (value: string): string => {
    const url = new URL(value === '' && emptyMeans !== undefined ? emptyMeans : value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('baseUrl must be http(s)');
    url.search = '';
    url.hash = '';
    return normalize(url.toString().replace(/\/+$/, ''));
  };
  if (typeof baseUrl !== 'function') {
    const root = rootOf(baseUrl);
    return () => root;
  }
  let cached: { baseUrl: string; root: string } | undefined;
  return () => {
    const current = baseUrl();
    if (cached?.baseUrl !== current) cached = { baseUrl: current, root: rootOf(current) };
    return cached.root;
  };
}
