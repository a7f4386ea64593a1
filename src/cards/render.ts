import { readFileSync, existsSync } from 'node:fs';
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

/** Expands a template with its data. Strings in data are inserted as text, never as template code. */
export function render<TData extends object>(template: CardTemplate<TData>, data: TData): AdaptiveCardJson {
  const expanded = new ACData.Template(loadTemplateJson(template.name)).expand({
    $root: data,
  }) as AdaptiveCardJson;
  return expanded;
}

/** The names of every template in cards/ (for tests). */
export function templateDirectory(): string {
  return findCardsDir();
}
