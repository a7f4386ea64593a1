import { COMMAND_NAMES, COMMAND_WORDS } from '../../../src/i18n/commands';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  BOT_COMMANDS,
  BOT_FRAMEWORK_TOKEN_DOMAIN,
  BOT_SCOPES,
  buildManifest,
  COLOR_ICON_FILE,
  commandKey,
  GERMAN_FILE,
  LOCAL_APP_ID,
  LOCALIZATION_SCHEMA_URL,
  MANIFEST_FILE,
  MANIFEST_SCHEMA_URL,
  MANIFEST_VERSION,
  ManifestInputError,
  MAX_COMMANDS_PER_LIST,
  OUTLINE_ICON_FILE,
  type AppPackageContent,
} from '../../../src/appPackage/manifest';
import { renderColorIcon, renderOutlineIcon } from '../../../src/appPackage/icons';
import { CUSTOMER_SEARCH_COMMAND_ID, CUSTOMER_SEARCH_PARAMETER } from '../../../src/common/messageExtension';
import {
  bundledSchemaPath,
  checkIcon,
  loadBundledSchema,
  validatePackageDir,
} from '../../../src/appPackage/validate';
import { packageApp, PackagingError } from '../../../src/tools/packageApp';
import { findRepoRoot } from '../../../src/tools/repoRoot';

// @microsoft/app-manifest requires strip-bom 5, which is ESM-only: plain Node 20 loads it
// (require(esm)), Jest's CommonJS runtime cannot. Same behaviour, CommonJS.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
}));

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const REPO = findRepoRoot(__dirname);
const ICON_DIR = join(REPO, 'appPackage');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-apppkg-test-'));
  temps.push(dir);
  return dir;
}

/** Writes an unpacked package (manifest, language files, committed icons) and returns its directory. */
function writePackage(content: AppPackageContent): string {
  const dir = tempDir();
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(content.manifest, null, 2));
  for (const [file, loc] of Object.entries(content.languageFiles)) {
    writeFileSync(join(dir, file), JSON.stringify(loc, null, 2));
  }
  for (const icon of [COLOR_ICON_FILE, OUTLINE_ICON_FILE])
    copyFileSync(join(ICON_DIR, icon), join(dir, icon));
  return dir;
}

const build = (over: Partial<Parameters<typeof buildManifest>[0]> = {}) =>
  buildManifest({
    appId: APP_ID,
    publicBaseUrl: 'https://bot.contoso.com',
    oauthConnectionName: 'TeamsSSO',
    version: '1.2.3',
    ...over,
  });

/** Environment that loadConfig accepts as production. */
const productionEnv = (over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: '8d3f6f7e-3b1c-4f55-9c3e-2a7d9e0b1c22',
  COSMOS_ENDPOINT: 'https://cosmos.contoso.example:443/',
  PARTNER_TENANT_ID: '8d3f6f7e-3b1c-4f55-9c3e-2a7d9e0b1c22',
  ALLOWED_TENANT_IDS: '8d3f6f7e-3b1c-4f55-9c3e-2a7d9e0b1c22',
  PARTNER_CENTER_APP_ID: '0b4a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  PARTNER_CENTER_APP_SECRET: 'not-a-real-secret',
  OAUTH_CONNECTION_NAME: 'TeamsSSO',
  PUBLIC_BASE_URL: 'https://bot.contoso.com',
  WEBHOOK_ALLOWED_CERT_HOSTS: 'certs.partnercenter.example',
  WEBHOOK_TRUSTED_ROOTS_FILE: '/etc/customer-connect/webhook-roots.pem',
  WEBHOOK_CERT_SUBJECT: 'CN=webhook.partnercenter.example',
  GDAP_TEMPLATES_FILE: '/etc/customer-connect/gdap-templates.json',
  ...over,
});

