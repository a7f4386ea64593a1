/**
 * Bounds the turns processed at once by one instance. Up to `maxInFlight` run; the next
 * `maxQueued` wait (first come, first served); anything beyond is refused before any work starts
 * (the caller answers 503 with Retry-After). Accepted turns then do not pile up on storage until
 * they time out.
 */
export class TurnGate {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly maxInFlight: number,
    readonly maxQueued: number,
  ) {}

  /** Turns running and waiting now (for tests and the log). */
  get load(): { inFlight: number; queued: number } {
    return { inFlight: this.inFlight, queued: this.waiting.length };
  }

  /**
   * Resolves with a release function once the turn may run, or with undefined at once when
   * the queue is full (refuse the turn). Call the release function exactly once.
   */
  async enter(): Promise<(() => void) | undefined> {
    if (this.inFlight < this.maxInFlight) {
      this.inFlight++;
      return this.releaser();
    }
    if (this.waiting.length >= this.maxQueued) return undefined;
    // The slot is handed over by release(): inFlight stays counted for the waiting turn.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    };
  }
}
