/** One HTTP attempt's outcome: the caller classifies it (status codes mean different things per API). */
export type HttpAttemptOutcome =
  | { type: 'response'; status: number; headers: Headers; text: string }
  | { type: 'timeout'; timeoutMs: number }
  | { type: 'network'; cause: unknown }
  | { type: 'cancelled' };

export interface HttpAttemptRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Headers and body must arrive within this time. */
  timeoutMs: number;
  /** The caller's cancellation (reported as 'cancelled', not 'timeout'). */
  signal?: AbortSignal;
}

/**
 * One fetch with a per-attempt timeout covering headers and body; never throws. Redirects are
 * refused (no API we call redirects, and a redirect could carry the Authorization header elsewhere).
 */
export async function httpAttempt(
  request: HttpAttemptRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<HttpAttemptOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(
    () => {
      timeout.abort();
    },
    Math.max(1, request.timeoutMs),
  );
  const signal = request.signal ? AbortSignal.any([timeout.signal, request.signal]) : timeout.signal;
  try {
    const res = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
      redirect: 'error',
    });
    const text = await res.text();
    return { type: 'response', status: res.status, headers: res.headers, text };
  } catch (cause) {
    if (request.signal?.aborted === true) return { type: 'cancelled' };
    if (timeout.signal.aborted) return { type: 'timeout', timeoutMs: request.timeoutMs };
    return { type: 'network', cause };
  } finally {
    clearTimeout(timer);
  }
}

/** Statuses after which a request may be repeated (throttling, timeouts, server faults). */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
