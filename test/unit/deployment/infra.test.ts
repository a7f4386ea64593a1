import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENV_VARIABLES, loadConfig } from '../../../src/config/config';
import { CONTAINERS } from '../../../src/storage/containers';
import { METRICS } from '../../../src/telemetry/names';
import { findRepoRoot } from '../../../src/tools/repoRoot';
import {
  matchingClose,
  objectEntries,
  objectEntrySpans,
  paramAssignments,
  params,
  parseBicep,
  resolveVariable,
  resources,
  variables,
  type BicepSource,
  type ResourceDecl,
} from './bicepText';

/**
 * deployment/*.bicep against the code, read as text (no Bicep compiler here): the Cosmos DB
 * containers, the database name, the app settings, the health probe, the runtime and the bot's
 * messaging endpoint must agree with what the app expects.
 */

/**
 * Environment variables of ENV_VARIABLES deliberately NOT set in Azure. Keep this minimal; each
 * entry needs a reason, and main.bicep names the same ones next to its app settings.
 */
const NOT_SET_IN_AZURE: Readonly<Record<string, string>> = {
  // The local Partner Center simulator only: off whenever MicrosoftAppId is set.
  SIMULATOR_CUSTOMERS: 'simulator only',
  // Simulator only; a default role must never exist in production.
  SIMULATOR_DEFAULT_ROLE: 'simulator only',
  // Simulator only: whether the simulated Partner Center refuses the partner's own removals.
  SIMULATOR_RESELLER_REMOVAL: 'simulator only',
};

/** Settings that carry secrets: their value must come from Key Vault (or be empty), never a literal. */
const SECRET_SETTINGS = ['PARTNER_CENTER_APP_SECRET', 'MicrosoftAppPassword', 'COSMOS_KEY'] as const;

const root = findRepoRoot();
const deploymentDir = join(root, 'deployment');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const bicepFiles = filesUnder(deploymentDir, '.bicep');
const sources: BicepSource[] = bicepFiles.map((f) => parseBicep(relative(root, f), readFileSync(f, 'utf8')));
const allResources: ResourceDecl[] = sources.flatMap(resources);
const allVariables = new Map(sources.flatMap((s) => [...variables(s)]));
const mainSource = sources.find((s) => s.file === join('deployment', 'main.bicep'));

function resourcesOfType(type: string): ResourceDecl[] {
  return allResources.filter((r) => r.type.toLowerCase() === type.toLowerCase());
}

function onlyResourceOfType(type: string): ResourceDecl {
  const found = resourcesOfType(type);
  if (found.length !== 1) throw new Error(`expected exactly one ${type} resource, found ${found.length}`);
  return found[0] as ResourceDecl;
}

/** The value of `key:` at the top level of a resource body, or of one of its nested blocks. */
function property(resource: ResourceDecl, ...path: string[]): string | undefined {
  let block = resource.body;
  let skeleton = resource.bodySkeleton;
  for (const [n, key] of path.entries()) {
    const entry = objectEntrySpans(block, skeleton).get(key);
    if (entry === undefined || n === path.length - 1) return entry?.value;
    if (!entry.value.startsWith('{')) return undefined;
    const end = matchingClose(skeleton, entry.start);
    block = block.slice(entry.start, end);
    skeleton = skeleton.slice(entry.start, end);
  }
  return undefined;
}

/** A single-quoted literal without interpolation → its text; anything else → undefined. */
function literal(expr: string | undefined): string | undefined {
  const m = expr === undefined ? null : /^'([^'$]*)'$/.exec(expr.trim());
  return m ? (m[1] as string) : undefined;
}

function serverSource(): string {
  return readFileSync(join(root, 'src', 'server', 'server.ts'), 'utf8');
}

