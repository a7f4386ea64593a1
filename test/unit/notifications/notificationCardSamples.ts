import { renderAdminAccessCard } from '../../../src/cards/adminAccessCards';
import { renderGdapExpiryCard } from '../../../src/cards/gdapExpiryCard';
import type { AdaptiveCardJson } from '../../../src/cards/render';
import { ENTRA_ROLES } from '../../../src/domain/gdap';
import {
  renderAcceptedCard,
  renderReminderCard,
  renderResendCard,
} from '../../../src/cards/notificationCards';
import type { Translator } from '../../../src/i18n/i18n';

const LONG = 'Ü'.repeat(2000);
const LINK =
  'http://127.0.0.1:3978/simulator/accept?invType=ResellerRelationship&partnerId=4d3c2b1a-0000-4000-8000-000000000001&msppId=0&DAP=false&indirectCSPId=9f8e7d6c-0000-4000-8000-000000000002';

/** Realistic and worst-case renderings of the notification cards (registered in cardSamples.ts). */
export const notificationCardSamples: Record<string, (t: Translator) => AdaptiveCardJson[]> = {
  'notification-admin-access': (t) => [
    renderAdminAccessCard(t, {
      outcome: 'active',
      customer: 'Contoso GmbH',
      roleDefinitionIds: ENTRA_ROLES.slice(0, 5).map((r) => r.id),
      endDateTime: '2028-01-15T10:00:00.000Z',
      autoExtendDuration: 'P180D',
      failedAssignments: [],
      requestedAt: '2026-01-15T10:00:00.000Z',
    }),
    renderAdminAccessCard(t, {
      outcome: 'active',
      customer: LONG,
      roleDefinitionIds: ENTRA_ROLES.map((r) => r.id),
      endDateTime: '2028-01-15T10:00:00.000Z',
      autoExtendDuration: 'PT0S',
      failedAssignments: ENTRA_ROLES.map((r, i) => ({
        securityGroupId: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
        roleDefinitionIds: [r.id],
      })),
      requestedAt: '2026-01-15T10:00:00.000Z',
    }),
    renderAdminAccessCard(t, {
      outcome: 'ended',
      customer: '',
      roleDefinitionIds: ENTRA_ROLES.slice(0, 2).map((r) => r.id),
      failedAssignments: [],
    }),
  ],
  'notification-gdap-expiry': (t) => [
    renderGdapExpiryCard(t, {
      phase: 'warning',
      daysLeft: 30,
      relationshipId: 'a1b2c3d4-0000-4000-8000-000000000001-e5f6',
      relationshipName: 'CC-Contoso-least-privilege',
      customer: 'Contoso GmbH',
      customerId: '5a1c3e9b-0d2f-4c6a-8e1b-7f3d9a2c4b60',
      roleDefinitionIds: ENTRA_ROLES.slice(0, 5).map((r) => r.id),
      endDateTime: '2026-02-14T10:00:00.000Z',
      templateId: 'least-privilege',
      requestedBy: 'Dana Inviter',
    }),
    renderGdapExpiryCard(t, {
      phase: 'warning',
      daysLeft: 1,
      relationshipId: 'r-2',
      relationshipName: LONG,
      customer: `**${LONG}** [x](https://evil.example) $` + '{x}',
      customerId: '5a1c3e9b-0d2f-4c6a-8e1b-7f3d9a2c4b60',
      roleDefinitionIds: ENTRA_ROLES.map((r) => r.id),
      endDateTime: '2026-02-14T10:00:00.000Z',
      requestedBy: LONG,
    }),
    renderGdapExpiryCard(t, {
      phase: 'expired',
      relationshipId: 'r-3',
      customer: '',
      roleDefinitionIds: ENTRA_ROLES.slice(0, 2).map((r) => r.id),
      endDateTime: '2026-02-14T10:00:00.000Z',
    }),
    renderGdapExpiryCard(t, {
      phase: 'terminated',
      relationshipId: 'r-4',
      customer: 'Fabrikam',
      customerId: 'fabrikam',
      roleDefinitionIds: ENTRA_ROLES.slice(0, 1).map((r) => r.id),
      templateId: 'least-privilege',
    }),
  ],
  'notification-accepted': (t) => [
    renderAcceptedCard(t, {
      audience: 'inviter',
      customer: { companyName: 'Contoso GmbH', domain: 'contoso.onmicrosoft.com' },
      kind: 'reseller',
      invitedAt: '2026-01-15T10:00:00.000Z',
    }),
    renderAcceptedCard(t, {
      audience: 'channel',
      customer: { companyName: 'Fabrikam AG', domain: 'fabrikam.onmicrosoft.com' },
      kind: 'indirectReseller',
      provider: { name: 'Tailspin Distribution' },
      inviterName: 'Anna Admin',
      invitedAt: '2026-01-15T10:00:00.000Z',
    }),
    renderAcceptedCard(t, {
      audience: 'unmatched',
      customer: { companyName: LONG, domain: `${'a'.repeat(240)}.onmicrosoft.com` },
      kind: 'indirectReseller',
      provider: { name: LONG },
      inviterName: LONG,
    }),
  ],
  'notification-reminder': (t) => [
    renderReminderCard(t, {
      invitationId: '0b5a1f4e-1111-4222-8333-944455556666',
      kind: 'reseller',
      companyName: 'Contoso GmbH',
      contactEmail: 'it@contoso.com',
      createdAt: '2026-01-01T10:00:00.000Z',
      days: 9,
    }),
    renderReminderCard(t, {
      invitationId: '0b5a1f4e-1111-4222-8333-944455556666',
      kind: 'indirectReseller',
      provider: { name: LONG },
      companyName: LONG,
      contactEmail: `${'x'.repeat(64)}@${'y'.repeat(180)}.com`,
      createdAt: '2026-01-01T10:00:00.000Z',
      days: 365,
      status: t.t('notifications.reminder.withdrawn'),
    }),
    renderReminderCard(t, {
      invitationId: 'x',
      kind: 'reseller',
      createdAt: 'not a date',
      days: 1,
    }),
  ],
  'notification-resend': (t) => [
    renderResendCard(t, { link: LINK, contactEmail: 'it@contoso.com', subject: 'Our invitation' }),
    renderResendCard(t, { link: LINK }),
    renderResendCard(t, {
      link: `${LINK}&x=${'z'.repeat(1500)}`,
      subject: LONG,
      contactEmail: `${'x'.repeat(64)}@a.de`,
    }),
  ],
};
