import { renderAcceptedCard } from '../cards/notificationCards';
import type { AuditLog } from '../domain/audit';
import type { ConversationRepository } from '../domain/conversations';
import type { Invitation, InvitationKind, InvitationRepository } from '../domain/invitations';
import type { Logger } from '../logging/logger';
import type { PartnerCenterClient } from '../partnerCenter/client';
import { PartnerCenterError } from '../partnerCenter/errors';
import type { Customer } from '../partnerCenter/types';
import type { DedupeRepository, Stored } from '../storage/dedupeRepository';
import type { Clock } from './clock';
import { cardActivity, type NotificationDelivery } from './delivery';
import { inviterAndChannels, resolveRecipient, saveAsOwner } from './recipients';
import { ACCEPTANCE_EVENTS, customerIdOf, parseWebhookEvent } from './events';
import { matchInvitation } from './matcher';
import { withOutboxSchedule } from './outbox';
import type { AcceptanceOutcome } from './records';

export type { AcceptanceOutcome } from './records';
import { acceptanceId, DECISION_TTL_SECONDS, type AcceptanceRecord, type DeliveryRecord } from './records';

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored' | 'invalid';

export interface AcceptanceProcessorDeps {
  partnerTenantId: string;
  /** Identifies this bot instance as the owner of records it works on. */
  instanceId: string;
  partnerCenter: PartnerCenterClient;
  invitations: InvitationRepository;
  audit: AuditLog;
  conversations: ConversationRepository;
  dedupe: DedupeRepository;
  delivery: NotificationDelivery;
  clock: Clock;
  logger: Logger;
  /** A `sending` record not renewed for this long is taken over (default 10 min). */
  staleAfterMs?: number;
}

/** Pending invitations considered when matching (newest first). */
const MAX_PENDING = 5000;

/**
 * Turns an acceptance (from the webhook or the reconciler) into exactly one notification:
 * fetch the customer, match a pending invitation, record the decision create-if-absent, mark the
 * invitation accepted (ETag), audit it, and deliver the card to the inviter and the subscribed
 * channels, recording each delivery's outcome.
 */
export class AcceptanceProcessor {
  private readonly log: Logger;
  private readonly staleAfterMs: number;
  private pendingInFlight?: Promise<Invitation[]>;
  /** Invitations matched by this instance while the current listing was shared. */
  private readonly takenInvitations = new Set<string>();

