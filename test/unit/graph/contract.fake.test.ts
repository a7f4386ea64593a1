import { describeGdapContract } from '../../contract/graph/gdapContract';
import { FakeGdapClient } from '../../fakes/graph/fakeGdapClient';

describeGdapContract('FakeGdapClient (in memory)', async () => {
  const fake = new FakeGdapClient();
  return {
    client: fake,
    approve: async (id, input) => void fake.model.approve(id, input),
    advanceDays: async (days) => void fake.model.advanceDays(days),
    dispose: async () => undefined,
  };
});
