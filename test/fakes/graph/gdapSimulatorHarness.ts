/** The GDAP simulator routes on a real restify server (127.0.0.1, random port) for tests. */
import restify from 'restify';
import { HttpGdapClient, type HttpGdapClientOptions } from '../../../src/graph/httpGdapClient';
import { StaticGraphTokenProvider } from '../../../src/graph/tokens';
import { silentLogger } from '../../../src/logging/logger';
import { GdapSimulatorModel, type GdapSimulatorOptions } from '../../../src/simulator/gdap/model';
import {
  gdapSimulatorApprovalLink,
  registerGdapSimulatorRoutes,
  type GdapSimulatorRouteOptions,
} from '../../../src/simulator/gdap/routes';

export interface GdapSimulatorServer {
  model: GdapSimulatorModel;
  origin: string;
  apiBaseUrl: string;
  events: { eventName: string; resourceUri: string }[];
  createClient(options?: Partial<HttpGdapClientOptions>): HttpGdapClient;
  close(): Promise<void>;
}

export async function startGdapSimulator(
  options: GdapSimulatorOptions & { routes?: Partial<GdapSimulatorRouteOptions> } = {},
): Promise<GdapSimulatorServer> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const events: { eventName: string; resourceUri: string }[] = [];
  const { routes, ...modelOptions } = options;
  const model = new GdapSimulatorModel({
    emitEvent: (eventName, resourceUri) => events.push({ eventName, resourceUri }),
    ...modelOptions,
  });
  registerGdapSimulatorRoutes(server, model, {
    logger: silentLogger(),
    partnerName: 'Northwind IT Services GmbH',
    ...routes,
  });
  const apiBaseUrl = `${origin}/simulator/graph/v1.0`;
  return {
    model,
    origin,
    apiBaseUrl,
    events,
    createClient: (o = {}) =>
      new HttpGdapClient({
        baseUrl: apiBaseUrl,
        tokenProvider: new StaticGraphTokenProvider('test-token'),
        logger: silentLogger(),
        timeoutMs: 2000,
        maxRetries: 2,
        baseDelayMs: 1,
        maxDelayMs: 5,
        approvalLink: (id) => gdapSimulatorApprovalLink(origin, id),
        ...o,
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}
