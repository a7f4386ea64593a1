/**
 * A short-lived cache of customer-list pages per partner, so paging back and forth and repeated
 * searches do not hit Partner Center's throttling. `invalidate` drops a partner's pages (after a
 * removal, or on "Refresh").
 */
export class CustomerPageCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  private key(partnerTenantId: string, key: string): string {
    return `${partnerTenantId}\u0000${key}`;
  }

  get(partnerTenantId: string, key: string): T | undefined {
    if (this.ttlMs <= 0) return undefined;
    const k = this.key(partnerTenantId, key);
    const hit = this.entries.get(k);
    if (!hit) return undefined;
    if (hit.expires <= this.now()) {
      this.entries.delete(k);
      return undefined;
    }
    return hit.value;
  }

  set(partnerTenantId: string, key: string, value: T): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(this.key(partnerTenantId, key), { value, expires: this.now() + this.ttlMs });
  }

  invalidate(partnerTenantId: string): void {
    const prefix = `${partnerTenantId}\u0000`;
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
