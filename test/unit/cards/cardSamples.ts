import type { AdaptiveCardJson } from '../../../src/cards/render';
import { renderHelpCard, renderWelcomeCard } from '../../../src/cards/helpCard';
import type { Translator } from '../../../src/i18n/i18n';
import {
  adminAccessListSamples,
  adminAccessTemplateSamples,
} from '../dialogs/adminAccess/adminAccessCardSamples';
import { customerListSamples } from '../dialogs/customers/customerCardSamples';
import {
  invitationsListSamples,
  inviteChoiceSamples,
  inviteDetailsSamples,
  inviteDraftSamples,
  inviteResultSamples,
} from '../dialogs/invite/inviteCardSamples';
import { removeCardSamples } from '../dialogs/remove/removeCardSamples';
import { providerRequestCardSamples } from '../dialogs/remove/providerRequestCardSamples';
import { notificationCardSamples } from '../notifications/notificationCardSamples';
import { renderProvidersCard } from '../../../src/cards/providersCard';
import { SIMULATOR_PROVIDERS } from '../../../src/simulator/seed';
import { statusCardSamples } from './statusCardSamples';
import { renderRetryCard, renderStillWorkingCard } from '../../../src/cards/progressCard';
import { customerCompactSamples } from './customerCompactSamples';

const manyLongProviders = Array.from({ length: 500 }, (_, i) => ({
  id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
  name: `Provider ${i} ${'X'.repeat(300)}`,
  mpnId: '1234567',
  location: 'DE'.repeat(100),
  state: 'Active',
}));

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
  providers: (t) => [
    renderProvidersCard(t, [...SIMULATOR_PROVIDERS]),
    renderProvidersCard(t, manyLongProviders),
  ],
  ...removeCardSamples,
  ...providerRequestCardSamples,
  ...notificationCardSamples,
  status: (t) => statusCardSamples(t),
  'card-progress': (t) => [
    renderStillWorkingCard(t),
    renderRetryCard(t, { verb: 'customers.page', data: { v: 1, refresh: true } }),
    renderRetryCard(t, {
      text: t.t('card.invalid'),
      verb: 'remove.confirm',
      data: { flowId: 'f', customerId: 'c' },
    }),
  ],
  'admin-access-list': (t) => adminAccessListSamples(t),
  'admin-access-template': (t) => adminAccessTemplateSamples(t),
  'customer-compact': (t) => customerCompactSamples(t),
};
