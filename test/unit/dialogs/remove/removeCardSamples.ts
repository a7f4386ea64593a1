import type { AdaptiveCardJson } from '../../../../src/cards/render';
import { trustedSentence } from '../../../../src/cards/untrusted';
import {
  renderAuditListCard,
  renderRemoveChooseCard,
  renderRemovePreconditionsCard,
  renderRemoveResultCard,
  renderRemoveSuspendCard,
  renderRemoveWarningCard,
  customerFacts,
  MAX_CHOICES,
} from '../../../../src/cards/removeCards';
import {
  adminAccessSection,
  newCommerceSection,
  renderRemoveEndAccessCard,
  type AccessRelationship,
} from '../../../../src/cards/removeAccessCards';
import type { AuditEntry } from '../../../../src/domain/audit';
import type { NewCommerceNotes } from '../../../../src/domain/newCommerce';
import {
  builtinStatement,
  LegalNoticeCatalog,
  MAX_NOTICE_FILE_BYTES,
  MAX_NOTICE_PARAGRAPHS,
} from '../../../../src/domain/legalNotice';
import type { Translator } from '../../../../src/i18n/i18n';
import type { Customer, Subscription } from '../../../../src/partnerCenter/types';
import { AUDIT_MAX_ENTRIES } from '../../../../src/dialogs/remove/auditDialog';

/** Realistic and worst-case renderings of the removal and audit cards (for the card test). */
const FLOW = { flowId: '0b8c1f7e-52a4-4c59-9a7e-2d1c4b6f8a90', command: 'remove' as const };
const long = (n: number, s = 'Überlange Firmenbezeichnung GmbH & Co. KG ') =>
  s.repeat(Math.ceil(n / s.length)).slice(0, n);

const contoso: Customer = {
  id: '4c2f9a1e-7b3d-4e8a-9f61-0a2b3c4d5e6f',
  companyName: 'Contoso Handels GmbH',
  domain: 'contoso-handel.onmicrosoft.com',
  tenantId: '4c2f9a1e-7b3d-4e8a-9f61-0a2b3c4d5e6f',
  relationshipToPartner: 'reseller',
  allowDelegatedAccess: true,
};
const huge: Customer = {
  ...contoso,
  companyName: long(256),
  domain: `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.onmicrosoft.com`,
  allowDelegatedAccess: undefined,
};

function subs(n: number, name: string): Subscription[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `5d3e0b2f-8c4e-4f9b-a072-1b2c3d4e5f${String(i).padStart(2, '0')}`,
    offerId: 'CFQ7TTC0LH18:0001',
    offerName: name,
    friendlyName: `${name} ${i + 1}`,
    quantity: 1000 + i,
    status: 'active',
    autoRenewEnabled: true,
  }));
}

const LEAST = ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', '729827e3-9c14-49f7-bb1b-9608f156bbb8'];
function relationships(n: number, big: boolean): AccessRelationship[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `7a1c2e3f-4b5d-4c6e-8f70-81a2b3c4d5${String(i).padStart(2, '0')}-00`,
    displayName: big ? long(50, 'GDAP Kunde Überlang ') : `Contoso support ${i + 1}`,
    status: 'active',
    roleDefinitionIds: big ? [...LEAST, 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', 'unknown-role-id'] : LEAST,
    endDateTime: '2026-11-30T10:00:00Z',
  }));
}
const ncePair: NewCommerceNotes = {
  cancellable: [{ id: 's1', name: 'Microsoft 365 E3', windowClosesAt: '2025-06-07T09:00:00Z' }],
  stillBilled: [
    { id: 's2', name: 'Microsoft 365 Business Basic', billedUntil: '2026-01-31T00:00:00Z' },
    { id: 's3', name: 'Power BI Pro' },
  ],
};
const nceWorst: NewCommerceNotes = {
  cancellable: Array.from({ length: 30 }, (_, i) => ({
    id: `c${i}`,
    name: long(200),
    windowClosesAt: '2025-06-07T09:00:00Z',
  })),
  stillBilled: Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, name: long(200) })),
};

