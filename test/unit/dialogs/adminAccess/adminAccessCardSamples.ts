import {
  renderAdminAccessListCard,
  type AdminAccessListRow,
} from '../../../../src/cards/adminAccessListCard';
import type { AdaptiveCardJson } from '../../../../src/cards/render';
import { renderAdminAccessTemplateCard } from '../../../../src/cards/adminAccessCards';
import { BUILT_IN_TEMPLATES, ENTRA_ROLES } from '../../../../src/domain/gdap';
import type { Translator } from '../../../../src/i18n/i18n';

const NOW = new Date('2026-03-10T12:00:00Z');
const LEAST = [
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  'fe930be7-5e62-47db-91af-98c3a49a38b1',
  '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
];

/** A page with every group: waiting (known and unknown requester), active (auto-extending, expiring), ended. */
export const ADMIN_ACCESS_SAMPLE_ROWS: AdminAccessListRow[] = [
  {
    group: 'pending',
    customer: 'Contoso GmbH',
    status: 'approvalPending',
    roleDefinitionIds: LEAST,
    requestedAt: '2026-03-01T09:00:00Z',
    requestedBy: 'Max Weber',
  },
  {
    group: 'pending',
    customer: 'CC-Fabrikam-20260308-1a2b3c4d',
    status: 'approvalPending',
    roleDefinitionIds: LEAST,
    requestedAt: '2026-03-08T09:00:00Z',
  },
  {
    group: 'active',
    customer: 'Bäckerei Schmidt GmbH',
    status: 'active',
    roleDefinitionIds: LEAST,
    endDateTime: '2026-03-20T00:00:00Z',
    autoExtendDuration: 'PT0S',
  },
  {
    group: 'active',
    customer: 'Northwind [link](https://evil.example) **bold**',
    status: 'expiring',
    roleDefinitionIds: LEAST,
    endDateTime: '2027-11-30T00:00:00Z',
    autoExtendDuration: 'P180D',
  },
  {
    group: 'ended',
    customer: 'Tailspin Toys',
    status: 'expired',
    roleDefinitionIds: LEAST,
    endDateTime: '2025-12-24T00:00:00Z',
  },
];

/** Worst case: a full page of long names with every known role. */
const WORST_ROWS: AdminAccessListRow[] = Array.from({ length: 10 }, (_, i) => ({
  group: i < 4 ? 'pending' : i < 8 ? 'active' : 'ended',
  customer: `Customer ${i} ${'Ä'.repeat(300)}`,
  status: i < 4 ? 'approvalPending' : i < 8 ? 'active' : 'terminated',
  roleDefinitionIds: ENTRA_ROLES.map((r) => r.id),
  endDateTime: '2027-01-01T00:00:00Z',
  autoExtendDuration: 'P180D',
  requestedAt: '2025-01-01T00:00:00Z',
  requestedBy: `Requester ${'x'.repeat(300)}`,
}));

export function adminAccessListSamples(t: Translator): AdaptiveCardJson[] {
  return [
    renderAdminAccessListCard(t, { rows: ADMIN_ACCESS_SAMPLE_ROWS, page: 2, pages: 3, total: 25, now: NOW }),
    renderAdminAccessListCard(t, { rows: [], page: 1, pages: 1, total: 0, now: NOW }),
    renderAdminAccessListCard(t, { rows: WORST_ROWS, page: 1, pages: 1000, total: 10_000, now: NOW }),
  ];
}

const FLOW = { flowId: '3f6d2a71-0000-4000-8000-000000000001', command: 'invite' as const };

/** The role template card of "Request admin access": plain, a long name with a failed attempt, many templates. */
export function adminAccessTemplateSamples(t: Translator): AdaptiveCardJson[] {
  const many = Array.from({ length: 25 }, (_, i) => ({
    ...BUILT_IN_TEMPLATES.templates[0]!,
    id: `template-${i}`,
    name: { en: `Template ${i} ${'N'.repeat(100)}`, de: `Vorlage ${i} ${'N'.repeat(100)}` },
  }));
  return [
    renderAdminAccessTemplateCard(t, {
      flow: FLOW,
      customer: 'Contoso GmbH',
      templates: BUILT_IN_TEMPLATES.templates,
      templateId: BUILT_IN_TEMPLATES.defaultTemplateId,
    }),
    renderAdminAccessTemplateCard(t, {
      flow: FLOW,
      customer: `[Fabrikam](https://evil.example) ${'Ä'.repeat(400)}`,
      templates: BUILT_IN_TEMPLATES.templates,
      templateId: BUILT_IN_TEMPLATES.defaultTemplateId,
      error: t.t('gdap.template.unknown'),
      retry: true,
    }),
    renderAdminAccessTemplateCard(t, { flow: FLOW, customer: '', templates: many, templateId: 'template-3' }),
  ];
}
