import type { Translator } from '../i18n/i18n';
import { clipText, gdapDate, roleNames, type Fact } from './adminAccessCards';
import { CUSTOMER_VERBS } from './customerListActions';
import { defineCard, render, type AdaptiveCardJson } from './render';

/**
 * What "Request new admin access" on an expiry card carries: the admin-access-only start of the
 * invite flow (`customers.requestAdminAccess` with the customer, the same role template) plus
 * what the card said, so a click after the relationship was renewed is recognised and changes nothing.
 */
export interface ExpiryRequestData {
  customerId: string;
  adminAccessOnly: true;
  templateId?: string;
  expiry: {
    relationshipId: string;
    /** 'warning' (before the end) or 'ended' (expired / terminated). */
    kind: 'warning' | 'ended';
    /** The end date the card announced. */
    endDateTime?: string;
  };
}

export interface GdapExpiryCardData {
  title: string;
  color: 'Warning' | 'Attention';
  text: string;
  facts: Fact[];
  canRequest: boolean;
  requestTitle: string;
  requestVerb: string;
  requestData: ExpiryRequestData | Record<string, never>;
}
export const gdapExpiryTemplate = defineCard<GdapExpiryCardData>('notification-gdap-expiry');

export interface GdapExpiryCardInput {
  /** `warning`: ends in `daysLeft` days; `expired` / `terminated`: it has ended. */
  phase: 'warning' | 'expired' | 'terminated';
  daysLeft?: number;
  relationshipId: string;
  /** The relationship's display name (partner-chosen, shown as text). */
  relationshipName?: string;
  /** The customer's name (from Graph or the invitation); may be empty. */
  customer: string;
  /** The customer's id (= tenant id): needed for the button; no button without it. */
  customerId?: string;
  roleDefinitionIds: readonly string[];
  endDateTime?: string;
  templateId?: string;
  requestedBy?: string;
}

/** The expiry warning / ended announcement: customer, roles, end date and "Request new admin access". */
export function renderGdapExpiryCard(t: Translator, input: GdapExpiryCardInput): AdaptiveCardJson {
  const company = clipText(input.customer.trim() || t.t('gdap.notify.aCustomer'));
  const warning = input.phase === 'warning';
  const days = Math.max(1, input.daysLeft ?? 1);
  const title = warning
    ? days === 1
      ? t.t('gdapExpiry.warn.titleOne', { company })
      : t.t('gdapExpiry.warn.title', { company, days })
    : t.t(input.phase === 'expired' ? 'gdapExpiry.expired.title' : 'gdapExpiry.terminated.title', {
        company,
      });
  const facts: Fact[] = [
    { title: t.t('gdap.fact.customer'), value: company },
    { title: t.t('gdap.fact.roles'), value: roleNames(t, input.roleDefinitionIds) },
  ];
  const end = gdapDate(t, input.endDateTime);
  if (end) facts.push({ title: t.t(warning ? 'gdap.fact.endDate' : 'gdapExpiry.fact.endedOn'), value: end });
  if (input.relationshipName)
    facts.push({
      title: t.t('gdapExpiry.fact.relationship'),
      value: clipText(input.relationshipName, 64),
    });
  if (input.requestedBy)
    facts.push({
      title: t.t('gdap.fact.requestedBy'),
      value: clipText(input.requestedBy, 120),
    });
  const requestData: ExpiryRequestData | undefined = input.customerId
    ? {
        customerId: input.customerId,
        adminAccessOnly: true,
        ...(input.templateId ? { templateId: input.templateId } : {}),
        expiry: {
          relationshipId: input.relationshipId,
          kind: warning ? 'warning' : 'ended',
          ...(input.endDateTime ? { endDateTime: input.endDateTime } : {}),
        },
      }
    : undefined;
  return render(gdapExpiryTemplate, {
    title,
    color: warning ? 'Warning' : 'Attention',
    text: t.t(warning ? 'gdapExpiry.warn.text' : 'gdapExpiry.ended.text'),
    facts,
    canRequest: !!requestData,
    requestTitle: t.t('gdapExpiry.requestNew'),
    requestVerb: CUSTOMER_VERBS.requestAdminAccess,
    requestData: requestData ?? {},
  });
}
