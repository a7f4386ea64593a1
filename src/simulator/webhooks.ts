import type { Logger } from '../logging/logger';
import { httpAttempt, isTransientStatus, retry, type AttemptVerdict } from '../resilience';
import { signWithLeaf } from './certificates';
import { REAL_PARTNER_CENTER_API } from './model';

export const WEBHOOK_EVENT_RESELLER = 'reseller-relationship-accepted-by-customer';
export const WEBHOOK_EVENT_INDIRECT_RESELLER = 'indirect-reseller-relationship-accepted-by-customer';

/** Partner Center webhook payload (PascalCase, as Partner Center sends it). */
export interface PartnerCenterWebhookEvent {
  EventName: string;
  ResourceUri: string;
  ResourceName: string;
  AuditUri: string;
  ResourceChangeUtcDate: string;
}

export interface WebhookDeliveryResult {
  delivered: boolean;
  attempts: number;
  status?: number;
  reason?: string;
}

export interface WebhookSenderOptions {
  logger: Logger;
  /** Where events are POSTed (none when undefined). Can be changed later. */
  url?: string;
  /** The X-MS-Certificate-Url header (read per event: the host's port may be known only later). */
  certificateUrl: () => string;
  /** Waits between attempts (default [500, 2000, 5000]: 4 attempts). */
  retryDelaysMs?: number[];
  /** Per-attempt timeout of a POST (default 5000). */
  timeoutMs?: number;
}

/**
 * Partner Center's webhook sender: signs each event like Partner Center (RSA-SHA256 over the raw
 * body, certificate URL header) and POSTs it in the background, retried on 408/429/5xx/network
 * failures through the resilience retry loop. Any event name works: `sendEvent(name, resourceUri)`.
 */
export class WebhookSender {
  private target: string | undefined;
  private readonly pending = new Set<Promise<WebhookDeliveryResult>>();
  private readonly closing = new AbortController();
  private readonly delaysMs: number[];
  private readonly timeoutMs: number;

  constructor(private readonly options: WebhookSenderOptions) {
    this.target = options.url;
    this.delaysMs = options.retryDelaysMs ?? [500, 2000, 5000];
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  get url(): string | undefined {
    return this.target;
  }

  /** Point webhooks somewhere else (e.g. once the host server knows its port), or nowhere. */
  setUrl(url: string | undefined): void {
    this.target = url;
  }

  /** Signature headers for a raw body, as Partner Center sends them. */
  sign(raw: Buffer): Record<string, string> {
    return {
      'Content-Type': 'application/json; charset=utf-8',
      Authorization: `Signature ${signWithLeaf(raw)}`,
      'X-MS-Certificate-Url': this.options.certificateUrl(),
      'X-MS-Signature-Algorithm': 'rsa-sha256',
    };
  }

  /** Sends `eventName` about `resourceUri` (default: a Partner Center customer resource). */
  sendEvent(
    eventName: string,
    resourceUri: string,
    extra: Partial<Omit<PartnerCenterWebhookEvent, 'EventName' | 'ResourceUri'>> = {},
  ): Promise<WebhookDeliveryResult> {
    return this.send({ ...extra, EventName: eventName, ResourceUri: resourceUri });
  }

  /**
   * POSTs a signed event in the background with retries; missing fields get Partner Center's
   * defaults. The promise settles with the outcome and never rejects.
   */
  send(event: Partial<PartnerCenterWebhookEvent> & { EventName: string }): Promise<WebhookDeliveryResult> {
    const full: PartnerCenterWebhookEvent = {
      EventName: event.EventName,
      ResourceUri: event.ResourceUri ?? `${REAL_PARTNER_CENTER_API}/v1/customers`,
      ResourceName: event.ResourceName ?? 'Customer',
      AuditUri: event.AuditUri ?? `${REAL_PARTNER_CENTER_API}/v1/auditrecords`,
      ResourceChangeUtcDate: event.ResourceChangeUtcDate ?? new Date().toISOString(),
    };
    const delivery = this.deliver(full);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return delivery;
  }

  /** Resolves when no delivery is in flight. */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops retries and waits for in-flight deliveries. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.whenIdle();
  }

  private async deliver(event: PartnerCenterWebhookEvent): Promise<WebhookDeliveryResult> {
    const url = this.target;
    if (!url) return { delivered: false, attempts: 0, reason: 'no webhookUrl configured' };
    const log = this.options.logger;
    const raw = Buffer.from(JSON.stringify(event), 'utf8');
    const headers = this.sign(raw);
    let last: WebhookDeliveryResult = { delivered: false, attempts: 0 };

    const attempt = async (n: number): Promise<AttemptVerdict<WebhookDeliveryResult>> => {
      if (this.closing.signal.aborted) return { kind: 'fail', error: new Error('simulator closed') };
      const outcome = await httpAttempt({
        url,
        method: 'POST',
        headers,
        body: raw,
        timeoutMs: this.timeoutMs,
        signal: this.closing.signal,
      });
      if (outcome.type === 'response') {
        last = {
          delivered: outcome.status >= 200 && outcome.status < 300,
          attempts: n,
          status: outcome.status,
        };
        if (last.delivered) return { kind: 'done', value: last };
        last.reason = `HTTP ${outcome.status}`;
      } else {
        const reason = outcome.type === 'network' ? errorMessage(outcome.cause) : outcome.type;
        last = { delivered: false, attempts: n, reason };
      }
      log.warn(
        { eventName: event.EventName, attempt: n, reason: last.reason },
        'simulator: webhook attempt failed',
      );
      if (outcome.type === 'cancelled') return { kind: 'fail', error: new Error('simulator closed') };
      const retryable = outcome.type !== 'response' || isTransientStatus(outcome.status);
      const error = new Error(last.reason);
      return retryable ? { kind: 'retry', error } : { kind: 'fail', error };
    };

    try {
      const delivered = await retry(attempt, {
        maxAttempts: this.delaysMs.length + 1,
        delaysMs: this.delaysMs,
        signal: this.closing.signal,
      });
      log.info(
        { eventName: event.EventName, attempt: delivered.attempts, status: delivered.status },
        'simulator: webhook delivered',
      );
      return delivered;
    } catch {
      if (this.closing.signal.aborted) return { ...last, reason: 'simulator closed' };
      log.error(
        { eventName: event.EventName, attempts: last.attempts, reason: last.reason },
        'simulator: webhook not delivered',
      );
      return last;
    }
  }
}

function errorMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : 'network error';
}
