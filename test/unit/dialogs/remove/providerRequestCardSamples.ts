import type { AdaptiveCardJson } from '../../../../src/cards/render';
import {
  renderProviderRefusedCard,
  renderProviderRequestDraftCard,
} from '../../../../src/cards/providerRequestCards';
import { builtinStatement } from '../../../../src/domain/legalNotice';
import { providerRequestEmail } from '../../../../src/dialogs/remove/providerRequestEmail';
import type { Translator } from '../../../../src/i18n/i18n';
import { SIMULATOR_PROVIDERS } from '../../../../src/simulator/seed';

/** Realistic and worst-case renderings of the provider-path cards (for the card tests). */
const ACTION_DATA = {
  flowId: '0b8c1f7e-52a4-4c59-9a7e-2d1c4b6f8a90',
  command: 'remove' as const,
  customerId: '4c2f9a1e-7b3d-4e8a-9f61-0a2b3c4d5e6f',
};
const customer = {
  id: ACTION_DATA.customerId,
  companyName: 'Contoso Handels GmbH',
  domain: 'contoso-handel.onmicrosoft.com',
};
const huge = {
  id: ACTION_DATA.customerId,
  companyName: 'Überlange Firmenbezeichnung GmbH & Co. KG **[x]** '.repeat(6),
  domain: `${'a'.repeat(60)}.${'b'.repeat(60)}.onmicrosoft.com`,
};
const providers = SIMULATOR_PROVIDERS.map((p) => ({ id: p.id, name: p.name }));
const manyProviders = Array.from({ length: 40 }, (_, i) => ({
  id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
  name: `Provider ${i} ${'X'.repeat(200)}`,
}));

export const providerRequestCardSamples: Record<string, (t: Translator) => AdaptiveCardJson[]> = {
  'remove-provider-refused': (t) => [
    renderProviderRefusedCard(t, {
      customer,
      providers: providers.slice(0, 1),
      detail: 'Authorization Failed: indirect resellers cannot remove a reseller relationship.',
      footer: t.t('remove.result.auditRef', { id: `remove-${ACTION_DATA.flowId}` }),
      actionData: ACTION_DATA,
    }),
    renderProviderRefusedCard(t, {
      customer: huge,
      providers: manyProviders,
      detail: 'D'.repeat(2000),
      error: t.t('removalRequest.refused.providerRequired'),
      footer: '',
      actionData: ACTION_DATA,
    }),
  ],
  'remove-provider-request': (t) => {
    const provider = providers[0]!;
    const email = providerRequestEmail(t, {
      customer,
      provider,
      statement: builtinStatement(t.language),
      senderName: 'Adrian Keller',
    });
    const big = providerRequestEmail(t, {
      customer: huge,
      provider: manyProviders[0]!,
      statement: builtinStatement(t.language),
    });
    return [
      renderProviderRequestDraftCard(t, { customer, provider, to: '', ...email, actionData: ACTION_DATA }),
      renderProviderRequestDraftCard(t, {
        customer: huge,
        provider: manyProviders[0]!,
        to: 'partner-support@provider.example',
        subject: big.subject,
        body: `${big.body}\n${'Ü'.repeat(4000)}`.slice(0, 5000),
        copied: true,
        error: t.t('removalRequest.saveFailed'),
        actionData: ACTION_DATA,
      }),
    ];
  },
};
