interface RouteStats {
  count: number;
  requestIds: string[];
}

/** API requests seen per route key ('GET /v1/customers'), with their MS-RequestIds (tests, admin page). */
export class RequestStats {
  private readonly stats = new Map<string, RouteStats>();

  /** Called by the routes for every API request (before faults). */
  record(routeKey: string, requestId: string | undefined): void {
    let s = this.stats.get(routeKey);
    if (!s) this.stats.set(routeKey, (s = { count: 0, requestIds: [] }));
    s.count++;
    if (requestId !== undefined) {
      s.requestIds.push(requestId);
      if (s.requestIds.length > 1000) s.requestIds.shift();
    }
  }

  /** Requests seen for a route key ('GET /v1/customers'), or for all routes. */
  count(routeKey?: string): number {
    if (routeKey !== undefined) return this.stats.get(routeKey)?.count ?? 0;
    let total = 0;
    for (const s of this.stats.values()) total += s.count;
    return total;
  }

  /** MS-RequestId headers seen for a route key, oldest first (last 1000). */
  requestIds(routeKey: string): string[] {
    return [...(this.stats.get(routeKey)?.requestIds ?? [])];
  }

  /** Per route: count. */
  byRoute(): Record<string, number> {
    return Object.fromEntries([...this.stats].map(([k, v]) => [k, v.count]));
  }

  reset(): void {
    this.stats.clear();
  }
}
