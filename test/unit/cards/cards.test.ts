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

  it('help and welcome cards are translated', () => {
    const en = JSON.stringify(renderHelpCard(translatorFor('en')));
    const de = JSON.stringify(renderHelpCard(translatorFor('de')));
    expect(en).toContain('**invite**');
    expect(de).toContain('**einladen**');
    expect(JSON.stringify(renderWelcomeCard(translatorFor('de')))).toContain('Willkommen');
  });
});

export type CardSamples = Record<string, (t: Translator) => AdaptiveCardJson[]>;
