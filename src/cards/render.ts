import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';

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

/** Expands a template with its data. Strings in data are inserted as text, never as template code. */
export function render<TData extends object>(template: CardTemplate<TData>, data: TData): AdaptiveCardJson {
  return parsedTemplate(template.name).expand({ $root: data }) as AdaptiveCardJson;
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
