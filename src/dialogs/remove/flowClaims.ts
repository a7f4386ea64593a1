/**
 * Which removal flows are executing (or have executed) their Partner Center change in this
 * process. A second click on "Remove" that arrives while the first is still running, before the
 * dialog state says the flow has ended, finds the flow claimed and changes nothing. Bounded; old
 * claims expire (by then the flow has long ended in the dialog state, which guards on its own).
 */
export class FlowClaims {
  private readonly claims = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True for the first claim of `key` (within the TTL); false for every later one. */
  claim(key: string): boolean {
    const now = this.now();
    const until = this.claims.get(key);
    if (until !== undefined && until > now) return false;
    if (this.claims.size >= this.maxEntries) this.prune(now);
    this.claims.set(key, now + this.ttlMs);
    return true;
  }

  /** Gives a claim back (the step did not get as far as changing anything). */
  release(key: string): void {
    this.claims.delete(key);
  }

  private prune(now: number): void {
    for (const [k, until] of this.claims) if (until <= now) this.claims.delete(k);
    while (this.claims.size >= this.maxEntries) {
      const oldest = this.claims.keys().next().value;
      if (oldest === undefined) break;
      this.claims.delete(oldest);
    }
  }
}
