import type { AdaptiveCardJson } from '../../../src/cards/render';
import { renderHelpCard, renderWelcomeCard } from '../../../src/cards/helpCard';
import type { Translator } from '../../../src/i18n/i18n';
import { customerListSamples } from '../dialogs/customers/customerCardSamples';
import {
  invitationsListSamples,
  inviteChoiceSamples,
  inviteDetailsSamples,
  inviteDraftSamples,
  inviteResultSamples,
} from '../dialogs/invite/inviteCardSamples';
import { removeCardSamples } from '../dialogs/remove/removeCardSamples';
import { notificationCardSamples } from '../notifications/notificationCardSamples';

/**
 * For each template in cards/: renderings with realistic and worst-case data. Each new
 * template adds an entry here (the cards test fails otherwise).
 */
export const cardSamples: Record<string, (t: Translator) => AdaptiveCardJson[]> = {
  help: (t) => [renderHelpCard(t)],
  welcome: (t) => [renderWelcomeCard(t)],
  customerList: (t) => customerListSamples(t),
  'invite-choice': (t) => inviteChoiceSamples(t),
  'invite-details': (t) => inviteDetailsSamples(t),
  'invite-draft': (t) => inviteDraftSamples(t),
  'invite-result': (t) => inviteResultSamples(t),
  'invitations-list': (t) => invitationsListSamples(t),
  ...removeCardSamples,
  ...notificationCardSamples,
};