let fetchSpy: jest.SpyInstance | undefined;
beforeEach(() => {
  // Validation must be offline: any network fetch fails the test.
  if (typeof globalThis.fetch === 'function') {
    fetchSpy = jest
      .spyOn(globalThis, 'fetch')
      .mockRejectedValue(new Error('network access in an offline test'));
  }
});
afterEach(() => {
  expect(fetchSpy?.mock.calls ?? []).toEqual([]);
  fetchSpy?.mockRestore();
});
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('schema version', () => {
  it('uses the newest Teams manifest schema bundled in @microsoft/app-manifest', () => {
    const root = join(
      dirname(require.resolve('@microsoft/app-manifest/package.json')),
      'build/json-schemas/teams',
    );
    const versions = readdirSync(root)
      .map((d) => /^v1\.(\d+)$/.exec(d)?.[1])
      .filter((m): m is string => m !== undefined)
      .map(Number);
    expect(`1.${Math.max(...versions)}`).toBe(MANIFEST_VERSION);
    expect(bundledSchemaPath(MANIFEST_SCHEMA_URL)).toBeDefined();
    expect(bundledSchemaPath(LOCALIZATION_SCHEMA_URL)).toBeDefined();
  });
});

describe('buildManifest', () => {
  it('passes the bundled schema validation with zero errors (manifest and de.json)', async () => {
    const content = build();
    const dir = writePackage(content);
    const [read, errors] = await AppManifestUtils.readAndValidateTeamsManifest(join(dir, MANIFEST_FILE));
    expect(errors).toEqual([]);
    expect(read.manifestVersion).toBe(MANIFEST_VERSION);

    const german = JSON.parse(readFileSync(join(dir, GERMAN_FILE), 'utf8')) as AppManifest;
    expect(
      await AppManifestUtils.validateAgainstSchema(german, loadBundledSchema(LOCALIZATION_SCHEMA_URL)),
    ).toEqual([]);
    expect(await validatePackageDir(dir)).toEqual([]);
  });

  it('is also valid without SSO and for a local http base URL', async () => {
    const content = build({
      oauthConnectionName: undefined,
      publicBaseUrl: 'http://localhost:3978',
      appId: LOCAL_APP_ID,
    });
    expect(await validatePackageDir(writePackage(content))).toEqual([]);
  });

  it('declares the bot in personal, team and group chat scopes, conversational, without files', () => {
    const bot = build().manifest.bots?.[0];
    expect(bot).toMatchObject({ botId: APP_ID, supportsFiles: false, isNotificationOnly: false });
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('lists every chat command, with title and description, in a command list for every scope', () => {
    const lists = build().manifest.bots?.[0]?.commandLists ?? [];
    const want = COMMAND_NAMES.map((c) => COMMAND_WORDS[c].en);
    for (const scope of BOT_SCOPES) {
      const forScope = lists.filter((l) => l.scopes.includes(scope));
      expect(forScope).toHaveLength(1);
      const commands = forScope[0]?.commands ?? [];
      expect(commands.map((c) => c.title).sort()).toEqual([...want].sort());
      expect(commands.length).toBeLessThanOrEqual(MAX_COMMANDS_PER_LIST);
      for (const c of commands) expect(c.description?.length).toBeGreaterThan(0);
    }
  });

  it('puts the public host into validDomains, plus the token service and webApplicationInfo with SSO', () => {
    const sso = build().manifest;
    expect(sso.validDomains).toEqual(['bot.contoso.com', BOT_FRAMEWORK_TOKEN_DOMAIN]);
    expect(sso.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://botid-${APP_ID}` });

    const plain = build({
      oauthConnectionName: undefined,
      publicBaseUrl: 'https://bot.contoso.com:8443/base/',
    }).manifest;
    expect(plain.validDomains).toEqual(['bot.contoso.com']);
    expect(plain.webApplicationInfo).toBeUndefined();
    expect(plain.developer.privacyUrl).toBe('https://bot.contoso.com:8443/base/privacy');
  });

  it('describes inviting, the customer list, acceptance notifications and removal with the legal notice', () => {
    const { short, full } = build().manifest.description;
    expect(short).toMatch(/invite/i);
    for (const topic of [
      /invit/i,
      /customer list/i,
      /accept/i,
      /remove a customer relationship/i,
      /legal notice/i,
    ]) {
      expect(full).toMatch(topic);
    }
  });

  it('has a German localization covering name, descriptions and every command of every list', () => {
    const { manifest, languageFiles } = build();
    const de = languageFiles[GERMAN_FILE];
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'de', file: GERMAN_FILE }],
    });
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      expect(de[key]).toBeTruthy();
    }
    expect(de['description.full']).not.toBe(manifest.description.full);
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    lists.forEach((list, l) => {
      list.commands.forEach((command, i) => {
        const spec = BOT_COMMANDS.find((c) => c.en.title === command.title);
        expect(de[commandKey(l, i, 'title')]).toBe(spec?.de.title);
        expect(de[commandKey(l, i, 'description')]).toBe(spec?.de.description);
      });
    });
    expect(BOT_COMMANDS.map((c) => c.de.title).sort()).toEqual(
      COMMAND_NAMES.map((c) => COMMAND_WORDS[c].de).sort(),
    );
  });

  it('offers the search-based message extension "Customers"/"Kunden" powered by the bot (issue 18.4)', () => {
    const { manifest, languageFiles } = build();
    const extensions = manifest.composeExtensions ?? [];
    expect(extensions).toHaveLength(1);
    const extension = extensions[0]!;
    // The bot of the extension is the app's bot: Universal Actions on the inserted cards need that.
    expect(extension.botId).toBe(APP_ID);
    expect(extension.botId).toBe(manifest.bots?.[0]?.botId);
    expect(extension.composeExtensionType).toBe('botBased');
    expect(extension.commands).toEqual([
      expect.objectContaining({
        id: CUSTOMER_SEARCH_COMMAND_ID,
        type: 'query',
        title: 'Customers',
        context: ['compose', 'commandBox'],
        initialRun: true,
        parameters: [expect.objectContaining({ name: CUSTOMER_SEARCH_PARAMETER, inputType: 'text' })],
      }),
    ]);
    const command = extension.commands![0]!;
    expect(command.description?.length).toBeGreaterThan(0);
    expect(command.parameters?.[0]?.title.length).toBeLessThanOrEqual(32);
    const de = languageFiles[GERMAN_FILE];
    expect(de['composeExtensions[0].commands[0].title']).toBe('Kunden');
    expect(de['composeExtensions[0].commands[0].description']).toMatch(/Kunden/);
    expect(de['composeExtensions[0].commands[0].parameters[0].title']).toBe('Firmenname oder Domäne');
    expect(de['composeExtensions[0].commands[0].parameters[0].description']).toBeTruthy();
  });

  it('rejects bad input with an error naming the field', () => {
    expect(() => build({ appId: 'not-a-guid' })).toThrow(ManifestInputError);
    expect(() => build({ appId: 'not-a-guid' })).toThrow(/appId/);
    expect(() => build({ version: '1.2' })).toThrow(/version/);
    expect(() => build({ publicBaseUrl: 'bot.contoso.com' })).toThrow(/publicBaseUrl/);
  });
});

