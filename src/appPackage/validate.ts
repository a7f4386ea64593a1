import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { MANIFEST_FILE, MAX_COMMANDS_PER_LIST } from './manifest';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons';

/**
 * Offline validation of an unpacked Teams app package directory: the manifest and every
 * localization file against the JSON schemas bundled in @microsoft/app-manifest, plus what the
 * schemas do not check (icon sizes and colours, localization keys that point at nothing,
 * command list sizes). Returns human-readable problems; empty means valid.
 */

const SCHEMA_HOST = 'https://developer.microsoft.com/';

/**
 * Local file of a developer.microsoft.com schema URL inside @microsoft/app-manifest, or undefined
 * when the package does not bundle it (AppManifestUtils would then fetch it over the network).
 */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  if (!schemaUrl.startsWith(`${SCHEMA_HOST}json-schemas/`)) return undefined;
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(root, 'build', schemaUrl.slice(SCHEMA_HOST.length));
  return existsSync(file) ? file : undefined;
}

type SchemaArg = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/** Escapes every `]` that does not close a character class. */
function escapeLoneBrackets(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Makes a regular expression usable by Ajv, which compiles patterns with the `u` flag. The bundled
 * v1.30 localization schema has two keys ending in `\b]\.description` (a lone `]`), which are
 * invalid in unicode mode and make `validateAgainstSchema` throw; escaping the `]` keeps their meaning.
 */
function unicodeSafePattern(source: string): string | undefined {
  for (const candidate of [source, escapeLoneBrackets(source)]) {
    try {
      new RegExp(candidate, 'u');
      return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

function sanitizeSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sanitizeSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'patternProperties' && value !== null && typeof value === 'object') {
      const props: Record<string, unknown> = {};
      for (const [pattern, sub] of Object.entries(value)) {
        const safe = unicodeSafePattern(pattern);
        if (safe !== undefined) props[safe] = sanitizeSchema(sub);
      }
      out[key] = props;
    } else if (key === 'pattern' && typeof value === 'string') {
      out[key] = unicodeSafePattern(value) ?? value;
    } else {
      out[key] = sanitizeSchema(value);
    }
  }
  return out;
}

/** A bundled schema, read like AppManifestUtils.fetchSchema does, with patterns made Ajv-safe. */
export function loadBundledSchema(schemaUrl: string): SchemaArg {
  const file = bundledSchemaPath(schemaUrl);
  if (!file) throw new Error(`schema ${schemaUrl} is not bundled in @microsoft/app-manifest`);
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return sanitizeSchema(JSON.parse(text)) as SchemaArg;
}

function requireBundledSchema(file: string, schemaUrl: unknown): string | undefined {
  if (typeof schemaUrl !== 'string') return `${file}: $schema is missing`;
  if (!bundledSchemaPath(schemaUrl)) {
    return `${file}: $schema ${schemaUrl} is not bundled in @microsoft/app-manifest (offline validation impossible)`;
  }
  return undefined;
}

/** Value at a localization key such as `bots[0].commandLists[1].commands[2].title`, if any. */
function valueAtKey(root: unknown, key: string): unknown {
  let node: unknown = root;
  for (const part of key.split('.')) {
    const m = /^([A-Za-z_$][\w$]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    const name = m[1] ?? '';
    const indexes = [...(m[2] ?? '').matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[name];
    for (const i of indexes) {
      if (!Array.isArray(node)) return undefined;
      node = node[i];
    }
  }
  return node;
}

/** Problems with a PNG icon: wrong size, or (outline) a pixel that is neither transparent nor white. */
export function checkIcon(file: string, png: Buffer, kind: 'color' | 'outline'): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (e) {
    return [`${file}: not a readable PNG (${(e as Error).message})`];
  }
  const want = kind === 'color' ? COLOR_ICON_SIZE : OUTLINE_ICON_SIZE;
  const problems: string[] = [];
  if (image.width !== want || image.height !== want) {
    problems.push(`${file}: ${kind} icon must be ${want}×${want}, is ${image.width}×${image.height}`);
  }
  if (kind === 'outline') {
    for (let i = 0; i < image.width * image.height; i++) {
      const channel = (k: number): number => image.data[i * 4 + k] ?? 0;
      const [r, g, b, a] = [channel(0), channel(1), channel(2), channel(3)];
      if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
        const x = i % image.width;
        const y = Math.floor(i / image.width);
        problems.push(
          `${file}: outline icon must be white on transparent; pixel (${x},${y}) is rgba(${r},${g},${b},${a})`,
        );
        break;
      }
    }
  }
  return problems;
}

interface ManifestShape {
  $schema?: string;
  icons?: { color?: string; outline?: string };
  localizationInfo?: {
    additionalLanguages?: { languageTag: string; file: string }[];
    defaultLanguageFile?: string;
  };
  bots?: { commandLists?: { commands?: unknown[] }[] }[];
}

export async function validatePackageDir(dir: string): Promise<string[]> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return [`${MANIFEST_FILE}: missing`];
  let raw: ManifestShape;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestShape;
  } catch (e) {
    return [`${MANIFEST_FILE}: not valid JSON (${(e as Error).message})`];
  }
  const offline = requireBundledSchema(MANIFEST_FILE, raw.$schema);
  if (offline) return [offline];

  const problems: string[] = [];
  const [, schemaErrors] = await AppManifestUtils.readAndValidateTeamsManifest(manifestPath);
  problems.push(...schemaErrors.map((e) => `${MANIFEST_FILE}: ${e.trim()}`));

  (raw.bots ?? []).forEach((bot, b) =>
    (bot.commandLists ?? []).forEach((list, l) => {
      if ((list.commands?.length ?? 0) > MAX_COMMANDS_PER_LIST) {
        problems.push(
          `${MANIFEST_FILE}: bots[${b}].commandLists[${l}] has more than ${MAX_COMMANDS_PER_LIST} commands`,
        );
      }
    }),
  );

  for (const [kind, file] of [
    ['color', raw.icons?.color],
    ['outline', raw.icons?.outline],
  ] as const) {
    if (!file) continue; // reported by the schema
    const path = join(dir, file);
    if (!existsSync(path)) problems.push(`${file}: ${kind} icon is missing`);
    else problems.push(...checkIcon(file, readFileSync(path), kind));
  }

  const languageFiles = [
    ...(raw.localizationInfo?.defaultLanguageFile ? [raw.localizationInfo.defaultLanguageFile] : []),
    ...(raw.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  for (const file of languageFiles) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`${file}: localization file is missing`);
      continue;
    }
    let loc: Record<string, unknown>;
    try {
      loc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const locOffline = requireBundledSchema(file, loc.$schema);
    if (locOffline) {
      problems.push(locOffline);
      continue;
    }
    const locErrors = await AppManifestUtils.validateAgainstSchema(
      // The validator is typed for manifests; here it checks a localization file against its own schema.
      loc as AppManifest,
      loadBundledSchema(String(loc.$schema)),
    );
    problems.push(...locErrors.map((e) => `${file}: ${e.trim()}`));
    for (const key of Object.keys(loc)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      if (typeof valueAtKey(raw, key) !== 'string') {
        problems.push(`${file}: key "${key}" has no string counterpart in ${MANIFEST_FILE}`);
      }
    }
  }
  return problems;
}
