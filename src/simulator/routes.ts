import type { Server } from 'restify';
import { simulatorAdminRoutes } from './http/adminRoutes';
import { simulatorPageRoutes } from './http/pageRoutes';
import { partnerCenterApiRoutes } from './http/partnerCenterApi';
import { createSimulatorRoutes, type SimulatorRouteArea } from './http/pipeline';
import { webhookRegistrationRoutes } from './http/webhookRegistrationRoutes';
import { SIMULATOR_API_BASE_PATH, SIMULATOR_PAGES_PATH } from './model';
import type { PartnerCenterSimulator } from './simulator';

export type {
  ApiHandler,
  ApiMount,
  ApiRegistrar,
  SimulatorRouteArea,
  SimulatorRoutes,
} from './http/pipeline';

export interface SimulatorRouteOptions {
  /** Where the API is mounted (default '/simulator/partner-center'); the client's baseUrl is origin + basePath. */
  basePath?: string;
  /** Register the test/dev endpoints under /simulator/admin (faults, stats). Default true. */
  admin?: boolean;
  /** Largest request body read (default 64 KiB). */
  maxBodyBytes?: number;
  /** Further route areas, registered after the built-in ones (e.g. another simulated API). */
  areas?: readonly SimulatorRouteArea[];
}

/**
 * The simulator's route areas, in registration order. A new area (e.g. Microsoft Graph GDAP
 * endpoints and their pages) is a `SimulatorRouteArea` in its own file under ./http, added here.
 */
export const SIMULATOR_ROUTE_AREAS: readonly SimulatorRouteArea[] = [
  partnerCenterApiRoutes,
  webhookRegistrationRoutes,
  simulatorPageRoutes,
];

/**
 * Registers the simulated Partner Center API under `basePath` and the customer-facing pages under
 * /simulator on a restify server (bodies are read by the routes; no bodyParser needed): every area
 * of SIMULATOR_ROUTE_AREAS, the admin endpoints unless `admin: false`, then `options.areas`.
 * API routes share one pipeline (request ids, stats, bearer check, fault injection): see
 * ./http/pipeline.ts.
 */
export function registerSimulatorRoutes(
  server: Server,
  sim: PartnerCenterSimulator,
  options: SimulatorRouteOptions = {},
): void {
  const routes = createSimulatorRoutes(server, sim, {
    apiBasePath: (options.basePath ?? SIMULATOR_API_BASE_PATH).replace(/\/+$/, ''),
    pagesPath: SIMULATOR_PAGES_PATH,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
  });
  const areas = [
    ...SIMULATOR_ROUTE_AREAS,
    ...(options.admin === false ? [] : [simulatorAdminRoutes]),
    ...(options.areas ?? []),
  ];
  for (const area of areas) area(routes);
}
