import type { CallContext } from './client';
import { PartnerCenterError } from './errors';
import { isRecord, str } from './normalize';
import { PartnerCenterTransport, type PartnerCenterTransportOptions } from './transport';

/** Acceptance events: the inviter is notified (src/notifications). */
export const ACCEPTANCE_WEBHOOK_EVENTS = [
  'reseller-relationship-accepted-by-customer',
  'indirect-reseller-relationship-accepted-by-customer',
] as const;

/** GDAP (admin access) events the bot handles. */
export const GDAP_WEBHOOK_EVENTS = [
  'granular-admin-relationship-approved',
  'granular-admin-relationship-activated',
  'granular-admin-relationship-terminated',
  'granular-admin-relationship-expired',
] as const;

/** Every Partner Center webhook event the bot handles: what `npm run webhook -- register` registers. */
export const BOT_WEBHOOK_EVENTS: readonly string[] = [...ACCEPTANCE_WEBHOOK_EVENTS, ...GDAP_WEBHOOK_EVENTS];

/** Where Partner Center posts events to the bot, relative to PUBLIC_BASE_URL. */
export const BOT_WEBHOOK_PATH = '/api/partner-center/events';

/** Partner Center's webhook registration (`GET|POST|PUT /webhooks/v1/registration`). */
export interface WebhookRegistration {
  subscriberId?: string;
  webhookUrl: string;
  webhookEvents: string[];
}

/** One delivery attempt of a test event (`GET …/validationEvents/{correlationId}`). */
export interface ValidationEventResult {
  responseCode?: string;
  responseMessage?: string;
  systemMessage?: string;
  dateTimeUtc?: string;
}

export interface ValidationEventStatus {
  correlationId: string;
  /** e.g. 'completed', 'pending'. */
  status: string;
  results: ValidationEventResult[];
}

/** What the configured registration lacks compared with what the bot needs. */
export interface RegistrationCheck {
  registered: boolean;
  urlMatches: boolean;
  missingEvents: string[];
  extraEvents: string[];
  ok: boolean;
}

/** Compares a registration (undefined: none) with the URL and events the bot needs. */
export function checkRegistration(
  registration: WebhookRegistration | undefined,
  expectedUrl: string,
  needed: readonly string[] = BOT_WEBHOOK_EVENTS,
): RegistrationCheck {
  if (!registration) {
    return { registered: false, urlMatches: false, missingEvents: [...needed], extraEvents: [], ok: false };
  }
  const have = new Set(registration.webhookEvents.map((e) => e.toLowerCase()));
  const want = new Set(needed.map((e) => e.toLowerCase()));
  const missingEvents = needed.filter((e) => !have.has(e.toLowerCase()));
  const extraEvents = registration.webhookEvents.filter((e) => !want.has(e.toLowerCase()));
  const urlMatches = sameUrl(registration.webhookUrl, expectedUrl);
  return {
    registered: true,
    urlMatches,
    missingEvents,
    extraEvents,
    ok: urlMatches && missingEvents.length === 0,
  };
}

function sameUrl(a: string, b: string): boolean {
  return a.trim().replace(/\/+$/, '').toLowerCase() === b.trim().replace(/\/+$/, '').toLowerCase();
}

const APP: CallContext = { auth: 'app' };

/**
 * The Partner Center webhook registration API (App-only token): read, register, update, the list of
 * available events, and test events with their delivery status. Retries through the shared
 * transport (reads always; writes only after a 429, whose request was not processed).
 */
export class WebhookRegistrationClient {
  private readonly transport: PartnerCenterTransport;

  constructor(options: PartnerCenterTransportOptions) {
    this.transport = new PartnerCenterTransport(options);
  }

  /** The current registration; undefined when there is none (404, or an empty answer). */
  async get(ctx: CallContext = APP): Promise<WebhookRegistration | undefined> {
    try {
      const body = await this.transport.send(
        { name: 'getWebhookRegistration', method: 'GET', path: '/webhooks/v1/registration', retry: 'always' },
        ctx,
      );
      return toRegistration(body);
    } catch (err) {
      if (err instanceof PartnerCenterError && err.kind === 'not_found') return undefined;
      throw err;
    }
  }

  /** Registers (POST) or, when a registration exists, updates (PUT) the URL and events. */
  async save(
    registration: WebhookRegistration,
    update: boolean,
    ctx: CallContext = APP,
  ): Promise<WebhookRegistration> {
    const body = await this.transport.send(
      {
        name: update ? 'updateWebhookRegistration' : 'registerWebhook',
        method: update ? 'PUT' : 'POST',
        path: '/webhooks/v1/registration',
        body: { WebhookUrl: registration.webhookUrl, WebhookEvents: registration.webhookEvents },
        retry: update ? 'idempotent-write' : 'throttle-only',
      },
      ctx,
    );
    return toRegistration(body) ?? registration;
  }

  /** Event names Partner Center offers. */
  async availableEvents(ctx: CallContext = APP): Promise<string[]> {
    const body = await this.transport.send(
      { name: 'listWebhookEvents', method: 'GET', path: '/webhooks/v1/registration/events', retry: 'always' },
      ctx,
    );
    const list = Array.isArray(body)
      ? body
      : isRecord(body) && Array.isArray(body['items'])
        ? body['items']
        : [];
    return list.filter((e): e is string => typeof e === 'string');
  }

  /** Asks Partner Center to send a test event to the registered URL; its correlation id. */
  async sendTestEvent(ctx: CallContext = APP): Promise<string> {
    const body = await this.transport.send(
      {
        name: 'createValidationEvent',
        method: 'POST',
        path: '/webhooks/v1/registration/validationEvents',
        retry: 'throttle-only',
      },
      ctx,
    );
    const id = typeof body === 'string' ? body : isRecord(body) ? str(body, 'correlationid') : undefined;
    if (!id) throw new Error('Partner Center answered the test event without a correlation id');
    return id;
  }

  /** Delivery status of a test event. */
  async testEventStatus(correlationId: string, ctx: CallContext = APP): Promise<ValidationEventStatus> {
    const body = await this.transport.send(
      {
        name: 'getValidationEvent',
        method: 'GET',
        path: `/webhooks/v1/registration/validationEvents/${encodeURIComponent(correlationId)}`,
        retry: 'always',
      },
      ctx,
    );
    const rec = isRecord(body) ? body : {};
    const results = Array.isArray(rec['results']) ? rec['results'].filter(isRecord) : [];
    return {
      correlationId: str(rec, 'correlationid') ?? correlationId,
      status: str(rec, 'status') ?? 'unknown',
      results: results.map((r) => ({
        responseCode: str(r, 'responsecode'),
        responseMessage: str(r, 'responsemessage'),
        systemMessage: str(r, 'systemmessage'),
        dateTimeUtc: str(r, 'datetimeutc'),
      })),
    };
  }
}

/** Keys arrive normalized to lower case by the transport. */
function toRegistration(body: unknown): WebhookRegistration | undefined {
  if (!isRecord(body)) return undefined;
  const url = str(body, 'webhookurl');
  if (!url) return undefined;
  const events = Array.isArray(body['webhookevents'])
    ? body['webhookevents'].filter((e): e is string => typeof e === 'string')
    : [];
  return { subscriberId: str(body, 'subscriberid'), webhookUrl: url, webhookEvents: events };
}