describe('package validation', () => {
  it('reports localization keys that point at nothing in the manifest', async () => {
    const content = build();
    // The lists are full (MAX_COMMANDS_PER_LIST), so the German file's key for the last command of
    // the first list is made to point at nothing by dropping that command from the manifest.
    const manifest = structuredClone(content.manifest);
    const last = manifest.bots![0]!.commandLists![0]!.commands.length - 1;
    manifest.bots![0]!.commandLists![0]!.commands.pop();
    const dir = writePackage({ ...content, manifest });
    const problems = await validatePackageDir(dir);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`commands\\[${last}\\]\\.title" has no string counterpart`)),
      expect.stringMatching(new RegExp(`commands\\[${last}\\]\\.description" has no string counterpart`)),
    ]);
  });

  it('reports an outline icon that is not white on transparent, and wrong icon sizes', () => {
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(0);
    png.data.set([10, 20, 30, 255], 4 * 40);
    expect(checkIcon('outline.png', PNG.sync.write(png), 'outline')).toEqual([
      expect.stringMatching(/white on transparent.*\(8,1\)/),
    ]);
    expect(checkIcon('color.png', PNG.sync.write(png), 'color')).toEqual([expect.stringMatching(/192×192/)]);
  });
});

describe('icons', () => {
  const read = (file: string) => PNG.sync.read(readFileSync(join(ICON_DIR, file)));

  it('color.png is an opaque 192×192 PNG', () => {
    const color = read(COLOR_ICON_FILE);
    expect([color.width, color.height]).toEqual([192, 192]);
    let translucent = 0;
    for (let i = 3; i < color.data.length; i += 4) if (color.data[i] !== 255) translucent++;
    expect(translucent).toBe(0);
  });

  it('outline.png is 32×32, every pixel fully transparent or white, and not empty', () => {
    const outline = read(OUTLINE_ICON_FILE);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let painted = 0;
    const offWhite: string[] = [];
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) continue;
      painted++;
      if (r !== 255 || g !== 255 || b !== 255) offWhite.push(`pixel ${i / 4}: rgba(${r},${g},${b},${a})`);
    }
    expect(offWhite).toEqual([]);
    expect(painted).toBeGreaterThan(50);
  });

  it('the committed icons are exactly what src/tools/makeIcons.ts draws', () => {
    expect(readFileSync(join(ICON_DIR, COLOR_ICON_FILE)).equals(renderColorIcon())).toBe(true);
    expect(readFileSync(join(ICON_DIR, OUTLINE_ICON_FILE)).equals(renderOutlineIcon())).toBe(true);
  });
});

