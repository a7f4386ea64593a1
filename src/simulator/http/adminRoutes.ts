import type { FaultRule } from '../faults';
import { faultRulesSchema } from '../faults';
import { SimulatorApiError } from '../model';
import type { SimulatorRouteArea } from './pipeline';
import { requestUrl, sendJson } from './respond';

/** Test/dev endpoints: GET|POST|DELETE {pages}/admin/faults, GET|DELETE {pages}/admin/stats. */
export const simulatorAdminRoutes: SimulatorRouteArea = ({ sim, route, pagesPath: pages, readJson, log }) => {
  route('GET', `${pages}/admin/faults`, (_req, res) => {
    sendJson(res, 200, { faults: sim.faults.list().map(serializableRule) });
  });

  route('POST', `${pages}/admin/faults`, async (req, res) => {
    let rules: FaultRule[];
    try {
      const parsed = faultRulesSchema.safeParse(await readJson(req));
      if (!parsed.success) {
        sendJson(res, 400, { error: 'invalid fault rules', issues: parsed.error.issues.slice(0, 10) });
        return;
      }
      rules = parsed.data;
      for (const r of rules) if (r.pattern !== undefined) new RegExp(r.pattern);
    } catch (e) {
      sendJson(res, 400, { error: e instanceof SimulatorApiError ? e.description : 'invalid fault rules' });
      return;
    }
    if (requestUrl(req).searchParams.get('append') === 'true') for (const r of rules) sim.faults.add(r);
    else sim.setFaults(rules);
    log.info({ rules: rules.length }, 'simulator: faults set');
    sendJson(res, 200, { faults: sim.faults.list().map(serializableRule) });
  });

  route('DELETE', `${pages}/admin/faults`, (_req, res) => {
    sim.clearFaults();
    sendJson(res, 204, undefined);
  });

  route('GET', `${pages}/admin/stats`, (_req, res) => {
    sendJson(res, 200, { requests: sim.requestStats(), customers: sim.customerCount() });
  });

  route('DELETE', `${pages}/admin/stats`, (_req, res) => {
    sim.resetStats();
    sendJson(res, 204, undefined);
  });
};

function serializableRule(r: FaultRule): FaultRule {
  return r.pattern instanceof RegExp ? { ...r, pattern: r.pattern.source } : r;
}
