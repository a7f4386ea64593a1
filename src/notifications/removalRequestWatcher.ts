import { mediumDateFormat } from '../cards/formats';
import { renderRemoveResultCard } from '../cards/removeCards';
import { trustedSentence } from '../cards/untrusted';
import type { AuditLog } from '../domain/audit';
import type { RemovalRequestRepository, StoredRemovalRequest } from '../domain/removalRequests';
import { translatorFor } from '../i18n/i18n';
import type { Logger } from '../logging/logger';
import type { PartnerCenterClient } from '../partnerCenter/client';
import { isPartnerCenterError } from '../partnerCenter/errors';
import type { Clock } from './clock';
import { cardActivity, conversationIdOf, type NotificationDelivery } from './delivery';
import type { DeliveryRecord } from './records';

export interface RemovalRequestWatcherDeps {
  partnerTenantId: string;
  partnerCenter: PartnerCenterClient;
  requests: RemovalRequestRepository;
  audit: AuditLog;
  delivery: NotificationDelivery;
  clock: Clock;
  logger: Logger;
  /** A delivery left `sending` this long by a stopped instance is taken over (default 10 min). */
  staleAfterMs?: number;
}

/** Requests looked at per run. */
const RUN_LIMIT = 100;
/** Delivery attempts (runs) before a failed notification is left for the operator. */
const MAX_DELIVERY_ROUNDS = 8;

export const REMOVAL_REQUEST_COMPLETED = 'removalRequest.completed';

/**
 * The removal requests asked of the indirect provider, checked on each scheduled run (under the
 * notification lease): an open request whose customer Partner Center no longer lists (a point
 * read: 404, or relationshipToPartner `none`) is marked removed and audited, and its requester is
 * told once. Every step is an ETag-guarded change of the request, so two instances (or a lease
 * handed over mid-run) neither mark twice nor notify twice.
 */
export class RemovalRequestWatcher {
  private readonly staleAfterMs: number;

  constructor(private readonly deps: RemovalRequestWatcherDeps) {
    this.staleAfterMs = deps.staleAfterMs ?? 10 * 60_000;
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  /** Returns how many requesters were notified now. */
  async run(): Promise<number> {
    const requests = await this.deps.requests.listUnfinished(this.deps.partnerTenantId, RUN_LIMIT);
    let notified = 0;
    for (const request of requests) {
      try {
        let current: StoredRemovalRequest | undefined = request;
        if (current.status === 'open') current = await this.checkRemoved(current);
        if (current?.status === 'removed' && (await this.notify(current))) notified++;
      } catch (err) {
        this.deps.logger.warn(
          { customerId: request.id, err: err instanceof Error ? err.name : 'error' },
          'removal request not checked; next run will try again',
        );
      }
    }
    return notified;
  }

  /** Whether Partner Center still lists the customer; when not, the request becomes `removed` (audited). */
  private async checkRemoved(request: StoredRemovalRequest): Promise<StoredRemovalRequest | undefined> {
    let gone: boolean;
    try {
      const customer = await this.deps.partnerCenter.getCustomer(request.customer.id, { auth: 'app' });
      gone = customer.relationshipToPartner === 'none';
    } catch (err) {
      if (!isPartnerCenterError(err, 'not_found')) throw err;
      gone = true;
    }
    if (!gone) return undefined;
    const now = this.nowIso();
    const marked = await this.deps.requests.replaceIfMatch(
      {
        ...request,
        status: 'removed',
        removedAt: now,
        delivery: { status: 'pending', attempts: 0 },
        updatedAt: now,
      },
      request.etag,
    );
    if (!marked) return undefined; // another instance got there first
    await this.deps.audit.append({
      id: `removal-request-completed-${request.requestId}`,
      partnerTenantId: this.deps.partnerTenantId,
      action: REMOVAL_REQUEST_COMPLETED,
      outcome: 'succeeded',
      customer: request.customer,
      actor: { aadObjectId: request.requestedBy.aadObjectId, name: request.requestedBy.name },
      details: { provider: request.provider, requestedAt: request.requestedAt, removedAt: now },
    });
    this.deps.logger.info(
      { customerId: request.id },
      'removal request: the provider removed the relationship',
    );
    return marked;
  }

  /** Tells the requester once: the delivery is claimed by ETag, sent, and its outcome saved. */
  private async notify(request: StoredRemovalRequest): Promise<boolean> {
    const delivery = request.delivery ?? { status: 'pending', attempts: 0 };
    const stale =
      delivery.status === 'sending' &&
      this.deps.clock.now() - Date.parse(delivery.claimedAt ?? '') > this.staleAfterMs;
    const retry = delivery.status === 'failed' && delivery.attempts < MAX_DELIVERY_ROUNDS;
    if (delivery.status !== 'pending' && !stale && !retry) return false;
    const now = this.nowIso();
    const claimed = await this.deps.requests.replaceIfMatch(
      { ...request, delivery: { ...delivery, status: 'sending', claimedAt: now }, updatedAt: now },
      request.etag,
    );
    if (!claimed) return false;
    const conversationId = conversationIdOf(request.conversationReference) ?? request.conversationId;
    const target = await this.deps.delivery.resolve(conversationId, request.conversationReference);
    const t = translatorFor(request.locale ?? target.locale);
    const card = renderRemoveResultCard({
      title: t.t('removalRequest.notify.title'),
      color: 'Good',
      facts: [],
      lines: [
        {
          text: trustedSentence(t, 'removalRequest.notify.text', {
            name: request.customer.companyName,
            domain: request.customer.domain,
            provider: request.provider.name,
            date: mediumDateFormat(t.locale).format(new Date(request.requestedAt)),
          }),
        },
        { text: t.t('removalRequest.notify.reminder') },
      ],
      footer: '',
    });
    const record: DeliveryRecord = { target: 'inviter', conversationId, status: 'pending', attempts: 0 };
    const sent = await this.deps.delivery.send(
      record,
      target,
      cardActivity(card, t.t('removalRequest.notify.title')),
      () => this.nowIso(),
    );
    const ok = sent.status === 'sent' || sent.status === 'skipped' ? sent.status : undefined;
    const saved = await this.deps.requests.replaceIfMatch(
      {
        ...claimed,
        status: ok ? 'notified' : 'removed',
        delivery: {
          status: ok ?? 'failed',
          attempts: delivery.attempts + 1,
          ...(sent.reason ? { reason: sent.reason } : {}),
          at: this.nowIso(),
        },
        updatedAt: this.nowIso(),
      },
      claimed.etag,
    );
    if (!saved)
      this.deps.logger.warn({ customerId: request.id }, 'removal request: delivery outcome not saved');
    return sent.status === 'sent';
  }
}