const worstStatement = (() => {
  const paragraph = 'W'.repeat(Math.floor(MAX_NOTICE_FILE_BYTES / MAX_NOTICE_PARAGRAPHS) - 20);
  const text = `Version: 2025-06-legal+1\n\n${Array(MAX_NOTICE_PARAGRAPHS).fill(paragraph).join('\n\n')}`;
  return LegalNoticeCatalog.load({ en: 'x', de: 'x' }, { readFile: () => Buffer.from(text) });
})();

function auditEntries(n: number, big: boolean): AuditEntry[] {
  const outcomes: AuditEntry['outcome'][] = ['succeeded', 'failed', 'cancelled', 'refused'];
  return Array.from({ length: n }, (_, i) => ({
    id: `remove-${FLOW.flowId}-${i}`,
    partnerTenantId: '3f6d2a71-8c4e-4b1a-9d2f-6e0b7c5a1d48',
    action: i % 5 === 4 ? 'some.future.action' : 'relationship.remove',
    outcome: outcomes[i % 4]!,
    at: new Date(Date.UTC(2025, 5, 1, 12, i)).toISOString(),
    actor: {
      aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000001',
      name: big ? long(128, 'Maximiliane Mustermann-Schmidt ') : 'Greta Hoffmann',
      roles: ['GlobalAdmin', 'AdminAgent'],
    },
    customer: {
      id: contoso.id,
      companyName: big ? huge.companyName : contoso.companyName,
      domain: big ? huge.domain : contoso.domain,
    },
    requestId: '9f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
    details: {
      flowId: FLOW.flowId,
      reason: i % 4 === 3 ? 'notAttested' : undefined,
      attestation: { version: 'builtin-2025-1', sha256: 'ab'.repeat(32), language: 'de', source: 'builtin' },
    },
  }));
}

