import type { AttestationRecord } from './removal';

/**
 * A request to the partner's indirect provider to remove a customer's reseller relationship: an
 * indirect reseller may not remove it itself (Partner Center refuses; Microsoft's "Remove a
 * reseller relationship" page: indirect resellers work through their indirect provider). Recorded
 * when the user clicks Done on the provider email draft; shown on the customer's record while
 * open; when Partner Center no longer lists the customer, the requester is told once. No botbuilder.
 *
 * One request per customer and partner tenant (`id` = customer id): Done clicked twice, or on two
 * cards, records one request. A completed request may be replaced by a new one (ETag).
 */

/** `open`: asked, the relationship still exists; `removed`: Partner Center no longer lists it (requester not told yet); `notified`: told. */
export type RemovalRequestStatus = 'open' | 'removed' | 'notified';

/** The notification to the requester once the relationship is gone. */
export interface RemovalRequestDelivery {
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  reason?: string;
  at?: string;
  /** When an instance took the delivery over (a `sending` older than the stale limit is taken again). */
  claimedAt?: string;
}

export interface RemovalRequest {
  /** The customer id (one request per customer). */
  id: string;
  partnerTenantId: string;
  /** Unique per request (a new request after a completed one gets a new one); names its audit entries. */
  requestId: string;
  status: RemovalRequestStatus;
  customer: { id: string; companyName: string; domain: string };
  provider: { id: string; name: string };
  /** ISO date-time of Done. */
  requestedAt: string;
  requestedBy: { aadObjectId?: string; name?: string };
  /** Where the requester asked (told there when the removal happened). */
  conversationId: string;
  conversationReference?: Record<string, unknown>;
  locale?: string;
  /** The legal-notice statement the requester attested to (quoted in the email). */
  attestation?: AttestationRecord;
  /** When Partner Center was first seen no longer listing the customer. */
  removedAt?: string;
  delivery?: RemovalRequestDelivery;
  updatedAt: string;
}

/** The provider path of one removal flow (kept in the dialog state): the providers, the chosen one, the draft. */
export interface ProviderRequestState {
  providers: { id: string; name: string }[];
  provider?: { id: string; name: string };
  to: string;
  subject: string;
  body: string;
}

/** A stored request with its ETag (for IfMatch). */
export type StoredRemovalRequest = RemovalRequest & { etag: string };

export interface RemovalRequestRepository {
  /** Point read by customer id. */
  get(partnerTenantId: string, customerId: string): Promise<StoredRemovalRequest | undefined>;
  /**
   * Records a new request. An open request of the customer stands (`created: false`, the existing
   * one returned); a finished one is replaced.
   */
  create(request: RemovalRequest): Promise<{ request: StoredRemovalRequest; created: boolean }>;
  /** Replaces the request if its ETag still matches; undefined when it changed meanwhile. */
  replaceIfMatch(request: RemovalRequest, etag: string): Promise<StoredRemovalRequest | undefined>;
  /** Requests not yet `notified`, oldest first (single partition; for the notification job, never a turn). */
  listUnfinished(partnerTenantId: string, limit: number): Promise<StoredRemovalRequest[]>;
}

/** Whether the customer's record shows "removal requested" (the relationship is not known gone). */
export function isOpenRequest(request: RemovalRequest | undefined): request is RemovalRequest {
  return request?.status === 'open';
}

/** The paragraphs of a statement that attest the decision was made in good faith (all of them when none says so). */
export function goodFaithParagraphs(paragraphs: readonly string[]): string[] {
  const matching = paragraphs.filter((p) => /good faith|gutem glauben/i.test(p));
  return matching.length > 0 ? matching : [...paragraphs];
}
