import type { AdaptiveCardJson } from '../../../../src/cards/render';
import {
  renderInviteCancelledCard,
  renderInviteChoiceCard,
  renderInviteDetailsCard,
  renderInviteDoneCard,
  renderInviteDraftCard,
  type InviteSelection,
} from '../../../../src/cards/inviteCards';
import { renderInvitationsCard } from '../../../../src/cards/inviteListCard';
import type { Invitation } from '../../../../src/domain/invitations';
import { INVITE_LIMITS } from '../../../../src/domain/inviteDraft';
import type { Translator } from '../../../../src/i18n/i18n';
import { draftEmail } from '../../../../src/dialogs/invite/emailText';
import { SIMULATOR_PROVIDERS } from '../../../../src/simulator/seed';
import { BUILT_IN_TEMPLATES, ENTRA_ROLES, type RoleTemplate } from '../../../../src/domain/gdap';

/** Card samples of the invite feature (realistic and worst case), registered in cardSamples.ts. */

const flow = { flowId: '7d0f2c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', command: 'invite' as const };
const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=4b7c9f5e-1111-4222-8333-444455556666&msppId=0&DAP=false&indirectCSPId=a7c1e3f5-2b4d-4e6f-8a1b-3c5d7e9f0a12#/BillingAccounts/partner-invitation';
const providers = SIMULATOR_PROVIDERS.map((p) => ({ id: p.id, name: p.name }));
const longName = 'Ü'.repeat(INVITE_LIMITS.companyName);
const manyProviders = Array.from({ length: 50 }, (_, i) => ({
  id: `a7c1e3f5-2b4d-4e6f-8a1b-${String(i).padStart(12, '0')}`,
  name: `${'Provider with a rather long legal name GmbH & Co. KG'} ${i}`,
}));
const indirect: InviteSelection = { kind: 'indirectReseller', provider: providers[0]! };

const APPROVAL =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/8f9f0e24-c2d7-42be-bd7f-2aaf2648e7c2-442204e5-2b2c-4f58-ba06-5c2216367685';
const builtIn = BUILT_IN_TEMPLATES.templates[0]!;
/** Worst case: as many templates as the card offers, long names, every known role but Global Administrator. */
const manyTemplates: RoleTemplate[] = Array.from({ length: 20 }, (_, i) => ({
  id: `template-${i}`,
  name: {
    en: `${'Very long template name '.repeat(3)}${i}`.slice(0, 60),
    de: `${'Sehr langer Vorlagenname '.repeat(3)}${i}`.slice(0, 60),
  },
  duration: 'P730D',
  autoExtendDuration: 'P180D',
  roles: ENTRA_ROLES.slice(0, -1).map((r) => ({ roleDefinitionId: r.id, securityGroupId: r.id })),
}));

export function inviteChoiceSamples(t: Translator): AdaptiveCardJson[] {
  return [
    renderInviteChoiceCard(t, { flow, providers }),
    renderInviteChoiceCard(t, { flow, providers: providers.slice(0, 1) }),
    renderInviteChoiceCard(t, { flow, providers: [] }),
    renderInviteChoiceCard(t, { flow, providers: undefined, providersError: 'Partner Center is busy.' }),
    renderInviteChoiceCard(t, {
      flow,
      providers: manyProviders,
      error: t.t('invite.choice.providerRequired'),
    }),
  ];
}

export function inviteDetailsSamples(t: Translator): AdaptiveCardJson[] {
  return [
    renderInviteDetailsCard(t, { flow, selection: { kind: 'reseller' }, values: {} }),
    renderInviteDetailsCard(t, {
      flow,
      selection: { kind: 'indirectReseller', provider: { id: 'x', name: longName } },
      values: {
        companyName: longName,
        contactEmail: `${'a'.repeat(64)}@${'b'.repeat(185)}.com`,
        channel: 'ownMarketing',
      },
      error: t.t('invite.details.linkFailed', { error: t.t('pc.unavailable', { ref: 'abcd1234' }) }),
      retry: true,
    }),
    renderInviteDetailsCard(t, {
      flow,
      selection: { kind: 'reseller' },
      values: {},
      adminAccess: { templates: BUILT_IN_TEMPLATES.templates, on: true, templateId: builtIn.id },
    }),
    renderInviteDetailsCard(t, {
      flow,
      selection: { kind: 'indirectReseller', provider: { id: 'x', name: longName } },
      values: { companyName: longName, contactEmail: `${'a'.repeat(64)}@${'b'.repeat(185)}.com` },
      adminAccess: { templates: manyTemplates, on: false, templateId: 'template-19' },
      error: t.t('invite.admin.createFailed', { error: t.t('gdap.error.busy') }),
      retry: true,
    }),
  ];
}

