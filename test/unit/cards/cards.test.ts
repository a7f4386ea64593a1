import { readdirSync } from 'node:fs';
import { renderHelpCard, renderWelcomeCard } from '../../../src/cards/helpCard';
import { templateDirectory, type AdaptiveCardJson } from '../../../src/cards/render';
import { translatorFor, type Translator } from '../../../src/i18n/i18n';
import { cardSamples } from './cardSamples';
import { expectValidCard } from '../../support/cardAssertions';

const languages: Translator[] = [translatorFor('en-US'), translatorFor('de-DE')];

describe('card templates', () => {
  const templates = readdirSync(templateDirectory())
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

  it('every template in cards/ has samples in this test', () => {
    expect(templates.sort()).toEqual(Object.keys(cardSamples).sort());
  });

  describe.each(languages.map((t) => [t.language, t] as const))('in %s', (_lang, t) => {
    it.each(templates)('%s renders as a valid Adaptive Card 1.5 within Teams limits', (name) => {
      const samples = cardSamples[name]?.(t) ?? [];
      expect(samples.length).toBeGreaterThan(0);
      for (const card of samples) expectValidCard(card);
    });
  });

  /** Every action in a card: top-level, in ActionSets, selectActions, inline actions. */
  function actionsOf(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
    if (Array.isArray(node)) node.forEach((x) => actionsOf(x, out));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'actions' && Array.isArray(value)) out.push(...(value as Record<string, unknown>[]));
        if (key === 'selectAction' && value && typeof value === 'object')
          out.push(value as Record<string, unknown>);
        actionsOf(value, out);
      }
    }
    return out;
  }

  describe.each(languages.map((t) => [t.language, t] as const))('buttons in %s', (_lang, t) => {
    it.each(templates)(
      '%s: every bot action is an Action.Execute with a verb (no imBack / Submit / messageBack)',
      (name) => {
        for (const card of cardSamples[name]?.(t) ?? []) {
          const json = JSON.stringify(card);
          expect(json).not.toMatch(/imBack|messageBack|Action\.Submit/);
          for (const action of actionsOf(card)) {
            // Action.OpenUrl only opens a link outside the bot (mailto: "Open in email"); every
            // button the bot answers is a Universal Action.
            if (action.type === 'Action.OpenUrl') continue;
            expect(action.type).toBe('Action.Execute');
            expect(typeof action.verb).toBe('string');
          }
        }
      },
    );
  });

  it('help and welcome cards are translated', () => {
    const en = JSON.stringify(renderHelpCard(translatorFor('en')));
    const de = JSON.stringify(renderHelpCard(translatorFor('de')));
    expect(en).toContain('**invite**');
    expect(de).toContain('**einladen**');
    expect(JSON.stringify(renderWelcomeCard(translatorFor('de')))).toContain('Willkommen');
  });
});

export type CardSamples = Record<string, (t: Translator) => AdaptiveCardJson[]>;
