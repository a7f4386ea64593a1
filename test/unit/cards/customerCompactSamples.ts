import { renderCustomerCompactCard, type CustomerCompactInput } from '../../../src/cards/customerCompactCard';
import type { AdaptiveCardJson } from '../../../src/cards/render';
import type { Translator } from '../../../src/i18n/i18n';

const contoso: CustomerCompactInput['customer'] = {
  id: '2f1c1e63-0d7b-4a3e-9c5e-0c1f6c1d2a01',
  companyName: 'Contoso GmbH',
  domain: 'contoso.onmicrosoft.com',
  relationshipToPartner: 'reseller',
};

/** The compact customer card of the message extension: each admin access state, and worst-case text. */
export const customerCompactInputs: CustomerCompactInput[] = [
  {
    customer: contoso,
    adminAccess: {
      ok: true,
      relationships: [
        { status: 'active', roleDefinitionIds: [], endDateTime: '2026-09-30T00:00:00Z' },
        { status: 'expired', roleDefinitionIds: [], endDateTime: '2024-01-31T00:00:00Z' },
      ],
    },
  },
  {
    customer: { ...contoso, relationshipToPartner: 'advisor' },
    adminAccess: { ok: true, relationships: [{ status: 'approvalPending', roleDefinitionIds: [] }] },
  },
  { customer: contoso, adminAccess: { ok: true, relationships: [] } },
  {
    customer: {
      id: 'worst-case',
      companyName: `**Evil** [click](https://evil.example) <b>\${name}</b> ${'X'.repeat(400)}`,
      domain: `_evil_.${'y'.repeat(300)}.onmicrosoft.com`,
      relationshipToPartner: 'someFutureValue',
    },
    adminAccess: { ok: false },
  },
];

export function customerCompactSamples(t: Translator): AdaptiveCardJson[] {
  return customerCompactInputs.map((input) => renderCustomerCompactCard(t, input));
}