  constructor(private readonly deps: AcceptanceProcessorDeps) {
    this.log = deps.logger;
    this.staleAfterMs = deps.staleAfterMs ?? 10 * 60_000;
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  /** Handles one verified webhook body (from the inbox, which drops bodies seen before). */
  async handleWebhook(raw: Buffer): Promise<WebhookOutcome> {
    const event = parseWebhookEvent(raw);
    if (!event) {
      this.log.warn('webhook: body is not a Partner Center event');
      return 'invalid';
    }
    const kind = ACCEPTANCE_EVENTS[event.eventName];
    if (!kind) {
      this.log.info({ eventName: event.eventName.slice(0, 80) }, 'webhook: event ignored');
      return 'ignored';
    }
    const customerId = customerIdOf(event);
    if (!customerId) {
      this.log.warn({ eventName: event.eventName }, 'webhook: no customer id in ResourceUri');
      return 'invalid';
    }
    // The inbox (WebhookInbox) stored this body once; processing an acceptance is idempotent.
    const outcome = await this.processAcceptance(customerId, { kind, source: 'webhook' });
    this.log.info({ eventName: event.eventName, outcome }, 'webhook: processed');
    return 'processed';
  }

  /**
   * Processes the acceptance of `customerId` once, whoever calls it how often: the first caller
   * decides (create-if-absent), later callers find the decision and stop, unless its owner
   * stopped working on it — then they finish it.
   */
  async processAcceptance(
    customerId: string,
    hint: { kind?: InvitationKind; source: 'webhook' | 'reconciler' },
  ): Promise<AcceptanceOutcome> {
    const id = acceptanceId(this.deps.partnerTenantId, customerId);
    const existing = await this.deps.dedupe.read<AcceptanceRecord>(id);
    if (existing) return this.continueExisting(existing);

    let customer: Customer;
    try {
      customer = await this.deps.partnerCenter.getCustomer(customerId, { auth: 'app' });
    } catch (err) {
      if (err instanceof PartnerCenterError && err.kind === 'not_found') {
        this.log.info({ customerId }, 'acceptance: customer no longer ours, nothing to notify');
        return 'customer_gone';
      }
      throw err;
    }
    const provider = await this.providerOf(customerId);
    const kind: InvitationKind = hint.kind ?? (provider ? 'indirectReseller' : 'reseller');
    const pending = await this.pendingInvitations();
    const match = matchInvitation(
      {
        id: customer.id,
        companyName: customer.companyName,
        domain: customer.domain,
        customDomains: customer.customDomains,
        kind,
        providerId: provider?.id,
      },
      pending,
    );
    const now = this.nowIso();
    const record: AcceptanceRecord = {
      id,
      type: 'acceptance',
      ttl: DECISION_TTL_SECONDS,
      partnerTenantId: this.deps.partnerTenantId,
      customerId,
      customer: { companyName: customer.companyName, domain: customer.domain },
      kind,
      source: hint.source,
      state: 'sending',
      owner: this.deps.instanceId,
      claimedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    if (match) {
      record.invitationId = match.id;
      this.takenInvitations.add(match.id);
    }
    if (provider ?? match?.provider) record.provider = provider ?? match?.provider;
    const created = await this.deps.dedupe.tryCreate(record);
    if (!created) {
      this.log.info({ customerId }, 'acceptance: decided by another instance');
      return 'duplicate';
    }
    this.log.info(
      { customerId, invitationId: record.invitationId, matched: !!match, source: hint.source },
      'acceptance: recorded',
    );
    return this.complete(created);
  }

  /** Completes a record this instance has just taken over (the outbox's retry round). */
  completeTaken(record: Stored<AcceptanceRecord>): Promise<AcceptanceOutcome> {
    return this.complete(record);
  }

  /** Finishes records whose owner stopped renewing them (crash, restart). Returns how many. */
  async resumeStale(limit = 20): Promise<number> {
    const before = new Date(this.deps.clock.now() - this.staleAfterMs).toISOString();
    const stale = await this.deps.dedupe.findOlderThan<AcceptanceRecord>(
      'acceptance',
      { field: 'claimedAt', before, where: { state: 'sending', partnerTenantId: this.deps.partnerTenantId } },
      limit,
    );
    let resumed = 0;
    for (const record of stale) {
      if ((await this.continueExisting(record)) === 'notified') resumed++;
    }
    return resumed;
  }

  /** Forgets the decision about a customer that is gone, so a later re-acceptance is news again. */
  async forgetCustomer(customerId: string): Promise<void> {
    const record = await this.deps.dedupe.read<AcceptanceRecord>(
      acceptanceId(this.deps.partnerTenantId, customerId),
    );
    if (record?.state === 'done') await this.deps.dedupe.delete(record.id);
  }

  private async continueExisting(existing: Stored<AcceptanceRecord>): Promise<AcceptanceOutcome> {
    if (existing.state === 'done') return 'duplicate';
    // Someone (possibly another worker of this very instance) renewed it lately: it is being worked on.
    const age = this.deps.clock.now() - Date.parse(existing.claimedAt);
    if (age < this.staleAfterMs) return 'in_progress';
    const taken = await this.deps.dedupe.replaceIfMatch<AcceptanceRecord>(
      { ...existing, owner: this.deps.instanceId, claimedAt: this.nowIso(), updatedAt: this.nowIso() },
      existing.etag,
    );
    if (!taken) return 'in_progress';
    this.log.info({ customerId: existing.customerId }, 'acceptance: taking over an unfinished notification');
    return this.complete(taken);
  }

  private async complete(initial: Stored<AcceptanceRecord>): Promise<AcceptanceOutcome> {
    let record = initial;
    const now = this.nowIso();
    let invitation: Invitation | undefined;
    if (record.invitationId) {
      invitation = await this.deps.invitations.update(
        this.deps.partnerTenantId,
        record.invitationId,
        (current) =>
          current.status === 'accepted'
            ? undefined
            : {
                ...current,
                status: 'accepted',
                acceptedAt: now,
                updatedAt: now,
                acceptedCustomer: {
                  id: record.customerId,
                  companyName: record.customer.companyName,
                  domain: record.customer.domain,
                },
              },
      );
      if (!invitation || invitation.acceptedCustomer?.id !== record.customerId) {
        // Gone, or another customer accepted it first: this acceptance matches no invitation.
        this.log.info({ customerId: record.customerId }, 'acceptance: invitation taken meanwhile, unmatched');
        invitation = undefined;
        const { invitationId: _dropped, ...rest } = record;
        const saved = await this.save({ ...rest });
        if (!saved) return 'lost_ownership';
        record = saved;
      }
    }

    await this.deps.audit.append({
      id: `invitation-accepted-${record.customerId}-${record.invitationId ?? 'unmatched'}`,
      partnerTenantId: this.deps.partnerTenantId,
      action: 'invitation.accepted',
      outcome: 'succeeded',
      customer: { id: record.customerId, ...record.customer },
      details: {
        invitationId: record.invitationId,
        matched: !!record.invitationId,
        kind: record.kind,
        providerId: record.provider?.id,
        source: record.source,
      },
    });

    if (!record.deliveries) {
      const saved = await this.save({ ...record, deliveries: await this.recipients(invitation) });
      if (!saved) return 'lost_ownership';
      record = saved;
    }

    const deliveries = [...(record.deliveries ?? [])];
    for (const [i, delivery] of deliveries.entries()) {
      if (delivery.status !== 'pending') continue;
      deliveries[i] = await this.deliverOne(record, delivery, invitation);
      const saved = await this.save({ ...record, deliveries: [...deliveries] });
      if (!saved) return 'lost_ownership';
      record = saved;
    }
    const done = await this.save(withOutboxSchedule({ ...record, state: 'done' }, this.deps.clock.now()));
    if (!done) return 'lost_ownership';
    this.log.info(
      {
        customerId: record.customerId,
        deliveries: deliveries.map((d) => ({ target: d.target, status: d.status, attempts: d.attempts })),
      },
      'acceptance: notifications delivered',
    );
    return 'notified';
  }

  /** The inviter's conversation, then every subscribed channel (each conversation once). */
  private recipients(invitation: Invitation | undefined): Promise<DeliveryRecord[]> {
    return inviterAndChannels(invitation, this.deps.conversations, this.deps.partnerTenantId);
  }

  private async deliverOne(
    record: AcceptanceRecord,
    delivery: DeliveryRecord,
    invitation: Invitation | undefined,
  ): Promise<DeliveryRecord> {
    const { target, t } = await resolveRecipient(this.deps.delivery, delivery, invitation);
    const card = renderAcceptedCard(t, {
      audience: delivery.target === 'inviter' ? 'inviter' : invitation ? 'channel' : 'unmatched',
      customer: record.customer,
      kind: record.kind,
      provider: record.provider,
      inviterName: invitation?.createdBy.name,
      invitedAt: invitation?.createdAt,
    });
    const title = (card.body as { text?: string }[] | undefined)?.[0]?.text ?? '';
    return this.deps.delivery.send(delivery, target, cardActivity(card, title), () => this.nowIso());
  }

  /** Saves the record as its owner (renewing `claimedAt`); undefined when another instance took it over. */
  private save(record: Stored<AcceptanceRecord>): Promise<Stored<AcceptanceRecord> | undefined> {
    return saveAsOwner(this.deps.dedupe, record, this.nowIso(), {
      log: this.log,
      context: { customerId: record.customerId },
      message: 'acceptance: record taken over by another instance',
    });
  }

  private async providerOf(customerId: string): Promise<{ id: string; name: string } | undefined> {
    try {
      const relationships = await this.deps.partnerCenter.listCustomerRelationships(customerId, {
        auth: 'app',
      });
      const provider = relationships[0];
      return provider ? { id: provider.id, name: provider.name } : undefined;
    } catch (err) {
      // Only decoration for the card: the notification goes out without the provider's name.
      this.log.info(
        { customerId, kind: err instanceof PartnerCenterError ? err.kind : 'error' },
        'acceptance: relationships not available',
      );
      return undefined;
    }
  }

  /**
   * Pending invitations to match against. Events that arrive while a listing is running share it
   * instead of each listing every pending invitation (a burst of n acceptances was O(n²) Cosmos
   * requests); the next event after it settles lists afresh, so nothing newer is missed. Invitations
   * matched meanwhile are left out, so two customers do not both pick the same one.
   */
  private async pendingInvitations(): Promise<Invitation[]> {
    if (!this.pendingInFlight) {
      this.takenInvitations.clear();
      const listing = this.listPending();
      this.pendingInFlight = listing;
      const done = () => {
        if (this.pendingInFlight === listing) this.pendingInFlight = undefined;
      };
      listing.then(done, done);
    }
    const items = await this.pendingInFlight;
    return items.filter((i) => !this.takenInvitations.has(i.id));
  }

  private async listPending(): Promise<Invitation[]> {
    const out: Invitation[] = [];
    let continuation: string | undefined;
    do {
      const page = await this.deps.invitations.list(this.deps.partnerTenantId, {
        status: 'pending',
        limit: 100,
        continuation,
      });
      out.push(...page.items);
      continuation = page.continuation;
    } while (continuation && out.length < MAX_PENDING);
    return out;
  }
}
