import type { Container } from '@azure/cosmos';
import { createCosmosClient, ensureSchema, startEmbeddedCosmosServer } from '../../../src/storage/cosmos';
import { CosmosDedupeRepository } from '../../../src/storage/dedupeRepository';
import { CosmosKnownCustomersRepository } from '../../../src/storage/knownCustomersRepository';
import { CosmosLeaseRepository } from '../../../src/storage/leaseRepository';

describe('notification storage on embedded Cosmos DB', () => {
  let server: Awaited<ReturnType<typeof startEmbeddedCosmosServer>>;
  let client: ReturnType<typeof createCosmosClient>;
  let leases: Container;
  let dedupe: Container;

  beforeAll(async () => {
    server = await startEmbeddedCosmosServer();
    client = createCosmosClient({ endpoint: server.endpoint, key: 'embedded', trustSelfSigned: true });
    const schema = await ensureSchema(client, 'notifications-storage');
    leases = schema.containers.leases;
    dedupe = schema.containers.dedupe;
  });
  afterAll(async () => {
    client?.dispose();
    await server?.close();
  });

  describe('leases', () => {
    it('grants a lease to exactly one of many concurrent instances', async () => {
      const repo = new CosmosLeaseRepository(leases);
      const owners = Array.from({ length: 8 }, (_, i) => `instance-${i}`);
      const results = await Promise.all(owners.map((o) => repo.tryAcquire('race', o, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = owners[results.indexOf(true)]!;
      // The holder renews; the others keep being refused while it is valid.
      expect(await repo.tryAcquire('race', winner, 60_000)).toBe(true);
      expect(await repo.tryAcquire('race', 'someone-else', 60_000)).toBe(false);
    });

    it('lets another instance take over an expired lease, once', async () => {
      let now = 1_000_000;
      const repo = new CosmosLeaseRepository(leases, () => now);
      expect(await repo.tryAcquire('expiry', 'a', 10_000)).toBe(true);
      now += 5_000;
      expect(await repo.tryAcquire('expiry', 'b', 10_000)).toBe(false);
      now += 6_000;
      const takeovers = await Promise.all(['b', 'c', 'd'].map((o) => repo.tryAcquire('expiry', o, 10_000)));
      expect(takeovers.filter(Boolean)).toHaveLength(1);
    });

    it('releases only the holder’s lease', async () => {
      const repo = new CosmosLeaseRepository(leases);
      expect(await repo.tryAcquire('release', 'a', 60_000)).toBe(true);
      await repo.release('release', 'b');
      expect(await repo.tryAcquire('release', 'b', 60_000)).toBe(false);
      await repo.release('release', 'a');
      expect(await repo.tryAcquire('release', 'b', 60_000)).toBe(true);
    });
  });

  describe('dedupe records', () => {
    it('creates a record for exactly one of many concurrent callers', async () => {
      const repo = new CosmosDedupeRepository(dedupe);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => repo.tryCreate({ id: 'once', type: 'test', by: i })),
      );
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      const stored = await repo.read('once');
      expect(stored?.by).toBe(results.find((r) => r)?.by);
    });

    it('replaces by ETag: a stale writer loses', async () => {
      const repo = new CosmosDedupeRepository(dedupe);
      const created = await repo.tryCreate({ id: 'etag', type: 'test', n: 1 });
      const first = await repo.replaceIfMatch({ ...created!, n: 2 }, created!.etag);
      expect(first?.n).toBe(2);
      expect(await repo.replaceIfMatch({ ...created!, n: 3 }, created!.etag)).toBeUndefined();
      expect((await repo.read('etag'))?.n).toBe(2);
      expect(Object.keys((await repo.read('etag'))!)).not.toContain('_etag');
    });

    it('finds records of one type older than a time, and deletes', async () => {
      const repo = new CosmosDedupeRepository(dedupe);
      await repo.tryCreate({ id: 'old', type: 'stale-test', at: '2026-01-01T00:00:00Z', state: 'sending' });
      await repo.tryCreate({ id: 'new', type: 'stale-test', at: '2026-03-01T00:00:00Z', state: 'sending' });
      await repo.tryCreate({ id: 'done', type: 'stale-test', at: '2026-01-01T00:00:00Z', state: 'done' });
      const found = await repo.findOlderThan(
        'stale-test',
        { field: 'at', before: '2026-02-01T00:00:00Z', where: { state: 'sending' } },
        10,
      );
      expect(found.map((r) => r.id)).toEqual(['old']);
      await repo.delete('old');
      await repo.delete('old');
      expect(await repo.read('old')).toBeUndefined();
    });
  });

  describe('known customers', () => {
    it('is undefined before the baseline, then round-trips large snapshots in chunks', async () => {
      const repo = new CosmosKnownCustomersRepository(leases);
      expect(await repo.load('partner-a')).toBeUndefined();
      const ids = Array.from({ length: 12_000 }, (_, i) => `customer-${i}`);
      await repo.save('partner-a', ids);
      expect((await repo.load('partner-a'))?.size).toBe(12_000);
      await repo.save('partner-a', ['x', 'y']);
      expect([...((await repo.load('partner-a')) ?? [])]).toEqual(['x', 'y']);
      await repo.save('partner-a', []);
      expect((await repo.load('partner-a'))?.size).toBe(0);
      expect(await repo.load('partner-b')).toBeUndefined();
    });
  });
});
