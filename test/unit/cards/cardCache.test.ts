import { renderHelpCard, renderWelcomeCard } from '../../../src/cards/helpCard';
import { renderProvidersCard } from '../../../src/cards/providersCard';
import { warmCards } from '../../../src/cards/warm';
import { translatorFor } from '../../../src/i18n/i18n';
import { SIMULATOR_PROVIDERS } from '../../../src/simulator/seed';

/** Cards rendered once and shared must not be changeable; cards rendered per call must not share. */
describe('card caching', () => {
  const isDeepFrozen = (v: unknown): boolean =>
    v === null || typeof v !== 'object' || (Object.isFrozen(v) && Object.values(v).every(isDeepFrozen));

  it.each(['en-US', 'de-DE'])(
    'help and welcome are rendered once per language and deep-frozen (%s)',
    (locale) => {
      const t = translatorFor(locale);
      for (const render of [renderHelpCard, renderWelcomeCard]) {
        const card = render(t);
        expect(render(translatorFor(locale))).toBe(card);
        expect(isDeepFrozen(card)).toBe(true);
        expect(() => {
          (card as Record<string, unknown>)['version'] = '9.9';
        }).toThrow(TypeError);
      }
      expect(renderHelpCard(translatorFor('en'))).not.toBe(renderHelpCard(translatorFor('de')));
    },
  );

  it('cards that depend on data are new objects on every render', () => {
    const t = translatorFor('en');
    const a = renderProvidersCard(t, [...SIMULATOR_PROVIDERS]);
    const before = JSON.stringify(a);
    (a['body'] as unknown[]).length = 0;
    const b = renderProvidersCard(t, [...SIMULATOR_PROVIDERS]);
    expect(b).not.toBe(a);
    expect(JSON.stringify(b)).toBe(before);
  });

  it('warming parses every template without changing what is rendered', () => {
    const help = JSON.stringify(renderHelpCard(translatorFor('de')));
    expect(warmCards()).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(renderHelpCard(translatorFor('de')))).toBe(help);
  });
});
