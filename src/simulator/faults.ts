import { z } from 'zod';
import { createRng, type Rng } from './random';

/**
 * Fault injection for the simulator's API routes. A route key is `METHOD /template`, e.g.
 * `GET /v1/customers`, `PATCH /v1/customers/:id`, `GET /v1/customers/:id/users`.
 */
export type FaultType = 'latency' | 'throttle' | 'error' | 'drop';

export interface FaultRule {
  /** Exact route key; a trailing '*' matches by prefix ('GET /v1/customers*'). Omitted = every API route. */
  route?: string;
  /** Alternatively a regular expression over the route key (a string in the admin endpoint's JSON). */
  pattern?: string | RegExp;
  type: FaultType;
  /** latency: delay in ms. */
  latencyMs?: number;
  /** throttle: the Retry-After header in seconds (fractions allowed). Default 1. */
  retryAfterSeconds?: number;
  /** error: HTTP status (default 500). */
  status?: number;
  /** Chance per matching call, 0..1 (default 1). */
  probability?: number;
  /** Applies to the next N matching calls only, then expires. Unlimited when omitted. */
  count?: number;
  /**
   * 'before' (default): before the request is handled. 'after': the request is handled (state
   * changes!), then the fault hits the response — e.g. a dropped answer to a PATCH that succeeded.
   */
  phase?: 'before' | 'after';
}

/** zod schema of a rule as JSON (admin endpoint / options from config). */
export const faultRuleSchema = z
  .object({
    route: z.string().max(200).optional(),
    pattern: z.string().max(200).optional(),
    type: z.enum(['latency', 'throttle', 'error', 'drop']),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    retryAfterSeconds: z.number().min(0).max(3600).optional(),
    status: z.number().int().min(400).max(599).optional(),
    probability: z.number().min(0).max(1).optional(),
    count: z.number().int().min(1).max(1_000_000).optional(),
    phase: z.enum(['before', 'after']).optional(),
  })
  .strict();

export const faultRulesSchema = z.union([
  z.array(faultRuleSchema).max(100),
  z.object({ faults: z.array(faultRuleSchema).max(100) }).transform((o) => o.faults),
  faultRuleSchema.transform((r) => [r]),
]);

interface FaultDecision {
  latencyMs: number;
  /** throttle / error / drop, if one applies. */
  terminal?: FaultRule;
}

interface ActiveRule {
  rule: FaultRule;
  regex?: RegExp;
  remaining?: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private readonly rng: Rng;

  constructor(seed: number | string = 'faults', rules: readonly FaultRule[] = []) {
    this.rng = createRng(`${seed}:faults`);
    this.set(rules);
  }

  /** Replaces every rule. */
  set(rules: readonly FaultRule[]): void {
    this.rules = [];
    for (const r of rules) this.add(r);
  }

  add(rule: FaultRule): void {
    const regex = rule.pattern === undefined ? undefined : new RegExp(rule.pattern);
    this.rules.push({ rule: { ...rule }, regex, remaining: rule.count });
  }

  clear(): void {
    this.rules = [];
  }

  /** Current rules (with the remaining count in `count`). */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule, count: r.remaining }));
  }

  /** What happens to this call in this phase; consumes counts of rules that applied. */
  decide(routeKey: string, phase: 'before' | 'after'): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const active of this.rules) {
      const { rule } = active;
      if ((rule.phase ?? 'before') !== phase) continue;
      if (decision.terminal && rule.type !== 'latency') continue;
      if (!matches(active, routeKey)) continue;
      if (rule.probability !== undefined && this.rng() >= rule.probability) continue;
      if (active.remaining !== undefined) active.remaining--;
      if (rule.type === 'latency') decision.latencyMs += rule.latencyMs ?? 0;
      else decision.terminal = rule;
    }
    this.rules = this.rules.filter((r) => r.remaining === undefined || r.remaining > 0);
    return decision;
  }
}

function matches(active: ActiveRule, routeKey: string): boolean {
  const { rule, regex } = active;
  if (regex && !regex.test(routeKey)) return false;
  if (rule.route !== undefined) {
    if (rule.route.endsWith('*')) return routeKey.startsWith(rule.route.slice(0, -1));
    return routeKey === rule.route;
  }
  return true;
}
