import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translatorFor } from '../../../src/i18n/i18n';
import { cardSamples } from './cardSamples';

/**
 * Every card sample (both languages), rendered, must stay byte-identical to `cardSnapshots.json`.
 * The file was produced with the uncached renderer (a new adaptivecards-templating `Template` per
 * render, commit e9c5959) before templates were parsed once per process and language-only cards
 * were rendered once per language; so this proves that caching changed no byte of any card.
 *
 * A deliberate change of a template or a card builder: regenerate with
 * `UPDATE_CARD_SNAPSHOTS=1 npx jest test/unit/cards/cardSnapshots` and review the diff.
 */
const SNAPSHOT_FILE = path.join(__dirname, 'cardSnapshots.json');

function renderAll(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const language of ['en-US', 'de-DE']) {
    const t = translatorFor(language);
    for (const name of Object.keys(cardSamples).sort()) {
      // Twice: the second rendering is served from whatever the first one cached.
      for (const round of [1, 2]) {
        cardSamples[name]!(t).forEach((card, i) => {
          const json = JSON.stringify(card);
          const key = `${language} ${name} #${i}`;
          if (round === 1) out[key] = json;
          else if (out[key] !== json) throw new Error(`${key}: second rendering differs from the first`);
        });
      }
    }
  }
  return out;
}

describe('card renderings are byte-identical to the committed snapshot', () => {
  const rendered = renderAll();
  if (process.env.UPDATE_CARD_SNAPSHOTS === '1') {
    writeFileSync(SNAPSHOT_FILE, JSON.stringify(rendered, null, 1) + '\n');
  }
  const expected = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Record<string, string>;

  it('has the same samples', () => {
    expect(Object.keys(rendered).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected).sort())('%s', (key) => {
    expect(rendered[key]).toBe(expected[key]);
  });
});
