import { findCustomers, isCustomerId, searchCustomers } from '../../../src/domain/customerSearch';
import type { CallContext } from '../../../src/partnerCenter/client';
import { FakePartnerCenterClient } from '../../fakes/partnerCenter/fakePartnerCenterClient';

const app: CallContext = { auth: 'app' };
const ONE_PAGE = { pageSize: 26, maxPagesPerField: 1 };

function setup() {
  const client = new FakePartnerCenterClient();
  const zeta = client.addCustomer({ companyName: 'Zeta Contoso', domain: 'alpha-zeta.onmicrosoft.com' });
  const alpha = client.addCustomer({ companyName: 'Alpha GmbH', domain: 'alpha.onmicrosoft.com' });
  const beta = client.addCustomer({ companyName: 'Beta AG', domain: 'beta.onmicrosoft.com' });
  return { client, zeta, alpha, beta };
}

describe('customer search', () => {
  it('searches company name and domain, merged once per customer, ordered by name', async () => {
    const { client, zeta, alpha } = setup();
    const found = await searchCustomers(client, 'alpha', app, ONE_PAGE);
    expect(found.customers.map((c) => c.id)).toEqual([alpha.id, zeta.id]);
    expect(found).toMatchObject({ totalCount: 2, capped: false });
    expect(client.callsOf('searchCustomers').map((c) => (c.args[0] as { field: string }).field)).toEqual([
      'CompanyName',
      'Domain',
    ]);
  });

  it('reads at most the pages allowed per field, and says when more matched', async () => {
    const client = new FakePartnerCenterClient();
    client.addCustomers(7, 'Many');
    const found = await searchCustomers(client, 'many', app, { pageSize: 3, maxPagesPerField: 2 });
    expect(found.customers).toHaveLength(6);
    expect(found.capped).toBe(true);
    expect(found.totalCount).toBe(7);
    // Names: two pages (capped); domains ('generatedN…'): one empty page.
    expect(client.callsOf('searchCustomers')).toHaveLength(3);
  });

  it('looks a customer id up directly (any case), and finds nothing for an unknown id', async () => {
    const { client, beta } = setup();
    expect(isCustomerId(beta.id)).toBe(true);
    expect(isCustomerId('beta')).toBe(false);
    const found = await findCustomers(client, beta.id.toUpperCase(), app, ONE_PAGE);
    expect(found).toEqual({ customers: [beta], totalCount: 1, capped: false });
    expect(client.callsOf('searchCustomers')).toHaveLength(0);
    const none = await findCustomers(client, 'd0d0d0d0-0000-4000-8000-00000000d0d0', app, ONE_PAGE);
    expect(none).toEqual({ customers: [], totalCount: 0, capped: false });
  });

  it('passes Partner Center failures on', async () => {
    const { client } = setup();
    client.failNext('searchCustomers', 'unavailable');
    await expect(findCustomers(client, 'alpha', app, ONE_PAGE)).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });
});
