import { PartnerCenterError } from '../../../src/partnerCenter/errors';
import { createPartnerCenterSimulator } from '../../../src/simulator/simulator';
import { FakePartnerCenterClient } from '../../fakes/partnerCenter/fakePartnerCenterClient';

describe('FakePartnerCenterClient extras for dialog tests', () => {
  it('loads the same demo customers as the simulator', async () => {
    const fake = new FakePartnerCenterClient({ demoData: true });
    const page = await fake.listCustomersPage({ size: 500 }, { auth: 'app' });
    expect(page.items.map((c) => c.id)).toEqual(
      createPartnerCenterSimulator()
        .listCustomers()
        .map((c) => c.id),
    );
  });

  it('records calls and fails on demand', async () => {
    const fake = new FakePartnerCenterClient({ demoData: true });
    fake.failNext('listRoles', 'throttled');
    await expect(fake.listRoles({ auth: 'user' })).rejects.toMatchObject({ kind: 'throttled' });
    expect((await fake.listRoles({ auth: 'user' })).length).toBeGreaterThan(0);
    fake.failNext('*', new PartnerCenterError('unavailable', 'down', { status: 503 }));
    await expect(fake.listIndirectProviders({ auth: 'user' })).rejects.toMatchObject({
      kind: 'unavailable',
      status: 503,
    });
    expect(fake.callsOf('listRoles')).toHaveLength(2);
    expect(fake.calls.map((c) => c.operation)).toEqual(['listRoles', 'listRoles', 'listIndirectProviders']);
  });

  it('can insist on App+User tokens', async () => {
    const fake = new FakePartnerCenterClient({ strictAuth: true });
    await expect(fake.getRelationshipRequestLink({}, { auth: 'app' })).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    await expect(fake.getRelationshipRequestLink({}, { auth: 'user' })).resolves.toHaveProperty('url');
  });

  it('lets an accepted invitation appear in the list', async () => {
    const fake = new FakePartnerCenterClient();
    const c = fake.acceptInvitation({ companyName: 'New Co', domain: 'newco' });
    expect((await fake.getCustomer(c.id, { auth: 'app' })).domain).toBe('newco.onmicrosoft.com');
  });
});
