import type { FaultRule } from '../faults';
import { faultRulesSchema } from '../faults';
import { SimulatorApiError } from '../model';
import type { SimulatorRouteArea } from './pipeline';
import { param, requestUrl, sendJson } from './respond';

/**
 * Test/dev endpoints: GET|POST|DELETE {pages}/admin/faults, GET|DELETE {pages}/admin/stats, and
 * POST {pages}/admin/customers/:id/provider-removal (the indirect provider removes the reseller
 * relationship, as it does after a reseller's request in `provider-only` mode).
 */
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

  route('POST', `${pages}/admin/customers/:id/provider-removal`, (req, res) => {
    try {
      const customer = sim.removeRelationshipAsProvider(param(req, 'id'));
      log.info({ customerId: customer.id }, 'simulator: the indirect provider removed the relationship');
      sendJson(res, 200, { id: customer.id, relationshipToPartner: customer.relationshipToPartner });
    } catch (e) {
      if (!(e instanceof SimulatorApiError)) throw e;
      sendJson(res, e.status, { code: e.code, description: e.description });
    }
  });

  route('DELETE', `${pages}/admin/stats`, (_req, res) => {
    sim.resetStats();
    sendJson(res, 204, undefined);
  });
};

function serializableRule(r: FaultRule): FaultRule {
  return r.pattern instanceof RegExp ? { ...r, pattern: r.pattern.source } : r;
}
