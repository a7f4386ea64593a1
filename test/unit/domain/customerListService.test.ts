import { CustomerPageCache } from '../../../src/domain/customerCache';
import { PAGE_SIZE, PAGES_PER_CHUNK, type ListPosition } from '../../../src/domain/customerList';
import { CustomerListService, type CustomerListPage } from '../../../src/domain/customerListService';
import type { CallContext } from '../../../src/partnerCenter/client';
import { SIMULATOR_PARTNER_TENANT_ID } from '../../../src/simulator/seed';
import { FakePartnerCenterClient } from '../../fakes/partnerCenter/fakePartnerCenterClient';

const app: CallContext = { auth: 'app' };
const user: CallContext = { auth: 'user' };

function setup(count: number, ttlMs = 60_000) {
  const client = new FakePartnerCenterClient();
  client.addCustomers(count);
  const cache = new CustomerPageCache<unknown>(ttlMs);
  const service = new CustomerListService(client, cache, SIMULATOR_PARTNER_TENANT_ID);
  return { client, cache, service };
}

const ids = (page: CustomerListPage) => page.rows.map((r) => r.id);

describe('CustomerListService paging', () => {
  it('visits each of 1,200 customers exactly once going forward; Previous returns the same page', async () => {
    const { client, service } = setup(1200);
    const seen: string[] = [];
    let page = await service.loadPage({ page: 0 }, app);
    expect(page.totalCount).toBe(1200);
    for (;;) {
      seen.push(...ids(page));
      if (!page.next) break;
      const next = await service.loadPage(page.next, app);
      const back = await service.loadPage(next.previous!, app);
      expect(ids(back)).toEqual(ids(page));
      expect(back.position.page).toBe(page.position.page);
      page = next;
    }
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
    expect(page.position.page).toBe(119);
    // One Partner Center call per 100 customers: the cache serves the rest.
    expect(client.callsOf('listCustomersPage')).toHaveLength(12);
  });

  it('finds a page whose token is unknown by walking from the first chunk (cache: no extra calls)', async () => {
    const { client, service } = setup(450);
    let page = await service.loadPage({ page: 0 }, app);
    while (page.position.page < 35) page = await service.loadPage(page.next!, app);
    const before = client.callsOf('listCustomersPage').length;
    const walked = await service.loadPage({ page: 35, back: [] }, app);
    expect(ids(walked)).toEqual(ids(page));
    expect(walked.position.token).toBe(page.position.token);
    expect(client.callsOf('listCustomersPage').length).toBe(before);
    // Going back from the walked position needs no walk: the stack was rebuilt.
    const prev = await service.loadPage({ page: 2 * PAGES_PER_CHUNK, back: [] }, app);
    expect(previousOf(prev).token).toBeDefined();
  });

  it('walks with a cold cache too, and clamps a page past the end to the last page', async () => {
    const { service } = setup(250, 0);
    const last = await service.loadPage({ page: 9999, back: [] }, app);
    expect(last.position.page).toBe(24);
    expect(last.rows).toHaveLength(PAGE_SIZE);
    expect(last.next).toBeUndefined();
    const mid = await service.loadPage({ page: 13, back: [] }, app);
    expect(mid.rows[0]!.companyName).toBe('Generated Customer 131');
  });

  it('Refresh bypasses the cache', async () => {
    const { client, service } = setup(30);
    await service.loadPage({ page: 0 }, app);
    await service.loadPage({ page: 0 }, app);
    expect(client.callsOf('listCustomersPage')).toHaveLength(1);
    client.addCustomer({ companyName: 'Newcomer', domain: 'newcomer.onmicrosoft.com' });
    expect((await service.loadPage({ page: 0 }, app)).totalCount).toBe(30);
    expect((await service.loadPage({ page: 0 }, app, { fresh: true })).totalCount).toBe(31);
    expect(client.callsOf('listCustomersPage')).toHaveLength(2);
  });

  it('refuses a forged continuation token through the client (bad_request)', async () => {
    const { service } = setup(300);
    await expect(service.loadPage({ page: 12, token: 'fake1.bm9wZQ', back: [] }, app)).rejects.toMatchObject({
      kind: 'bad_request',
    });
  });
});

