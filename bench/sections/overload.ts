import type { Child } from '../lib/ipc';
import { summarize, type Summary } from '../lib/stats';
import { BenchUser, runPhase, type Target } from './load';

export interface OverloadResult {
  conversations: number;
  maxTurnsInFlight: number;
  maxQueuedTurns: number;
  turns: number;
  accepted: number;
  /** Refused at the edge with 503 + Retry-After (no work done). */
  refused503: number;
  /** Accepted turns that failed anyway (e.g. "temporarily unavailable" on storage timeouts). */
  acceptedFailed: number;
  failureSamples: string[];
  seconds: number;
  acceptedTurnsPerSecond: number;
  acceptedLatencyMs: Summary;
}

/**
 * Issue #17 point 8: `conversations` users flat out (no think time) against one app instance
 * with the turn gate at its settings. Counts turns refused with 503 at the edge apart from
 * accepted turns that failed; the latter should be none.
 */
export async function runOverload(
  app: Child,
  target: Target,
  options: { conversations: number; turns: number; maxTurnsInFlight: number; maxQueuedTurns: number },
): Promise<OverloadResult> {
  void app;
  const users = Array.from({ length: options.conversations }, (_, i) => new BenchUser(target, 10_000 + i));
  let refused503 = 0;
  let acceptedFailed = 0;
  const failureSamples: string[] = [];
  const latencies: number[] = [];
  const phase = await runPhase(users, 'app', options.turns, 0, (r) => {
    if (r.ok) latencies.push(r.ms);
    else if (r.error?.startsWith('HTTP 503')) refused503++;
    else if (r.error !== 'previous step gave no card to click') {
      acceptedFailed++;
      if (failureSamples.length < 5) failureSamples.push(`${r.kind}: ${r.error}`);
    }
  });
  return {
    conversations: options.conversations,
    maxTurnsInFlight: options.maxTurnsInFlight,
    maxQueuedTurns: options.maxQueuedTurns,
    turns: phase.turns,
    accepted: phase.turns - refused503,
    refused503,
    acceptedFailed,
    failureSamples,
    seconds: Math.round(phase.seconds * 10) / 10,
    acceptedTurnsPerSecond: Math.round((latencies.length / phase.seconds) * 10) / 10,
    acceptedLatencyMs: summarize(latencies),
  };
}
