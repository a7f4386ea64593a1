import { isRecord, normalizeKeys } from '../../partnerCenter/normalize';
import { badRequest } from '../model';
import {
  collection,
  customerToWire,
  memberToWire,
  nextLink,
  pascalize,
  providerToWire,
  roleToWire,
  skuToWire,
  subscriptionToWire,
  userToWire,
} from '../wire';
import { encodeToken, readPaging } from './paging';
import type { SimulatorRouteArea } from './pipeline';
import { ok, param } from './respond';

/**
 * The simulated Partner Center API (relative to the API base path): GET /v1/customers (paging,
 * search), GET /v1/customers/relationshiprequests, GET|PATCH /v1/customers/:id, GET
 * /v1/customers/:id/subscriptions, GET|PATCH /v1/customers/:id/subscriptions/:sid, GET
 * /v1/customers/:id/users, GET /v1/customers/:id/subscribedskus, GET /v1/customers/:id/relationships,
 * GET /v1/relationships, GET /v1/roles, GET /v1/roles/:id/usermembers.
 */
export const partnerCenterApiRoutes: SimulatorRouteArea = ({ sim, api, readJson }) => {
  api('GET', '/v1/customers', (req, url) => {
    const page = readPaging(req, url, 'customers');
    const result = sim.pageCustomers(page.cursor, page.size, page.filter);
    const filterParam = page.filter
      ? `&filter=${encodeURIComponent(JSON.stringify({ Field: page.filter.field, Value: page.filter.value, Operator: 'starts_with' }))}`
      : '';
    const next =
      result.next === undefined
        ? undefined
        : nextLink(
            `/v1/customers?size=${page.sizeParam}${filterParam}&seekOperation=Next`,
            encodeToken({ r: 'customers', c: result.next, s: page.size, z: page.sizeParam, f: page.filter }),
          );
    const self = `/v1/customers?size=${page.sizeParam}${filterParam}`;
    return ok(
      collection(
        result.items.map((c) => customerToWire(c, false)),
        result.totalCount,
        self,
        next,
      ),
    );
  });

  api('GET', '/v1/customers/relationshiprequests', (_req, url) => {
    const provider = url.searchParams.get('indirectCloudSolutionProviderId') ?? undefined;
    if (provider !== undefined && !/^[A-Za-z0-9-]{1,64}$/.test(provider)) {
      throw badRequest('indirectCloudSolutionProviderId is not a valid id.');
    }
    return ok({
      url: sim.relationshipRequestUrl(provider),
      attributes: { objectType: 'RelationshipRequest' },
    });
  });

  api('GET', '/v1/customers/:id', (req) => ok(customerToWire(sim.getCustomer(param(req, 'id')), true)));

  api('PATCH', '/v1/customers/:id', async (req) => {
    const id = param(req, 'id');
    const body = normalizeKeys(await readJson(req));
    if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
    const relationship = body['relationshiptopartner'];
    if (typeof relationship === 'string' && relationship.toLowerCase() === 'none') {
      return ok(pascalize(customerToWire(sim.removeRelationship(id), true)));
    }
    if (body['allowdelegatedaccess'] === false) {
      return ok(pascalize(customerToWire(sim.setDelegatedAccess(id, false), true)));
    }
    throw badRequest('Only relationshipToPartner "none" or allowDelegatedAccess false can be changed.');
  });

  api('GET', '/v1/customers/:id/subscriptions', (req) => {
    const id = param(req, 'id');
    const items = sim.listSubscriptions(id).map((s) => subscriptionToWire(s, id));
    return ok(collection(items, items.length, `/v1/customers/${id}/subscriptions`));
  });

  api('GET', '/v1/customers/:id/subscriptions/:sid', (req) => {
    const id = param(req, 'id');
    return ok(subscriptionToWire(sim.getSubscription(id, param(req, 'sid')), id));
  });

  api('PATCH', '/v1/customers/:id/subscriptions/:sid', async (req) => {
    const id = param(req, 'id');
    const sid = param(req, 'sid');
    const body = normalizeKeys(await readJson(req));
    if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
    const status = body['status'];
    if (typeof status !== 'string' || status.toLowerCase() !== 'suspended') {
      throw badRequest('The simulator only supports changing a subscription status to "suspended".');
    }
    sim.getSubscription(id, sid); // 404 first
    return ok(subscriptionToWire(sim.suspendSubscription(id, sid), id));
  });

  api('GET', '/v1/customers/:id/users', (req, url) => {
    const id = param(req, 'id');
    const page = readPaging(req, url, `users:${id}`);
    const result = sim.pageUsers(id, page.cursor, page.size);
    const next =
      result.next === undefined
        ? undefined
        : nextLink(
            `/v1/customers/${id}/users?size=${page.sizeParam}&seekOperation=Next`,
            encodeToken({ r: `users:${id}`, c: result.next, s: page.size, z: page.sizeParam }),
          );
    return ok(
      collection(
        result.items.map((u) => userToWire(u, id)),
        result.totalCount,
        `/v1/customers/${id}/users?size=${page.sizeParam}`,
        next,
      ),
    );
  });

  api('GET', '/v1/customers/:id/subscribedskus', (req) => {
    const id = param(req, 'id');
    const items = sim.listSubscribedSkus(id).map(skuToWire);
    return ok(collection(items, items.length, `/v1/customers/${id}/subscribedskus`));
  });

  api('GET', '/v1/customers/:id/relationships', (req) => {
    const id = param(req, 'id');
    const items = sim.listCustomerRelationships(id).map(providerToWire);
    // Partner Center answers `items: null` when a customer has no partner relationships.
    return ok(collection(items.length ? items : null, items.length, `/v1/customers/${id}/relationships`));
  });

  api('GET', '/v1/relationships', (_req, url) => {
    const type = url.searchParams.get('relationship_type') ?? '';
    if (type.toLowerCase() === 'isindirectresellerof') {
      const items = sim.providers.map(providerToWire);
      return ok(collection(items, items.length, '/v1/relationships?relationship_type=IsIndirectResellerOf'));
    }
    if (type.toLowerCase() === 'isindirectcloudsolutionproviderof') {
      return ok(collection([], 0, '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf'));
    }
    throw badRequest('relationship_type must be IsIndirectResellerOf or IsIndirectCloudSolutionProviderOf.');
  });

  api('GET', '/v1/roles', () => {
    const items = sim.listRoles().map(roleToWire);
    return ok(collection(items, items.length, '/v1/roles'));
  });

  api('GET', '/v1/roles/:id/usermembers', (req) => {
    const id = param(req, 'id');
    const items = sim.listRoleMembers(id).map(memberToWire);
    return ok(collection(items, items.length, `/v1/roles/${id}/usermembers`));
  });
};
