import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import JSZip from 'jszip';
import { AppError } from '../common/errors';
import { loadConfig } from '../config/config';
import {
  buildManifest,
  COLOR_ICON_FILE,
  LOCAL_APP_ID,
  MANIFEST_FILE,
  OUTLINE_ICON_FILE,
  type TeamsManifest,
} from '../appPackage/manifest';
import { validatePackageDir } from '../appPackage/validate';
import { findRepoRoot } from './repoRoot';

/**
 * Builds the Teams app package appPackage/build/customer-connect.zip from configuration.
 *
 *   node dist/tools/packageApp.js          needs MicrosoftAppId (and an https PUBLIC_BASE_URL)
 *   node dist/tools/packageApp.js --local  placeholder app id, for local tries; writes
 *                                          appPackage/build/customer-connect-local.zip
 *
 * Reads .env from the repository root (real environment variables win), validates the package
 * offline and refuses to write it when anything is wrong.
 */

export class PackagingError extends AppError {
  constructor(message: string) {
    super('app_package_invalid', message);
  }
}

interface PackageOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly local: boolean;
  readonly repoRoot: string;
  /** Defaults to appPackage/build/customer-connect.zip (customer-connect-local.zip with local). */
  readonly outFile?: string;
}

interface PackageResult {
  readonly zipPath: string;
  readonly manifest: TeamsManifest;
  readonly files: readonly string[];
}

/** Fixed timestamp for zip entries, so the same input gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1));

function readVersion(repoRoot: string): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new PackagingError('package.json has no "version"');
  return pkg.version;
}

export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const config = loadConfig(options.env);
  const appId = options.local ? LOCAL_APP_ID : config.bot.appId;
  if (!appId) {
    throw new PackagingError(
      'MicrosoftAppId is not set. A Teams app package needs the Entra app id of the bot registration: ' +
        'set MicrosoftAppId (with the other production settings) in .env or the environment, ' +
        'or run with --local for a package with a placeholder id.',
    );
  }
  const publicBaseUrl = config.server.publicBaseUrl;
  if (!options.local && !publicBaseUrl.startsWith('https://')) {
    throw new PackagingError(
      `PUBLIC_BASE_URL must be an https URL for a Teams package, got "${publicBaseUrl}".`,
    );
  }
  const { manifest, languageFiles } = buildManifest({
    appId,
    publicBaseUrl,
    oauthConnectionName: options.local ? undefined : config.bot.oauthConnectionName,
    version: readVersion(options.repoRoot),
  });

  const appPackageDir = join(options.repoRoot, 'appPackage');
  const stage = mkdtempSync(join(tmpdir(), 'customer-connect-package-'));
  try {
    const contents: Record<string, Buffer> = {
      [MANIFEST_FILE]: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    };
    for (const [file, loc] of Object.entries(languageFiles)) {
      contents[file] = Buffer.from(`${JSON.stringify(loc, null, 2)}\n`);
    }
    for (const icon of [COLOR_ICON_FILE, OUTLINE_ICON_FILE]) {
      try {
        contents[icon] = readFileSync(join(appPackageDir, icon));
      } catch {
        throw new PackagingError(`appPackage/${icon} is missing: run node dist/tools/makeIcons.js`);
      }
    }
    for (const [file, data] of Object.entries(contents)) writeFileSync(join(stage, file), data);

    const problems = await validatePackageDir(stage);
    if (problems.length > 0) {
      throw new PackagingError(
        `The Teams app package is invalid (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    }

    const zip = new JSZip();
    const files = Object.keys(contents).sort();
    for (const file of files) zip.file(file, contents[file] ?? Buffer.alloc(0), { date: ZIP_DATE });
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
    const zipPath =
      options.outFile ??
      join(appPackageDir, 'build', options.local ? 'customer-connect-local.zip' : 'customer-connect.zip');
    mkdirSync(dirname(zipPath), { recursive: true });
    writeFileSync(zipPath, data);
    return { zipPath, manifest, files };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Relative to the working directory when inside it, absolute otherwise. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

const USAGE = 'Usage: node dist/tools/packageApp.js [--local]\n';

export async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--local' && a !== '--help' && a !== '-h');
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (unknown.length > 0) {
    process.stderr.write(`packageApp: unknown argument(s): ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const local = argv.includes('--local');
  try {
    const repoRoot = findRepoRoot();
    const env: NodeJS.ProcessEnv = { ...process.env };
    loadDotenv({ path: join(repoRoot, '.env'), quiet: true, processEnv: env });
    const result = await packageApp({ env, local, repoRoot });
    const bot = result.manifest.bots?.[0];
    process.stdout.write(
      `Wrote ${displayPath(result.zipPath)} ` +
        `(manifest ${result.manifest.manifestVersion}, version ${result.manifest.version}, ` +
        `bot ${bot?.botId ?? '?'}${local ? ' [local placeholder id]' : ''}, files: ${result.files.join(', ')})\n`,
    );
    return 0;
  } catch (e) {
    const message =
      e instanceof AppError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(`packageApp: ${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
