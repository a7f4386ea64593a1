import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphRoleService, RoleLookupError } from '../../../src/identity/graphRoleService';
import { CachingRoleService } from '../../../src/domain/roles';
import { silentLogger } from '../../../src/logging/logger';

const GLOBAL = '62e90394-69f5-4237-9190-012177145e10';
const USERS: Record<string, object[][]> = {
  // two pages: a directory role that is not Global Administrator, then the AdminAgents group
  'aaaaaaaa-0000-4000-8000-000000000001': [
    [
      {
        '@odata.type': '#microsoft.graph.directoryRole',
        roleTemplateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
        displayName: 'User Administrator',
      },
    ],
    [{ '@odata.type': '#microsoft.graph.group', displayName: 'AdminAgents' }],
  ],
  'aaaaaaaa-0000-4000-8000-000000000002': [
    [
      {
        '@odata.type': '#microsoft.graph.directoryRole',
        roleTemplateId: GLOBAL,
        displayName: 'Global Administrator',
      },
      { '@odata.type': '#microsoft.graph.group', displayName: 'SalesAgents' },
    ],
  ],
  'aaaaaaaa-0000-4000-8000-000000000003': [
    [{ '@odata.type': '#microsoft.graph.group', displayName: 'Marketing' }],
  ],
  'aaaaaaaa-0000-4000-8000-000000000004': [
    [{ '@odata.type': '#microsoft.graph.group', displayName: 'HelpdeskAgents' }],
  ],
};

describe('GraphRoleService against a local Microsoft Graph stand-in', () => {
  let server: http.Server;
  let base = '';
  const seen: { url: string; auth?: string }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (failNext > 0) {
        failNext--;
        res.statusCode = 503;
        res.end('{}');
        return;
      }
      const m = /^\/v1\.0\/users\/([^/]+)\/transitiveMemberOf\?(.*)$/.exec(req.url ?? '');
      const pages = m ? USERS[m[1]!] : undefined;
      if (!m || !pages) {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { code: 'Request_ResourceNotFound' } }));
        return;
      }
      const page = Number(new URLSearchParams(m[2]).get('page') ?? '0');
      const next =
        page + 1 < pages.length
          ? `${base}/v1.0/users/${m[1]}/transitiveMemberOf?page=${page + 1}`
          : undefined;
      res.end(JSON.stringify({ value: pages[page], ...(next ? { '@odata.nextLink': next } : {}) }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const service = () =>
    new GraphRoleService({
      getToken: async () => 'graph-app-token',
      logger: silentLogger(),
      baseUrl: `${base}/v1.0`,
    });

  it.each([
    ['aaaaaaaa-0000-4000-8000-000000000001', ['AdminAgent']],
    ['aaaaaaaa-0000-4000-8000-000000000002', ['GlobalAdmin', 'SalesAgent']],
    ['aaaaaaaa-0000-4000-8000-000000000003', []],
    ['aaaaaaaa-0000-4000-8000-000000000004', ['HelpdeskAgent']],
    ['aaaaaaaa-0000-4000-8000-00000000ffff', []],
    ['not-a-guid/../../me', []],
  ])('%s → %j', async (id, roles) => {
    expect(await service().rolesOf(id)).toEqual(roles);
  });

  it('sends the App-only token and follows nextLink', async () => {
    seen.length = 0;
    await service().rolesOf('aaaaaaaa-0000-4000-8000-000000000001');
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => s.auth === 'Bearer graph-app-token')).toBe(true);
  });

  it('fails with a typed error when Graph is down, and the cache keeps answers for its TTL', async () => {
    const cached = new CachingRoleService(service(), 60_000);
    expect(await cached.rolesOf('aaaaaaaa-0000-4000-8000-000000000004')).toEqual(['HelpdeskAgent']);
    failNext = 1;
    expect(await cached.rolesOf('aaaaaaaa-0000-4000-8000-000000000004')).toEqual(['HelpdeskAgent']);
    await expect(service().rolesOf('aaaaaaaa-0000-4000-8000-000000000004')).rejects.toBeInstanceOf(
      RoleLookupError,
    );
    failNext = 0;
  });
});
