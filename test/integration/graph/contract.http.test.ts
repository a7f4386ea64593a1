import { describeGdapContract } from '../../contract/graph/gdapContract';
import { startGdapSimulator } from '../../fakes/graph/gdapSimulatorHarness';

describeGdapContract('HttpGdapClient against the simulator over HTTP', async () => {
  const s = await startGdapSimulator({ routes: { pageSize: 1 } });
  return {
    client: s.createClient(),
    approve: async (id, input) => {
      const res = await fetch(`${s.origin}/simulator/graph/approve/${id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...input, decision: 'approve' }).toString(),
      });
      expect(res.status).toBe(200);
    },
    advanceDays: async (days) => {
      const res = await fetch(`${s.origin}/simulator/graph/admin/advance`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ days }),
      });
      expect(res.status).toBe(200);
    },
    dispose: () => s.close(),
  };
});