/** Every string literal of the text, for route checks. */
function quotedRoutes(text: string): string[] {
  return [...text.matchAll(/['"`](\/[^'"`\s]*)['"`]/g)].map((m) => m[1] as string);
}

describe('deployment/*.bicep parsing', () => {
  it('finds the Bicep files, main.bicep among them', () => {
    expect(bicepFiles.length).toBeGreaterThan(0);
    expect(mainSource).toBeDefined();
  });

  it('blanks comments but not // inside strings, and keeps offsets', () => {
    const src = parseBicep('x.bicep', "var a = 'https://x/${b}' // note {\n/* c [ */ var b = { k: '}' }\n");
    expect(src.code.length).toBe(src.skeleton.length);
    expect(src.code).toContain("'https://x/${b}'");
    expect(src.code).not.toContain('note');
    expect(src.code).not.toContain('c [');
    expect(variables(src).get('b')).toBe("{ k: '}' }");
  });

  it('reads object keys at the top level only, values spanning lines', () => {
    const block = "{\n  a: 'x'\n  b: {\n    c: 1\n  }\n  d: cond\n    ? 'y'\n    : ''\n}";
    const src = parseBicep('y.bicep', block);
    const entries = objectEntries(src.code, src.skeleton);
    expect([...entries.keys()]).toEqual(['a', 'b', 'd']);
    expect(entries.get('d')).toBe("cond\n    ? 'y'\n    : ''");
  });
});

describe('Cosmos DB', () => {
  /** Container definitions: `{ id: '…', partitionKeyPath: '…', defaultTtl: n }` objects. */
  function bicepContainers(): Array<{ id: string; partitionKey: string; defaultTtl?: number }> {
    const out: Array<{ id: string; partitionKey: string; defaultTtl?: number }> = [];
    for (const src of sources) {
      // Innermost blocks (no nested braces in the skeleton) holding a partitionKeyPath key.
      for (const m of src.skeleton.matchAll(/\{[^{}]*\}/g)) {
        const block = src.code.slice(m.index, m.index + m[0].length);
        const entries = objectEntries(block, m[0]);
        if (!entries.has('partitionKeyPath')) continue;
        const id = literal(entries.get('id'));
        const partitionKey = literal(entries.get('partitionKeyPath'));
        const ttl = entries.get('defaultTtl');
        if (id === undefined || partitionKey === undefined || (ttl !== undefined && !/^-?\d+$/.test(ttl))) {
          throw new Error(`${src.file}: container definition is not plain literals: ${block}`);
        }
        out.push({ id, partitionKey, ...(ttl === undefined ? {} : { defaultTtl: Number(ttl) }) });
      }
    }
    return out;
  }

  it('declares every container of CONTAINERS with the same id, partition key and defaultTtl, and no other', () => {
    const expected = Object.values(CONTAINERS)
      .map((c) => ({
        id: c.id,
        partitionKey: c.partitionKey,
        ...('defaultTtl' in c ? { defaultTtl: c.defaultTtl } : {}),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const actual = bicepContainers().sort((a, b) => a.id.localeCompare(b.id));
    expect(actual).toEqual(expected);
  });

  it('creates the containers from those definitions, with partition key and TTL', () => {
    const containerResources = resourcesOfType(
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
    );
    expect(containerResources).toHaveLength(1);
    const body = (containerResources[0] as ResourceDecl).body;
    expect(body).toMatch(/^\[\s*for\s+\w+\s+in\s+\w+\s*:/);
    expect(body).toMatch(/\.partitionKeyPath\b/);
    expect(body).toMatch(/\.\??defaultTtl\b/);
  });

  it('names the database by a parameter whose default is the app default (customer-connect)', () => {
    const appDefault = loadConfig({}).cosmos.database;
    expect(appDefault).toBe('customer-connect');
    const database = onlyResourceOfType('Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    const nameExpr = property(database, 'name') ?? '';
    const param = mainSource ? params(mainSource).get(nameExpr) : undefined;
    expect(param).toBeDefined();
    expect(literal(param?.defaultValue)).toBe(appDefault);
    expect(property(database, 'properties', 'resource', 'id')).toBe(nameExpr);
  });

  it('serverless by default, and key access off when the managed identity is used', () => {
    const main = mainSource as BicepSource;
    expect(params(main).get('cosmosServerless')?.defaultValue).toBe('true');
    const account = onlyResourceOfType('Microsoft.DocumentDB/databaseAccounts');
    expect(property(account, 'properties', 'capabilities')).toContain("'EnableServerless'");
    expect(property(account, 'properties', 'disableLocalAuth')).toBe('cosmosUseManagedIdentity');
    expect(params(main).get('cosmosUseManagedIdentity')?.defaultValue).toBe('true');
  });

  it('gives the identity the Cosmos DB Built-in Data Contributor role', () => {
    const assignment = onlyResourceOfType('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    const roleId = resolveVariable(
      property(assignment, 'properties', 'roleDefinitionId') ?? '',
      allVariables,
    );
    const mentioned = /00000000-0000-0000-0000-000000000002/.test(roleId)
      ? true
      : [...roleId.matchAll(/\$\{([\w.]+)\}/g)].some((m) => {
          const [head, field] = (m[1] as string).split('.');
          const obj = allVariables.get(head ?? '');
          return !!obj && !!field && /00000000-0000-0000-0000-000000000002/.test(objectField(obj, field));
        });
    expect(mentioned).toBe(true);
  });
});

/** `field: '…'` inside a `{…}` variable value. */
function objectField(objectExpr: string, field: string): string {
  const src = parseBicep('var', objectExpr);
  return objectEntries(src.code, src.skeleton).get(field) ?? '';
}

describe('App Service', () => {
  function appSettings(): Map<string, string> {
    const settings = new Map<string, string>();
    // Form 1: Microsoft.Web/sites/config named 'appsettings' with properties { NAME: value }.
    for (const r of resourcesOfType('Microsoft.Web/sites/config')) {
      if (literal(property(r, 'name')) !== 'appsettings') continue;
      const props = property(r, 'properties');
      if (!props) throw new Error(`${r.file}: appsettings resource ${r.symbol} has no properties block`);
      const src = parseBicep(r.file, props);
      for (const [k, v] of objectEntries(src.code, src.skeleton)) settings.set(k, v);
    }
    // Form 2: siteConfig.appSettings: [ { name: 'NAME', value: … } ].
    for (const r of resourcesOfType('Microsoft.Web/sites')) {
      const list = property(r, 'properties', 'siteConfig', 'appSettings');
      if (!list) continue;
      const src = parseBicep(r.file, list);
      for (const m of src.skeleton.matchAll(/\{[^{}]*\}/g)) {
        const entries = objectEntries(src.code.slice(m.index, m.index + m[0].length), m[0]);
        const name = literal(entries.get('name'));
        if (name) settings.set(name, entries.get('value') ?? '');
      }
    }
    return settings;
  }

  it('sets every ENV_VARIABLES name as an app setting, except the documented few', () => {
    const settings = appSettings();
    const missing = ENV_VARIABLES.filter((name) => !settings.has(name) && !(name in NOT_SET_IN_AZURE));
    expect(missing).toEqual([]);
  });

  it('keeps the exception list honest: every exception is a real variable and is not set', () => {
    const settings = appSettings();
    for (const name of Object.keys(NOT_SET_IN_AZURE)) {
      expect(ENV_VARIABLES).toContain(name);
      expect(settings.has(name)).toBe(false);
      // Named in main.bicep's comment beside the app settings, so a reader there sees them too.
      expect(readFileSync(join(deploymentDir, 'main.bicep'), 'utf8')).toContain(name);
    }
  });

  it('sets the platform settings: Application Insights, AZURE_CLIENT_ID for DefaultAzureCredential, PORT', () => {
    const settings = appSettings();
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toMatch(/ConnectionString/);
    expect(settings.get('AZURE_CLIENT_ID')).toMatch(/\.clientId$/);
    expect(settings.get('PORT')).toBe(settings.get('WEBSITES_PORT'));
    expect(settings.get('COSMOS_DATABASE')).toBe('cosmosDatabaseName');
  });

  it('takes secrets from Key Vault references, never from literals', () => {
    const settings = appSettings();
    const referenceFunc = /func\s+(\w+)\s*\([^)]*\)\s*string\s*=>\s*'@Microsoft\.KeyVault\(SecretUri=/.exec(
      mainSource?.code ?? '',
    )?.[1];
    for (const name of SECRET_SETTINGS) {
      const value = settings.get(name) ?? '';
      const usesKeyVault =
        value.includes('@Microsoft.KeyVault(') || (!!referenceFunc && value.includes(`${referenceFunc}(`));
      expect({ name, usesKeyVault }).toEqual({ name, usesKeyVault: true });
      // The only literal allowed is '' (e.g. no password with a managed identity).
      const literals = [...value.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
      expect({ name, literals: literals.filter((l) => l !== '') }).toEqual({ name, literals: [] });
    }
    const site = onlyResourceOfType('Microsoft.Web/sites');
    expect(property(site, 'properties', 'keyVaultReferenceIdentity')).toMatch(/\.id$/);
  });

  it('probes the health endpoint the server exposes', () => {
    const site = onlyResourceOfType('Microsoft.Web/sites');
    const path = literal(property(site, 'properties', 'siteConfig', 'healthCheckPath'));
    expect(path).toBe('/healthz');
    expect(quotedRoutes(serverSource())).toContain(path);
  });

  it('runs Node 20 LTS on Linux, always on, HTTPS only, TLS 1.2, starting the built app like npm start', () => {
    const site = onlyResourceOfType('Microsoft.Web/sites');
    expect(literal(property(site, 'properties', 'siteConfig', 'linuxFxVersion'))).toBe('NODE|20-lts');
    expect(property(site, 'properties', 'siteConfig', 'alwaysOn')).toBe('true');
    expect(property(site, 'properties', 'httpsOnly')).toBe('true');
    expect(literal(property(site, 'properties', 'siteConfig', 'minTlsVersion'))).toBe('1.2');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      engines?: { node?: string };
    };
    expect(literal(property(site, 'properties', 'siteConfig', 'appCommandLine'))).toBe(pkg.scripts.start);
    expect(pkg.engines?.node).toMatch(/>=\s*20\b/);
  });
});

describe('Azure Bot', () => {
  it('points the messaging endpoint at /api/messages of the web app', () => {
    const bot = onlyResourceOfType('Microsoft.BotService/botServices');
    const endpoint = resolveVariable(property(bot, 'properties', 'endpoint') ?? '', allVariables);
    expect(endpoint).toMatch(
      /^'https:\/\/\$\{\w+(\.[\w.]+)?\}\/api\/messages'$|^'\$\{\w+\}\/api\/messages'$/,
    );
    expect(quotedRoutes(serverSource())).toContain('/api/messages');
  });

  it('uses the user-assigned identity by default and can be SingleTenant', () => {
    const main = mainSource as BicepSource;
    const appType = params(main).get('botAppType');
    expect(literal(appType?.defaultValue)).toBe('UserAssignedMSI');
    expect(main.code).toMatch(/@allowed\(\[\s*'UserAssignedMSI'\s*'SingleTenant'\s*\]\)\s*param botAppType/);
    const bot = onlyResourceOfType('Microsoft.BotService/botServices');
    expect(property(bot, 'properties', 'msaAppType')).toBe('botAppType');
    expect(property(bot, 'properties', 'msaAppMSIResourceId')).toMatch(/identity\.id/);
  });

  it('enables the Microsoft Teams channel', () => {
    const channel = onlyResourceOfType('Microsoft.BotService/botServices/channels');
    expect(literal(property(channel, 'properties', 'channelName'))).toBe('MsTeamsChannel');
  });
});

describe('outputs and parameters file', () => {
  it('outputs what the app package and Partner Center need', () => {
    const main = mainSource as BicepSource;
    const outputs = new Map(
      [...main.code.matchAll(/^output\s+(\w+)\s+\w+\s*=\s*([^\n]+)$/gm)].map((m) => [m[1], m[2]?.trim()]),
    );
    for (const name of [
      'botAppId',
      'webAppHostName',
      'publicBaseUrl',
      'messagingEndpoint',
      'webhookUrl',
      'cosmosEndpoint',
      'keyVaultName',
    ]) {
      expect(outputs.has(name)).toBe(true);
    }
    expect(resolveVariable(outputs.get('webhookUrl') ?? '', allVariables)).toMatch(
      /\/api\/partner-center\/events'$/,
    );
  });

  it('main.bicepparam sets only declared parameters and every required one', () => {
    const main = mainSource as BicepSource;
    const declared = params(main);
    const files = filesUnder(deploymentDir, '.bicepparam');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const src = parseBicep(relative(root, file), readFileSync(file, 'utf8'));
      expect(src.code).toMatch(/^using\s+'\.\/main\.bicep'/m);
      const assigned = paramAssignments(src);
      expect([...assigned.keys()].filter((name) => !declared.has(name))).toEqual([]);
      const required = [...declared.values()].filter((p) => p.defaultValue === undefined).map((p) => p.name);
      expect(required.filter((name) => !assigned.has(name))).toEqual([]);
    }
  });
});

describe('deployment/alerts.bicep (alert rules on the app telemetry)', () => {
  const alertsFile = join(deploymentDir, 'alerts.bicep');
  const text = readFileSync(alertsFile, 'utf8');
  const known = new Set<string>(Object.values(METRICS));

  it('is used by main.bicep with the Application Insights resource', () => {
    expect(readFileSync(join(deploymentDir, 'main.bicep'), 'utf8')).toMatch(
      /module alerts 'alerts\.bicep'[\s\S]*appInsightsId: appInsights\.id/,
    );
  });

  it('alerts on failed notifications, Partner Center 5xx and GDAP expiring within 7 days', () => {
    expect(text).toContain(`name == "${METRICS.notificationsFailed}"`);
    expect(text).toMatch(new RegExp(`name == "${METRICS.partnerCenterFailed.replace(/\./g, '\\.')}".*"5xx"`));
    expect(text).toMatch(new RegExp(`name == "${METRICS.gdapExpiring.replace(/\./g, '\\.')}".*"7"`));
  });

  it('names only metrics the app emits', () => {
    const named = [...text.matchAll(/name == "([^"]+)"/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThanOrEqual(3);
    expect(named.filter((n) => !known.has(n))).toEqual([]);
  });
});
