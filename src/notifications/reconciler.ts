import type { Logger } from '../logging/logger';
import type { PartnerCenterClient } from '../partnerCenter/client';
import type { KnownCustomersRepository } from '../storage/knownCustomersRepository';
import type { AcceptanceProcessor } from './acceptanceProcessor';

export interface ReconcileResult {
  /** True on the very first run: the current customers were recorded as known, nobody notified. */
  baseline: boolean;
  customers: number;
  /** Customers not known before, processed as acceptances. */
  found: number;
  /** Of those, the ones that failed (kept out of the snapshot, so the next run tries again). */
  failed: number;
  removed: number;
}

export interface ReconcilerDeps {
  partnerTenantId: string;
  partnerCenter: PartnerCenterClient;
  knownCustomers: KnownCustomersRepository;
  processor: AcceptanceProcessor;
  logger: Logger;
}

/**
 * Finds acceptances whose webhook never arrived: compares Partner Center's customer list with
 * the customers known at the last run; every new one is processed as an acceptance (which is
 * idempotent, so one the webhook already handled costs a lookup and sends nothing). Run under the
 * notification lease, so one instance at a time.
 */
export class Reconciler {
  constructor(private readonly deps: ReconcilerDeps) {}

  async run(): Promise<ReconcileResult> {
    const { partnerTenantId, logger } = this.deps;
    const known = await this.deps.knownCustomers.load(partnerTenantId);
    const current: string[] = [];
    for await (const customer of this.deps.partnerCenter.iterateCustomers({ auth: 'app' }))
      current.push(customer.id);

    if (!known) {
      await this.deps.knownCustomers.save(partnerTenantId, current);
      logger.info({ customers: current.length }, 'reconciler: baseline recorded');
      return { baseline: true, customers: current.length, found: 0, failed: 0, removed: 0 };
    }

    const currentSet = new Set(current);
    const fresh = current.filter((id) => !known.has(id));
    const removed = [...known].filter((id) => !currentSet.has(id));
    const failed = new Set<string>();
    for (const customerId of fresh) {
      try {
        await this.deps.processor.processAcceptance(customerId, { source: 'reconciler' });
      } catch (err) {
        failed.add(customerId);
        logger.warn(
          { customerId, err: (err as Error).message },
          'reconciler: acceptance not processed, will retry',
        );
      }
    }
    for (const customerId of removed) {
      await this.deps.processor
        .forgetCustomer(customerId)
        .catch((err: unknown) =>
          logger.warn({ err: (err as Error).message }, 'reconciler: could not forget customer'),
        );
    }
    await this.deps.knownCustomers.save(
      partnerTenantId,
      current.filter((id) => !failed.has(id)),
    );
    const result = {
      baseline: false,
      customers: current.length,
      found: fresh.length,
      failed: failed.size,
      removed: removed.length,
    };
    if (fresh.length > 0 || removed.length > 0) logger.info(result, 'reconciler: customer list changed');
    return result;
  }
}
