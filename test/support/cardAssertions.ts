// The UMD bundle is the build of `adaptivecards` that loads in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

export const MAX_CARD_BYTES = 28 * 1024;
export const MAX_ACTIONS = 6;

function countActions(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + countActions(x), 0);
  if (!node || typeof node !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'actions' && Array.isArray(value)) n += value.length;
    if (key === 'selectAction') n += 1;
    n += countActions(value);
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
  expect(countActions(card)).toBeLessThanOrEqual(MAX_ACTIONS);
  const ctx = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const events: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i).message);
  expect(events).toEqual([]);
}
