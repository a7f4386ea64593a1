import { translatorFor } from '../i18n/i18n';
import { renderHelpCard, renderWelcomeCard } from './helpCard';
import { warmTemplates } from './render';

/**
 * Parses every card template and renders the cards that depend only on the language (help,
 * welcome) in both languages, so that the first user after a start does not pay for it.
 * Synchronous; call once at start-up. Returns the time it took (ms).
 */
export function warmCards(): number {
  const started = performance.now();
  warmTemplates();
  for (const language of ['en', 'de']) {
    const t = translatorFor(language);
    renderHelpCard(t);
    renderWelcomeCard(t);
  }
  return performance.now() - started;
}