describe('packageApp', () => {
  it('refuses to package without MicrosoftAppId, naming the setting', async () => {
    const error: unknown = await packageApp({ env: {}, local: false, repoRoot: REPO }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PackagingError);
    expect((error as Error).message).toMatch(/MicrosoftAppId/);
  });

  it('refuses a non-https PUBLIC_BASE_URL for a real package', async () => {
    const env = productionEnv({ PUBLIC_BASE_URL: 'http://bot.contoso.com' });
    await expect(
      packageApp({ env, local: false, repoRoot: REPO, outFile: join(tempDir(), 'x.zip') }),
    ).rejects.toThrow(/PUBLIC_BASE_URL/);
  });

  it('writes a valid zip with manifest.json, de.json and both icons', async () => {
    const outFile = join(tempDir(), 'customer-connect.zip');
    const result = await packageApp({ env: productionEnv(), local: false, repoRoot: REPO, outFile });
    expect(result.zipPath).toBe(outFile);
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual([
      COLOR_ICON_FILE,
      GERMAN_FILE,
      MANIFEST_FILE,
      OUTLINE_ICON_FILE,
    ]);
    const manifest = JSON.parse((await zip.file(MANIFEST_FILE)?.async('string')) ?? '{}') as {
      id: string;
      version: string;
      webApplicationInfo?: { resource: string };
    };
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(manifest).toMatchObject({ id: APP_ID, version: pkg.version });
    expect(manifest.webApplicationInfo?.resource).toBe(`api://botid-${APP_ID}`);
  });

  it('with --local uses the deterministic placeholder id and needs no configuration', async () => {
    const outFile = join(tempDir(), 'local.zip');
    const result = await packageApp({ env: {}, local: true, repoRoot: REPO, outFile });
    expect(result.manifest.id).toBe(LOCAL_APP_ID);
    expect(result.manifest.bots?.[0]?.botId).toBe(LOCAL_APP_ID);
    expect(result.manifest.validDomains).toEqual(['localhost']);
  });
});
