import { describePartnerCenterContract } from '../../contract/partnerCenter/partnerCenterContract';
import { FakePartnerCenterClient } from '../../fakes/partnerCenter/fakePartnerCenterClient';

describePartnerCenterContract('FakePartnerCenterClient (in memory)', async () => {
  const fake = new FakePartnerCenterClient();
  return {
    client: fake,
    control: {
      partnerTenantId: fake.partnerTenantId,
      addCustomer: async (input) => fake.addCustomer(input),
      addCustomers: async (count) => fake.addCustomers(count),
    },
    dispose: async () => undefined,
  };
});
