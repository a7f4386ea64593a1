import { translatorFor } from '../../src/i18n/i18n';
import { summarize, type Summary } from '../lib/stats';
import { actionData, cardOf, choiceIds, choiceTitles } from '../lib/teams';
import { BenchUser, type Target, type TurnResult } from './load';

export interface CatalogOp {
  latency: Summary;
  /** Bytes of the card JSON (Teams' limit is 28 KB). */
  cardBytes: { min: number; max: number };
  errors: number;
}

export interface CatalogResult {
  customers: number;
  repeats: number;
  note: string;
  ops: Record<'firstPage' | 'search' | 'nextPage' | 'expand', CatalogOp>;
}

const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card ?? null), 'utf8');

/**
 * One user against a partner with many customers, the page cache off (every action goes to
 * Partner Center): the first page, searches (distinct terms), Next through the list, expanding
 * records. Sequential, so each figure is one turn's own latency.
 */
export async function runCatalog(target: Target, customers: number, repeats: number): Promise<CatalogResult> {
  const user = new BenchUser(target, 0); // en-US, admin agent
  const t = translatorFor('en-US');
  const acc: Record<string, { ms: number[]; bytes: number[]; errors: number }> = {};
  const add = (op: string, r: TurnResult, card: unknown) => {
    const entry = (acc[op] ??= { ms: [], bytes: [], errors: 0 });
    if (!r.ok || !card) {
      entry.errors++;
      return;
    }
    entry.ms.push(r.ms);
    entry.bytes.push(bytes(card));
  };
  const hasCard = (reply: Record<string, any>) => !!cardOf(reply);

  let list: any;
  const names: string[] = [];
  for (let i = 0; i < repeats; i++) {
    const r = await user.say('customers', 'customers', hasCard);
    list = cardOf(r.reply);
    add('firstPage', r, list);
  }
  // Next through the list, collecting company names for distinct search terms.
  let page = list;
  for (let i = 0; i < repeats && page; i++) {
    names.push(...choiceTitles(page));
    const data = actionData(page, 'customers.page', t.t('customers.next'));
    if (!data) break;
    const r = await user.click('next', 'customers.page', data, (c) => choiceIds(c).length > 0);
    add('nextPage', r, r.card);
    page = r.card;
  }
  for (let i = 0; i < repeats; i++) {
    const current = i % 2 ? page : list;
    const data = actionData(current, 'customers.expand');
    const id = choiceIds(current)[i % 10];
    if (!data || !id) break;
    const r = await user.click('expand', 'customers.expand', { ...data, customerId: id });
    add('expand', r, r.card);
  }
  const terms = [
    ...new Set(names.map((n) => n.split(/\s+/)[0]!.toLowerCase().slice(0, 4)).filter((w) => w.length >= 2)),
  ];
  for (let i = 0; i < repeats; i++) {
    const term = terms[i % Math.max(1, terms.length)] ?? String.fromCharCode(97 + (i % 26));
    const r = await user.say(
      'search',
      `customers ${term}${i >= terms.length ? String.fromCharCode(97 + (i % 26)) : ''}`,
      hasCard,
    );
    add('search', r, cardOf(r.reply));
  }
  const op = (name: string): CatalogOp => {
    const e = acc[name] ?? { ms: [], bytes: [], errors: 0 };
    return {
      latency: summarize(e.ms),
      cardBytes: {
        min: e.bytes.length ? Math.min(...e.bytes) : 0,
        max: e.bytes.length ? Math.max(...e.bytes) : 0,
      },
      errors: e.errors,
    };
  };
  return {
    customers,
    repeats,
    note: 'page cache off (CUSTOMER_CACHE_TTL_SECONDS=0): every action calls the simulator over HTTP',
    ops: { firstPage: op('firstPage'), search: op('search'), nextPage: op('nextPage'), expand: op('expand') },
  };
}
