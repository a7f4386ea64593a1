import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { inert, TrustedText, unlinked, withoutTemplateCode } from './untrusted';

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** A card template from `cards/<name>.json`, typed by the data it expects. */
export interface CardTemplate<TData extends object> {
  readonly name: string;
  /** Phantom field tying the data type to the template. */
  readonly _data?: TData;
}

let cardsDir: string | undefined;
function findCardsDir(): string {
  if (cardsDir) return cardsDir;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'cards');
    if (existsSync(path.join(candidate, 'help.json'))) return (cardsDir = candidate);
    dir = path.dirname(dir);
  }
  throw new Error('cards/ directory with the card templates was not found');
}

const cache = new Map<string, object>();
export function loadTemplateJson(name: string): object {
  let json = cache.get(name);
  if (!json) {
    json = JSON.parse(readFileSync(path.join(findCardsDir(), `${name}.json`), 'utf8')) as object;
    cache.set(name, json);
  }
  return json;
}

export function defineCard<TData extends object>(name: string): CardTemplate<TData> {
  return { name };
}

/**
 * Parsed templates, one per card, kept for the life of the process. `new Template(json)` parses
 * every `${…}` of the card with adaptive-expressions (an ANTLR parser); `expand` only evaluates
 * the parsed expressions, so a Template is built once and expanded for every rendering.
 * `expand` keeps its evaluation context on the instance only while it runs synchronously, so one
 * instance serves all turns of the process.
 */
const templates = new Map<string, ACData.Template>();
function parsedTemplate(name: string): ACData.Template {
  let template = templates.get(name);
  if (!template) {
    template = new ACData.Template(loadTemplateJson(name));
    templates.set(name, template);
  }
  return template;
}

/**
 * Expands a template with its data. Every data string is text from outside unless it is a
 * `TrustedText` (src/cards/untrusted.ts): where it lands in a TextBlock or a Fact it is made `inert`
 * (no live Markdown, links or template code); in a TextRun (no Markdown there) `unlinked`; in any other displayed property (a button
 * title, a label, an input value) template code is taken out; in Action data, verbs, ids and URLs it
 * stays as it is. New templates and card builders get this without doing anything.
 */
export function render<TData extends object>(template: CardTemplate<TData>, data: TData): AdaptiveCardJson {
  const expanded = parsedTemplate(template.name).expand({ $root: markData(data) }) as unknown;
  return finish(expanded, 'plain') as AdaptiveCardJson;
}

// Each outside string is wrapped in two private-use characters while the template is expanded, so
// that afterwards it can be told apart from the template's own text wherever it was put.
const OPEN = '\ue000';
const CLOSE = '\ue001';
const MARKERS = /[\ue000\ue001]/g;
const MARKED = /\ue000([^\ue000\ue001]*)\ue001/g;
const HAS_MARKER = /[\ue000\ue001]/;

function markData(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = HAS_MARKER.test(value) ? value.replace(MARKERS, '') : value;
    // Empty strings stay empty: templates test them with `!= ''`.
    return text === '' ? text : OPEN + text + CLOSE;
  }
  if (value instanceof TrustedText) return value.text.replace(MARKERS, '');
  if (Array.isArray(value)) return value.map(markData);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record)) out[key] = markData(record[key]);
    return out;
  }
  return value;
}

/** How a string property of the expanded card shows outside text. */
type Place = 'markdown' | 'textRun' | 'plain' | 'raw';
const MARKDOWN_PROPERTIES: Record<string, readonly string[]> = {
  TextBlock: ['text'],
  Fact: ['title', 'value'],
};
/** Properties whose value is not displayed but used: kept byte for byte. */
const RAW_PROPERTIES = new Set(['data', 'verb', 'id', 'url', 'iconUrl', 'associatedInputs', 'style', 'type']);

const unmark: Record<Place, (text: string) => string> = {
  markdown: inert,
  textRun: unlinked,
  plain: withoutTemplateCode,
  raw: (text) => text,
};

function finish(node: unknown, place: Place, type?: string): unknown {
  // Most strings of a card are the template's own: they come back as they are.
  if (typeof node === 'string')
    return node.includes(OPEN) ? node.replace(MARKED, (_m, text: string) => unmark[place](text)) : node;
  if (Array.isArray(node)) return node.map((item) => finish(item, place, type));
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const ownType = typeof record['type'] === 'string' ? record['type'] : type;
  const markdownKeys = ownType === undefined ? undefined : MARKDOWN_PROPERTIES[ownType];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const childPlace: Place =
      place === 'raw' || RAW_PROPERTIES.has(key)
        ? 'raw'
        : markdownKeys?.includes(key)
          ? 'markdown'
          : ownType === 'TextRun' && key === 'text'
            ? 'textRun'
            : 'plain';
    out[key] = finish(record[key], childPlace, key === 'facts' ? 'Fact' : undefined);
  }
  return out;
}

/**
 * Parses every template in cards/ now (at start-up), so the first user of each card does not pay
 * for it. Returns the number of templates.
 */
export function warmTemplates(): number {
  const names = readdirSync(findCardsDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));
  for (const name of names) parsedTemplate(name);
  return names.length;
}

/** Freezes a rendered card and everything in it, so a card shared between turns cannot be changed. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The names of every template in cards/ (for tests). */
export function templateDirectory(): string {
  return findCardsDir();
}
