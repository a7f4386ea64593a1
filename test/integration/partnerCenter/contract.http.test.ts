import { describePartnerCenterContract } from '../../contract/partnerCenter/partnerCenterContract';
import { startSimulatorServer } from '../../fakes/partnerCenter/simulatorHarness';

describePartnerCenterContract('HttpPartnerCenterClient against the simulator over HTTP', async () => {
  const s = await startSimulatorServer({ customers: 0 });
  return {
    client: s.createClient(),
    control: {
      partnerTenantId: s.simulator.partner.tenantId,
      addCustomer: async (input) => s.simulator.addCustomer(input),
      addCustomers: async (count) => s.simulator.addGeneratedCustomers(count),
    },
    dispose: () => s.close(),
  };
});
