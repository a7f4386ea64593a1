/** Starts the Partner Center simulator on a real restify server (127.0.0.1, random port) for tests. */
import restify from 'restify';
import { silentLogger } from '../../../src/logging/logger';
import {
  HttpPartnerCenterClient,
  type HttpPartnerCenterClientOptions,
} from '../../../src/partnerCenter/httpClient';
import { StaticTokenProvider } from '../../../src/partnerCenter/tokenProviders';
import { registerSimulatorRoutes, type SimulatorRouteOptions } from '../../../src/simulator/routes';
import {
  createPartnerCenterSimulator,
  type PartnerCenterSimulator,
  type PartnerCenterSimulatorOptions,
} from '../../../src/simulator/simulator';

export interface SimulatorServer {
  simulator: PartnerCenterSimulator;
  server: restify.Server;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** origin + basePath: the client's baseUrl. */
  apiBaseUrl: string;
  /** A client with test-friendly timings (override any option). */
  createClient(options?: Partial<HttpPartnerCenterClientOptions>): HttpPartnerCenterClient;
  close(): Promise<void>;
}

export async function startSimulatorServer(
  options: PartnerCenterSimulatorOptions & { routes?: SimulatorRouteOptions } = {},
): Promise<SimulatorServer> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const origin = `http://127.0.0.1:${address.port}`;
  const { routes, ...simOptions } = options;
  const simulator = createPartnerCenterSimulator({ publicBaseUrl: origin, ...simOptions });
  const basePath = routes?.basePath ?? '/simulator/partner-center';
  registerSimulatorRoutes(server, simulator, { ...routes, basePath });
  const apiBaseUrl = origin + basePath;
  return {
    simulator,
    server,
    origin,
    apiBaseUrl,
    createClient: (o = {}) =>
      new HttpPartnerCenterClient({
        baseUrl: apiBaseUrl,
        tokenProvider: new StaticTokenProvider('test-token'),
        logger: silentLogger(),
        timeoutMs: 2000,
        maxRetries: 2,
        baseDelayMs: 1,
        maxDelayMs: 5,
        ...o,
      }),
    close: async () => {
      await simulator.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      });
    },
  };
}
