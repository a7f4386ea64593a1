import { SIMULATOR_ERROR_CODES, SimulatorApiError } from '../model';
import { RegistrationError, SIMULATOR_AVAILABLE_EVENTS, type WebhookRegistry } from '../webhookRegistry';
import type { SimulatorRouteArea } from './pipeline';
import { ok, param, type SimResponse } from './respond';

/**
 * Partner Center's webhook registration API (relative to the API base path): GET|POST|PUT
 * /webhooks/v1/registration, GET /webhooks/v1/registration/events, POST
 * /webhooks/v1/registration/validationEvents, GET /webhooks/v1/registration/validationEvents/:id.
 */
export const webhookRegistrationRoutes: SimulatorRouteArea = ({ sim, api, readJson }) => {
  const registry: WebhookRegistry = sim.webhookRegistry;
  const base = '/webhooks/v1/registration';

  api('GET', base, () => {
    const current = registry.current();
    if (!current)
      throw new SimulatorApiError(404, SIMULATOR_ERROR_CODES.notFound, 'No webhook registration.');
    return ok(wire(current));
  });
  api('POST', base, async (req) => {
    const body = await readJson(req);
    return guarded(() => ok(wire(registry.save(body, 'create'))));
  });
  api('PUT', base, async (req) => {
    const body = await readJson(req);
    return guarded(() => ok(wire(registry.save(body, 'update'))));
  });
  api('GET', `${base}/events`, () => ok([...SIMULATOR_AVAILABLE_EVENTS]));
  api('POST', `${base}/validationEvents`, () =>
    guarded(() => ok({ correlationId: registry.sendTestEvent() })),
  );
  api('GET', `${base}/validationEvents/:id`, (req) => {
    const record = registry.validation(param(req, 'id'));
    if (!record) throw new SimulatorApiError(404, SIMULATOR_ERROR_CODES.notFound, 'Unknown correlation id.');
    return ok(record);
  });
};

function wire(r: { subscriberId: string; webhookUrl: string; webhookEvents: string[] }) {
  return { SubscriberId: r.subscriberId, WebhookUrl: r.webhookUrl, WebhookEvents: r.webhookEvents };
}

function guarded(fn: () => SimResponse): SimResponse {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof RegistrationError)) throw e;
    if (e.status === 429) {
      return {
        status: 429,
        body: { statusCode: 429, message: e.message },
        headers: { 'Retry-After': '60' },
      };
    }
    const code = e.status === 404 ? SIMULATOR_ERROR_CODES.notFound : SIMULATOR_ERROR_CODES.invalidInput;
    throw new SimulatorApiError(e.status, code, e.message);
  }
}
