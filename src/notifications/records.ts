import type { InvitationKind } from '../domain/invitations';
import type { DedupeRecord } from '../storage/dedupeRepository';
import type { DeliveryStatus } from './proactiveSender';

/** Keep decisions about acceptances and reminders for about a year (Cosmos TTL, seconds). */
export const DECISION_TTL_SECONDS = 400 * 24 * 3600;
/** Webhook bodies already seen: long enough to swallow Partner Center's redeliveries. */
export const EVENT_TTL_SECONDS = 7 * 24 * 3600;

/** One recipient of a notification and how delivering to it went. */
export interface DeliveryRecord {
  target: 'inviter' | 'channel';
  /** The channel's conversation id. */
  conversationId: string;
  /** `skipped`: the conversation is known to be inactive; `pending`: not attempted (yet). */
  status: 'pending' | 'skipped' | DeliveryStatus;
  attempts: number;
  statusCode?: number;
  reason?: string;
  at?: string;
}

/**
 * The exactly-once decision about one acceptance (`acceptance:<partner>:<customer>`, created if
 * absent by whichever instance sees it first): which invitation it settles, and the delivery of
 * each notification. `state` stays `sending` until every delivery has an outcome; a `sending`
 * record whose owner stopped renewing `claimedAt` is taken over (ETag) and finished by another.
 */
export interface AcceptanceRecord extends DedupeRecord {
  type: 'acceptance';
  partnerTenantId: string;
  customerId: string;
  invitationId?: string;
  customer: { companyName: string; domain: string };
  kind: InvitationKind;
  provider?: { id: string; name: string };
  source: 'webhook' | 'reconciler';
  state: 'sending' | 'done';
  owner: string;
  claimedAt: string;
  createdAt: string;
  updatedAt: string;
  /** Undefined until the recipients were determined. */
  deliveries?: DeliveryRecord[];
}

/** The once-only reminder for one invitation (`reminder:<partner>:<invitation>`). */
export interface ReminderRecord extends DedupeRecord {
  type: 'reminder';
  partnerTenantId: string;
  invitationId: string;
  createdAt: string;
  delivery?: DeliveryRecord;
}

export function acceptanceId(partnerTenantId: string, customerId: string): string {
  return `acceptance:${partnerTenantId}:${customerId}`;
}

export function reminderId(partnerTenantId: string, invitationId: string): string {
  return `reminder:${partnerTenantId}:${invitationId}`;
}
