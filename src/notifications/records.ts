import type { InvitationKind } from '../domain/invitations';
import type { DedupeRecord } from '../storage/dedupeRepository';
import type { DeliveryStatus } from './proactiveSender';

/** Keep decisions about acceptances and reminders for about a year (Cosmos TTL, seconds). */
export const DECISION_TTL_SECONDS = 400 * 24 * 3600;
/** Webhook bodies already seen: long enough to swallow Partner Center's redeliveries. */
export const EVENT_TTL_SECONDS = 7 * 24 * 3600;

/**
 * A decision record one instance claims (create-if-absent, then `owner` + `claimedAt`) and works
 * through: from a webhook or the reconciler, `sending` until every step is done.
 */
export interface ClaimedDecision extends DedupeRecord {
  source: 'webhook' | 'reconciler';
  state: 'sending' | 'done';
  owner: string;
  claimedAt: string;
  createdAt: string;
  updatedAt: string;
}

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
export interface AcceptanceRecord extends ClaimedDecision {
  type: 'acceptance';
  partnerTenantId: string;
  customerId: string;
  invitationId?: string;
  customer: { companyName: string; domain: string };
  kind: InvitationKind;
  provider?: { id: string; name: string };
  /** Undefined until the recipients were determined. */
  deliveries?: DeliveryRecord[];
  /** Outbox: a delivery failed after all its attempts; the outbox job retries it after this time. */
  retryAt?: string;
  /** Outbox rounds done so far (each round is a full ProactiveSender attempt series). */
  retryRound?: number;
  /** W3C traceparent of the span that put it in the outbox: a retry continues that trace. */
  traceparent?: string;
}

/**
 * A verified webhook body in the inbox (`webhook-event:<sha256 of the body>`, created if absent
 * before the 202 is answered). `received` until processed, then `processed` with a TTL (so
 * Partner Center's redeliveries of the same body are still recognised for a week).
 */
export interface InboxRecord extends DedupeRecord {
  type: 'inbox';
  state: 'received' | 'processed';
  eventName: string;
  /** The raw body (UTF-8); dropped once processed. */
  body?: string;
  receivedAt: string;
  /** The drain processes `received` entries due by this time. */
  nextAttemptAt: string;
  attempts: number;
  /** Set while an instance works on it; a claim older than the stale time is taken over. */
  owner?: string;
  claimedAt?: string;
  lastError?: string;
  processedAt?: string;
  /** W3C traceparent of the webhook request: processing (even on another instance) continues its trace. */
  traceparent?: string;
}

export function inboxId(sha256Hex: string): string {
  return `webhook-event:${sha256Hex}`;
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

/** What processing one acceptance came to. */
export type AcceptanceOutcome = 'notified' | 'duplicate' | 'in_progress' | 'customer_gone' | 'lost_ownership';

/** One planned access assignment and what creating it came to. */
export interface AssignmentOutcome {
  securityGroupId: string;
  roleDefinitionIds: string[];
  status: 'created' | 'failed';
  /** GraphError kind (or `template_missing`) when failed. */
  reason?: string;
}

/**
 * The exactly-once decision about one admin-access (GDAP) outcome (`admin-access:<partner>:<relationship>:<phase>`):
 * `active` → the access assignments created and the inviter told; `ended` → the inviter told the
 * request expired (or was terminated) before it became active. Taken over like AcceptanceRecord.
 */
export interface AdminAccessRecord extends ClaimedDecision {
  type: 'admin-access';
  partnerTenantId: string;
  relationshipId: string;
  invitationId: string;
  phase: 'active' | 'ended';
  /** Graph's relationship status when decided. */
  status: string;
  /** Undefined until the assignments were made (phase `active`). */
  assignments?: AssignmentOutcome[];
  delivery?: DeliveryRecord;
  /** Outbox (as AcceptanceRecord): the delivery failed after all its attempts; retried after this time. */
  retryAt?: string;
  retryRound?: number;
}

export function gdapRecordId(
  partnerTenantId: string,
  relationshipId: string,
  phase: 'active' | 'ended',
): string {
  return `admin-access:${partnerTenantId}:${relationshipId}:${phase}`;
}

/**
 * The exactly-once decision about one expiry notice of a GDAP relationship (see expiryRecordId):
 * a warning N days before a given end date, or the announcement that it ended. Recipients and
 * their deliveries like AcceptanceRecord (taken over when stale, retried by the outbox).
 */
export interface ExpiryRecord extends DedupeRecord {
  type: 'gdap-expiry';
  partnerTenantId: string;
  relationshipId: string;
  /** The invitation that requested the relationship (its inviter is told), if the bot requested it. */
  invitationId?: string;
  phase: 'warning' | 'expired' | 'terminated';
  /** The threshold (days) of a warning. */
  thresholdDays?: number;
  /** Whole days left when decided (a warning). */
  daysLeft?: number;
  endDateTime?: string;
  relationshipName?: string;
  customer: { tenantId?: string; displayName: string };
  roleDefinitionIds: string[];
  templateId?: string;
  source: 'webhook' | 'job';
  state: 'sending' | 'done';
  owner: string;
  claimedAt: string;
  createdAt: string;
  updatedAt: string;
  deliveries?: DeliveryRecord[];
  retryAt?: string;
  retryRound?: number;
}

/**
 * `gdap-expiry:<partner>:<relationship>:warn-<days>:<end day>` (a relationship extended to a new end
 * is warned again) or `…:<relationship>:ended`.
 */
export function expiryRecordId(
  partnerTenantId: string,
  relationshipId: string,
  notice: { thresholdDays: number; endDay: string } | 'ended',
): string {
  const base = `gdap-expiry:${partnerTenantId}:${relationshipId}`;
  return notice === 'ended' ? `${base}:ended` : `${base}:warn-${notice.thresholdDays}:${notice.endDay}`;
}
