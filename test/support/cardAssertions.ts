// The UMD bundle is the build of `adaptivecards` that loads in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

export const MAX_CARD_BYTES = 28 * 1024;
export const MAX_ACTIONS = 6;
/**
 * Row selectActions (issue 18.3: each customer row is its own expand control) are not buttons and
 * do not count toward the 6; at most one per row of a page (10).
 */
export const MAX_SELECT_ACTIONS = 10;

function countActions(node: unknown, key: 'actions' | 'selectAction'): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + countActions(x, key), 0);
  if (!node || typeof node !== 'object') return 0;
  let n = 0;
  for (const [k, value] of Object.entries(node)) {
    if (k === key && key === 'actions' && Array.isArray(value)) n += value.length;
    if (k === key && key === 'selectAction') n += 1;
    n += countActions(value, key);
  }
  return n;
}

/** Adaptive Card 1.5, ≤ 6 actions, ≤ 28 KB, no `${…}` left, and the official parser reports nothing. */
export function expectValidCard(card: Record<string, unknown>): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  const json = JSON.stringify(card);
  expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(json).not.toMatch(/\$\{[^}]*\}/);
  expect(json).not.toContain('"$data"');
  expect(countActions(card, 'actions')).toBeLessThanOrEqual(MAX_ACTIONS);
  expect(countActions(card, 'selectAction')).toBeLessThanOrEqual(MAX_SELECT_ACTIONS);
  const ctx = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const events: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i).message);
  expect(events).toEqual([]);
}
