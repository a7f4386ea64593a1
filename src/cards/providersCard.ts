import type { Translator } from '../i18n/i18n';
import type { IndirectProvider } from '../partnerCenter/types';
import { commandData, type CommandData } from './commandActions';
import { defineCard, render, type AdaptiveCardJson } from './render';

export interface ProvidersCardData {
  title: string;
  intro: string;
  providers: { id: string; name: string; mpnId: string; location: string; state: string }[];
  labels: { tenantId: string; mpnId: string; location: string; state: string };
  footer: string;
  inviteButton: string;
  inviteData: CommandData;
}
export const providersTemplate = defineCard<ProvidersCardData>('providers');

/** At most this many providers on the card; the rest are counted ("and N more"). */
export const MAX_PROVIDERS_ON_CARD = 20;
const MAX_FIELD = 120;

const clip = (s: string | undefined) => {
  const v = (s ?? '').trim() || '–';
  return v.length <= MAX_FIELD ? v : `${v.slice(0, MAX_FIELD - 1)}…`;
};

export function renderProvidersCard(t: Translator, providers: readonly IndirectProvider[]): AdaptiveCardJson {
  const shown = providers.slice(0, MAX_PROVIDERS_ON_CARD);
  const rest = providers.length - shown.length;
  return render(providersTemplate, {
    title: t.t('providers.title'),
    intro: t.t('providers.intro'),
    providers: shown.map((p) => ({
      id: clip(p.id),
      name: clip(p.name),
      mpnId: clip(p.mpnId),
      location: clip(p.location),
      state: clip(p.state),
    })),
    labels: {
      tenantId: t.t('providers.label.tenantId'),
      mpnId: t.t('providers.label.mpnId'),
      location: t.t('providers.label.location'),
      state: t.t('providers.label.state'),
    },
    footer: rest > 0 ? t.t('providers.more', { count: rest }) : ' ',
    inviteButton: t.t('providers.invite'),
    inviteData: commandData('invite'),
  });
}