describe('CustomerListService search', () => {
  it('searches company name OR domain (starts-with, case-insensitive), merged and deduplicated', async () => {
    const { client, service } = setup(5);
    client.addCustomer({ companyName: 'Contoso GmbH', domain: 'contoso.onmicrosoft.com' });
    client.addCustomer({ companyName: 'Zeta Contoso', domain: 'contosozeta.onmicrosoft.com' });
    client.addCustomer({ companyName: 'contoso pharma', domain: 'pharma.onmicrosoft.com' });
    client.addCustomer({ companyName: 'Not Contoso', domain: 'notcontoso.onmicrosoft.com' });
    const page = await service.loadPage({ search: 'CONT', page: 0 }, app);
    expect(page.rows.map((r) => r.companyName)).toEqual(['Contoso GmbH', 'contoso pharma', 'Zeta Contoso']);
    expect(page.totalCount).toBe(3);
    expect(page.capped).toBeUndefined();
    expect(
      client
        .callsOf('searchCustomers')
        .map((c) => (c.args[0] as { field: string }).field)
        .sort(),
    ).toEqual(['CompanyName', 'Domain']);
    await service.loadPage({ search: 'cont', page: 0 }, app);
    expect(client.callsOf('searchCustomers')).toHaveLength(2);
  });

  it('pages through search results and caps very broad searches', async () => {
    const { service } = setup(2100);
    const first = await service.loadPage({ search: 'generated', page: 0 }, app);
    expect(first.capped).toBe(true);
    expect(first.totalCount).toBe(1000);
    const second = await service.loadPage(first.next!, app);
    expect(second.previous).toEqual({ search: 'generated', page: 0 });
    expect(second.rows[0]!.id).not.toBe(first.rows[0]!.id);
  });
});

describe('CustomerListService details', () => {
  it('loads account, subscriptions, users and licenses with delegated access', async () => {
    const client = new FakePartnerCenterClient({ demoData: true });
    const service = new CustomerListService(client, new CustomerPageCache(1000), SIMULATOR_PARTNER_TENANT_ID);
    const contoso = (await client.listCustomersPage({ size: 1 }, app)).items[0]!;
    const details = await service.loadDetails(contoso.id, app, user);
    expect(details.customer.allowDelegatedAccess).toBe(true);
    expect(details.users.ok && details.users.value.totalCount).toBeGreaterThan(0);
    expect(details.licenses.ok).toBe(true);
    expect(details.subscriptions.ok).toBe(true);
    expect(client.callsOf('listUsers')[0]!.ctx.auth).toBe('user');
    expect(client.callsOf('listSubscribedSkus')[0]!.ctx.auth).toBe('user');
  });

  it('reports "no delegated access" per section instead of failing', async () => {
    const client = new FakePartnerCenterClient();
    const c = client.addCustomer({
      companyName: 'Fabrikam',
      domain: 'fabrikam.onmicrosoft.com',
      allowDelegatedAccess: false,
      users: 3,
    });
    const service = new CustomerListService(client, new CustomerPageCache(1000), SIMULATOR_PARTNER_TENANT_ID);
    const details = await service.loadDetails(c.id, app, user);
    expect(details.users).toMatchObject({ ok: false, error: { kind: 'no_delegated_access' } });
    expect(details.licenses).toMatchObject({ ok: false, error: { kind: 'no_delegated_access' } });
    expect(details.subscriptions.ok).toBe(true);
  });

  it('fails as a whole when the customer itself is gone', async () => {
    const client = new FakePartnerCenterClient();
    const service = new CustomerListService(client, new CustomerPageCache(1000), SIMULATOR_PARTNER_TENANT_ID);
    await expect(
      service.loadDetails('00000000-0000-4000-8000-000000000999', app, user),
    ).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});

function previousOf(page: CustomerListPage): ListPosition {
  return page.previous!;
}
