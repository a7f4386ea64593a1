import type { AdaptiveCardJson } from '../../../src/cards/render';
import { renderHelpCard, renderWelcomeCard } from '../../../src/cards/helpCard';
import type { Translator } from '../../../src/i18n/i18n';

/**
 * For each template in cards/: renderings with realistic and worst-case data. Each new
 * template adds an entry here (the cards test fails otherwise).
 */
export const cardSamples: Record<string, (t: Translator) => AdaptiveCardJson[]> = {
  help: (t) => [renderHelpCard(t)],
  welcome: (t) => [renderWelcomeCard(t)],
};
