import { randomUUID } from 'node:crypto';
import { BOT_WEBHOOK_EVENTS } from '../partnerCenter/webhookRegistration';
import { REAL_PARTNER_CENTER_API } from './model';
import type { WebhookDeliveryResult, WebhookSender } from './webhooks';

/** Events Partner Center offers for registration (a representative subset, plus the bot's). */
export const SIMULATOR_AVAILABLE_EVENTS: readonly string[] = [
  'test-created',
  'subscription-updated',
  'subscription-renewed',
  'customer-created',
  'dap-admin-relationship-terminated',
  ...BOT_WEBHOOK_EVENTS,
];

/** Partner Center's event of a test (validation) delivery. */
export const TEST_EVENT_NAME = 'test-created';

export interface SimulatorRegistration {
  subscriberId: string;
  webhookUrl: string;
  webhookEvents: string[];
}

export interface ValidationEventRecord {
  correlationId: string;
  partnerId: string;
  status: 'pending' | 'completed';
  results: { responseCode: string; responseMessage: string; systemMessage: string; dateTimeUtc: string }[];
}

export class RegistrationError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 429,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The simulator's webhook registration: one per partner, as in Partner Center. The URL lives in the
 * webhook sender (so `setWebhookUrl`, which embedded mode uses, is a registration with the events the
 * bot handles); test events go through the same signed sender and their delivery status is kept.
 */
export class WebhookRegistry {
  private events: string[] | undefined;
  private readonly subscriberId = randomUUID();
  private readonly validations = new Map<string, ValidationEventRecord>();
  private readonly testTimes: number[] = [];

  constructor(
    private readonly sender: WebhookSender,
    private readonly partnerId: string,
    /** Test events allowed per minute (Partner Center: 2). */
    private readonly testsPerMinute = 2,
    private readonly now: () => number = Date.now,
  ) {}

  /** The registration, if a URL is set (default events: those the bot handles). */
  current(): SimulatorRegistration | undefined {
    const url = this.sender.url;
    if (!url) return undefined;
    return {
      subscriberId: this.subscriberId,
      webhookUrl: url,
      webhookEvents: [...(this.events ?? BOT_WEBHOOK_EVENTS)],
    };
  }

  /** POST (create: 409 when one exists) or PUT (update: 404 when none). */
  save(input: unknown, mode: 'create' | 'update'): SimulatorRegistration {
    const exists = this.current() !== undefined;
    if (mode === 'create' && exists)
      throw new RegistrationError(409, 'A registration already exists; use PUT.');
    if (mode === 'update' && !exists) throw new RegistrationError(404, 'No registration to update.');
    const { url, events } = parseRegistration(input);
    this.events = events;
    this.sender.setUrl(url);
    return { subscriberId: this.subscriberId, webhookUrl: url, webhookEvents: [...events] };
  }

  /** Sends a test event to the registered URL; its correlation id. */
  sendTestEvent(): string {
    const registration = this.current();
    if (!registration) throw new RegistrationError(404, 'No webhook registration.');
    const t = this.now();
    while ((this.testTimes[0] ?? t) <= t - 60_000) this.testTimes.shift();
    if (this.testTimes.length >= this.testsPerMinute) {
      throw new RegistrationError(429, 'At most 2 test events per minute.');
    }
    this.testTimes.push(t);
    const correlationId = randomUUID();
    const record: ValidationEventRecord = {
      correlationId,
      partnerId: this.partnerId,
      status: 'pending',
      results: [],
    };
    this.validations.set(correlationId, record);
    void this.sender
      .sendEvent(
        TEST_EVENT_NAME,
        `${REAL_PARTNER_CENTER_API}/webhooks/v1/registration/validationEvents/${correlationId}`,
        {
          ResourceName: 'test',
        },
      )
      .then((result) => this.complete(record, result));
    return correlationId;
  }

  validation(correlationId: string): ValidationEventRecord | undefined {
    return this.validations.get(correlationId);
  }

  private complete(record: ValidationEventRecord, result: WebhookDeliveryResult): void {
    record.status = 'completed';
    record.results.push({
      responseCode: result.delivered ? 'OK' : result.status !== undefined ? String(result.status) : 'Failed',
      responseMessage: '',
      systemMessage: result.delivered ? 'Request completed' : (result.reason ?? 'Not delivered'),
      dateTimeUtc: new Date(this.now()).toISOString(),
    });
  }
}

function parseRegistration(input: unknown): { url: string; events: string[] } {
  const body =
    input && typeof input === 'object' && !Array.isArray(input)
      ? Object.fromEntries(Object.entries(input).map(([k, v]) => [k.toLowerCase(), v as unknown]))
      : {};
  const url = body['webhookurl'];
  const events = body['webhookevents'];
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/i.test(url) || url.length > 2000) {
    throw new RegistrationError(400, 'WebhookUrl must be an http(s) URL.');
  }
  if (!Array.isArray(events) || events.length === 0 || !events.every((e) => typeof e === 'string')) {
    throw new RegistrationError(400, 'WebhookEvents must be a non-empty list of event names.');
  }
  const unknown = events.filter((e) => !SIMULATOR_AVAILABLE_EVENTS.includes(e));
  if (unknown.length > 0) throw new RegistrationError(400, `Unknown events: ${unknown.join(', ')}`);
  return { url, events: [...new Set(events)] };
}