export const removeCardSamples: Record<string, (t: Translator) => AdaptiveCardJson[]> = {
  'remove-choose': (t) => [
    renderRemoveChooseCard(t, {
      searchText: 'con',
      matches: [contoso, { ...contoso, id: 'x1', companyName: 'Contoso AG' }],
      totalCount: 2,
      actionData: FLOW,
    }),
    renderRemoveChooseCard(t, {
      searchText: long(100),
      matches: Array.from({ length: MAX_CHOICES + 1 }, (_, i) => ({ ...huge, id: `id-${i}` })),
      totalCount: 999,
      error: t.t('remove.choose.required'),
      actionData: FLOW,
    }),
  ],
  'remove-preconditions': (t) => [
    renderRemovePreconditionsCard(t, {
      customer: contoso,
      active: subs(2, 'Microsoft 365 Business Basic'),
      actionData: { ...FLOW, customerId: contoso.id },
    }),
    renderRemovePreconditionsCard(t, {
      customer: contoso,
      active: subs(1, 'Microsoft 365 E3'),
      newCommerce: newCommerceSection(t, ncePair),
      actionData: { ...FLOW, customerId: contoso.id },
    }),
    renderRemovePreconditionsCard(t, {
      customer: huge,
      active: subs(40, long(120)),
      reported: long(500),
      notice: t.t('remove.suspend.done', { count: 3 }),
      error: long(600),
      newCommerce: newCommerceSection(t, nceWorst),
      actionData: { ...FLOW, customerId: huge.id },
    }),
  ],
  'remove-suspend': (t) => [
    renderRemoveSuspendCard(t, {
      customer: contoso,
      active: subs(1, 'Microsoft 365 E3'),
      actionData: { ...FLOW, customerId: contoso.id },
    }),
    renderRemoveSuspendCard(t, {
      customer: huge,
      active: subs(40, long(120)),
      actionData: { ...FLOW, customerId: huge.id },
    }),
  ],
  'remove-warning': (t) => [
    renderRemoveWarningCard(t, {
      customer: contoso,
      statement: builtinStatement(t.language),
      actionData: { ...FLOW, customerId: contoso.id },
    }),
    renderRemoveWarningCard(t, {
      customer: { ...contoso, allowDelegatedAccess: false },
      statement: builtinStatement(t.language),
      error: t.t('remove.warn.notAttested'),
      actionData: { ...FLOW, customerId: contoso.id },
    }),
    renderRemoveWarningCard(t, {
      customer: huge,
      statement: worstStatement.statementFor(t.language),
      notice: long(300),
      error: t.t('remove.warn.notAttested'),
      adminAccess: adminAccessSection(t, { ok: true, relationships: relationships(25, true) }),
      newCommerce: newCommerceSection(t, nceWorst),
      actionData: { ...FLOW, customerId: huge.id },
    }),
    renderRemoveWarningCard(t, {
      customer: contoso,
      statement: builtinStatement(t.language),
      adminAccess: adminAccessSection(t, { ok: true, relationships: relationships(2, false) }),
      newCommerce: newCommerceSection(t, ncePair),
      actionData: { ...FLOW, customerId: contoso.id },
    }),
    renderRemoveWarningCard(t, {
      customer: contoso,
      statement: builtinStatement(t.language),
      adminAccess: adminAccessSection(t, { ok: false }),
      actionData: { ...FLOW, customerId: contoso.id },
    }),
  ],
  'remove-end-access': (t) => [
    renderRemoveEndAccessCard(t, {
      title: t.t('remove.result.successTitle'),
      color: 'Good',
      facts: customerFacts(t, contoso, false),
      lines: [{ text: t.t('remove.result.dapRemoved') }, { text: t.t('remove.result.noticeReminder') }],
      customerName: contoso.companyName,
      relationships: relationships(2, false),
      selected: [],
      retry: false,
      footer: t.t('remove.result.auditRef', { id: `remove-${FLOW.flowId}` }),
      actionData: { ...FLOW, customerId: contoso.id, attempt: 1 },
    }),
    renderRemoveEndAccessCard(t, {
      title: t.t('remove.end.partialTitle'),
      color: 'Warning',
      facts: customerFacts(t, huge, false),
      lines: Array.from({ length: 4 }, () => ({ text: long(500) })),
      customerName: huge.companyName,
      relationships: relationships(25, true),
      selected: relationships(25, true).map((r) => r.id),
      retry: true,
      error: long(300),
      footer: long(200),
      actionData: { ...FLOW, customerId: huge.id, attempt: 7 },
    }),
  ],
  'remove-result': (t) => [
    renderRemoveResultCard({
      title: t.t('remove.result.successTitle'),
      color: 'Good',
      facts: customerFacts(t, contoso, false),
      lines: [
        {
          text: trustedSentence(t, 'remove.result.success', {
            name: contoso.companyName,
            domain: contoso.domain,
          }),
        },
        { text: t.t('remove.result.noticeReminder') },
      ],
      footer: t.t('remove.result.auditRef', { id: `remove-${FLOW.flowId}` }),
    }),
    renderRemoveResultCard({
      title: t.t('remove.result.cancelledTitle'),
      color: 'Default',
      facts: [],
      lines: [],
      footer: '',
    }),
    renderRemoveResultCard({
      title: t.t('remove.result.failedTitle'),
      color: 'Attention',
      facts: customerFacts(t, huge, true),
      lines: Array.from({ length: 6 }, () => ({ text: long(500) })),
      footer: long(200),
    }),
  ],
  'audit-list': (t) => [
    renderAuditListCard(t, []),
    renderAuditListCard(t, auditEntries(3, false)),
    renderAuditListCard(t, auditEntries(AUDIT_MAX_ENTRIES, true)),
  ],
};