export function inviteDraftSamples(t: Translator): AdaptiveCardJson[] {
  const normal = draftEmail(t, {
    selection: indirect,
    details: { companyName: 'Contoso GmbH' },
    link: LINK,
    senderName: 'Greta Hoffmann',
  });
  return [
    renderInviteDraftCard(t, { flow, selection: indirect, details: {}, link: LINK, ...normal }),
    renderInviteDraftCard(t, {
      flow,
      selection: { kind: 'indirectReseller', provider: { id: 'x', name: longName } },
      details: {
        companyName: longName,
        contactEmail: 'anna.schmidt@contoso.de',
        channel: 'microsoftReferral',
      },
      link: LINK,
      subject: 'Ä'.repeat(INVITE_LIMITS.subject),
      body: `${'Größe "ä" <b> & \n'.repeat(300)}${LINK}`.slice(-INVITE_LIMITS.body),
      copied: true,
      error: t.t('invite.draft.linkMissing'),
    }),
    ...adminDraftSamples(t),
  ];
}

function adminDraftSamples(t: Translator): AdaptiveCardJson[] {
  const both = draftEmail(t, {
    selection: { kind: 'reseller' },
    details: { companyName: 'Contoso GmbH' },
    link: LINK,
    senderName: 'Greta Hoffmann',
    adminAccess: { link: APPROVAL, template: builtIn },
  });
  const only = draftEmail(t, {
    selection: { kind: 'adminAccess' },
    details: { companyName: 'Contoso GmbH' },
    link: APPROVAL,
    senderName: 'Greta Hoffmann',
    adminAccess: { link: APPROVAL, template: manyTemplates[0]! },
  });
  const admin = { link: APPROVAL, templateName: manyTemplates[0]!.name.en };
  return [
    renderInviteDraftCard(t, {
      flow,
      selection: { kind: 'reseller' },
      details: {},
      link: LINK,
      ...both,
      adminAccess: admin,
    }),
    renderInviteDraftCard(t, {
      flow,
      selection: { kind: 'indirectReseller', provider: { id: 'x', name: longName } },
      details: { companyName: longName, contactEmail: 'anna.schmidt@contoso.de' },
      link: LINK,
      subject: 'Ä'.repeat(INVITE_LIMITS.subject),
      body: `${'Größe "ä" <b> & \n'.repeat(300)}${LINK}\n${APPROVAL}`.slice(-INVITE_LIMITS.body),
      adminAccess: admin,
      error: t.t('invite.admin.lockFailed', { error: t.t('gdap.error.busy') }),
      retry: true,
    }),
    renderInviteDraftCard(t, {
      flow,
      selection: { kind: 'adminAccess' },
      details: { companyName: 'Contoso GmbH' },
      link: APPROVAL,
      ...only,
      adminAccess: { ...admin, only: true },
      error: t.t('invite.draft.adminLinkMissing'),
    }),
  ];
}

export function inviteResultSamples(t: Translator): AdaptiveCardJson[] {
  return [
    renderInviteDoneCard(t, { selection: { kind: 'reseller' }, details: {}, link: LINK }),
    renderInviteDoneCard(t, {
      selection: { kind: 'indirectReseller', provider: { id: 'x', name: longName } },
      details: {
        companyName: longName,
        contactEmail: 'anna.schmidt@contoso.de',
        channel: 'indirectProvider',
      },
      link: LINK,
    }),
    renderInviteCancelledCard(t),
    renderInviteDoneCard(t, {
      selection: { kind: 'reseller' },
      details: { companyName: 'Contoso GmbH' },
      link: LINK,
      adminAccess: { displayName: 'CC-ContosoGmbH-20260310-1a2b3c4d' },
    }),
    renderInviteDoneCard(t, {
      selection: { kind: 'adminAccess' },
      details: { companyName: longName },
      link: APPROVAL,
      adminAccess: { displayName: 'CC-ContosoGmbH-20260310-1a2b3c4d', only: true },
    }),
  ];
}

function invitation(i: number, overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: `inv-${i}`,
    partnerTenantId: 'p',
    kind: i % 2 ? 'indirectReseller' : 'reseller',
    provider: i % 2 ? { id: 'x', name: longName } : undefined,
    customer: { companyName: longName, contactEmail: 'x@example.com' },
    channel: 'microsoftReferral',
    link: LINK,
    createdBy: { aadObjectId: 'u', name: 'N'.repeat(256) },
    conversationId: 'c',
    conversationReference: {},
    status: (['pending', 'accepted', 'expired'] as const)[i % 3]!,
    createdAt: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    ...overrides,
  };
}

export function invitationsListSamples(t: Translator): AdaptiveCardJson[] {
  const now = new Date(Date.UTC(2026, 0, 2));
  return [
    renderInvitationsCard(t, { view: 'all', page: 1, items: [], now }),
    renderInvitationsCard(t, { view: 'mine', page: 1, items: [], now }),
    renderInvitationsCard(t, {
      view: 'all',
      page: 3,
      items: Array.from({ length: 10 }, (_, i) => invitation(i)),
      next: 'x'.repeat(4096),
      now,
    }),
    renderInvitationsCard(t, {
      view: 'mine',
      page: 1,
      items: [invitation(1, { customer: undefined, channel: undefined, createdBy: { aadObjectId: 'u' } })],
      now,
    }),
  ];
}
