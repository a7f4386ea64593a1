import type { Translator } from '../i18n/i18n';
import { defineCard, render, type AdaptiveCardJson } from './render';

/**
 * The card a slow card click leaves in place: "still working" while the work goes on after the
 * invoke had to be answered, or the outcome as text with a button that runs the same click again
 * (same verb, same data) when the work ended without a card to show.
 */
export interface ProgressCardData {
  title: string;
  text: string;
  hasRetry: boolean;
  retryTitle: string;
  retryVerb: string;
  retryData: Record<string, unknown>;
}
export const progressTemplate = defineCard<ProgressCardData>('card-progress');

/** The click being worked on: answered in time with this card, updated when the work is done. */
export function renderStillWorkingCard(t: Translator): AdaptiveCardJson {
  return render(progressTemplate, {
    title: t.t('card.working.title'),
    text: t.t('card.working.text'),
    hasRetry: false,
    retryTitle: '',
    retryVerb: '',
    retryData: {},
  });
}

/** The click's outcome as text (or, without one, that it could not be finished) and "Try again". */
export function renderRetryCard(
  t: Translator,
  input: { text?: string; verb: string; data: Record<string, unknown> },
): AdaptiveCardJson {
  return render(progressTemplate, {
    title: input.text ? t.t('card.retry.titleAnswered') : t.t('card.retry.titleFailed'),
    text: input.text ?? t.t('card.retry.failed'),
    hasRetry: true,
    retryTitle: t.t('common.retry'),
    retryVerb: input.verb,
    retryData: input.data,
  });
}
