import {
  CloudAdapterBase,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../logging/logger';
import { parseRetryAfterMs, retry, type AttemptVerdict } from '../resilience';
import { systemClock, type Clock } from './clock';
import { RateLimiter, TEAMS_CONVERSATION_LIMITS, TEAMS_TENANT_LIMITS, type RateWindow } from './rateLimiter';

/** Where a proactive message goes. */
export interface ProactiveTarget {
  /** The channel's conversation id (as in the reference). */
  conversationId: string;
  reference: Partial<ConversationReference>;
}

export type DeliveryStatus = 'sent' | 'inactive' | 'failed';

export interface DeliveryOutcome {
  status: DeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt, if there was an answer. */
  statusCode?: number;
  /** Short machine-readable reason for inactive/failed. */
  reason?: string;
  activityId?: string;
}

/** Sends one activity to a conversation; rejects with an error carrying `statusCode` on failure. */
export interface ProactiveTransport {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<{ id?: string }>;
}

/** Marks a conversation inactive (403/404: app removed, user blocked the bot, conversation gone). */
export interface ConversationDeactivator {
  markInactive(partnerTenantId: string, conversationId: string, reason: string): Promise<void>;
}

export interface ProactiveSenderOptions {
  transport: ProactiveTransport;
  conversations: ConversationDeactivator;
  partnerTenantId: string;
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  /** Attempts per message including the first (default 5). */
  maxAttempts?: number;
  /** Backoff without Retry-After: random(0, min(maxDelayMs, baseDelayMs · 2^(n-1))) (default 500 ms). */
  baseDelayMs?: number;
  /** Longest single wait (default 30 s); a longer Retry-After gives up (status failed, throttled). */
  maxDelayMs?: number;
  conversationLimits?: readonly RateWindow[];
  tenantLimits?: readonly RateWindow[];
}

/** Added to a Retry-After wait (random 0..250 ms), so throttled senders do not return in lockstep. */
const RETRY_AFTER_JITTER_MS = 250;

/** Connector answers worth another attempt: throttling, precondition races, server errors. */
function retryable(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 412 || status === 429 || status >= 500;
}

/**
 * Sends proactive messages the way Teams wants them: paced per conversation and per tenant,
 * 429 retried after Retry-After, 5xx/network errors retried with capped exponential backoff (full
 * jitter) through the shared retry loop, and a conversation that answers 403/404 marked inactive at
 * once (no further attempts, and no further messages from this instance until it is active again).
 */
export class ProactiveSender {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly limiter = new RateLimiter();
  private readonly gone = new Set<string>();
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: ProactiveSenderOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
  }

  /** Forget that a conversation answered 403/404 (it was re-activated by a new message). */
  reactivated(conversationId: string): void {
    this.gone.delete(conversationId);
  }

  async send(target: ProactiveTarget, activity: Partial<Activity>): Promise<DeliveryOutcome> {
    const log = this.options.logger;
    if (this.gone.has(target.conversationId)) return { status: 'inactive', attempts: 0, reason: 'inactive' };
    const tenantId = target.reference.conversation?.tenantId ?? this.options.partnerTenantId;
    let last: DeliveryOutcome = { status: 'failed', attempts: 0 };

    const attempt = async (n: number): Promise<AttemptVerdict<DeliveryOutcome>> => {
      await this.pace(target.conversationId, tenantId);
      try {
        const { id } = await this.options.transport.send(target.reference, activity);
        return { kind: 'done', value: { status: 'sent', attempts: n, statusCode: 200, activityId: id } };
      } catch (err) {
        const status = statusOf(err);
        last = { status: 'failed', attempts: n, statusCode: status, reason: reasonOf(err, status) };
        if (status === 403 || status === 404) {
          await this.deactivate(target.conversationId, last.reason ?? `http_${status}`, status);
          return { kind: 'done', value: { ...last, status: 'inactive' } };
        }
        const permanent = (err as { permanent?: unknown } | undefined)?.permanent === true;
        if (permanent || !retryable(status)) return { kind: 'fail', error: err };
        const retryAfter = status === 429 ? retryAfterMs(err, this.clock.now()) : undefined;
        return { kind: 'retry', error: err, retryAfterMs: retryAfter };
      }
    };

    try {
      return await retry(
        attempt,
        {
          maxAttempts: this.maxAttempts,
          baseDelayMs: this.baseDelayMs,
          maxDelayMs: this.maxDelayMs,
          retryAfterJitterMs: RETRY_AFTER_JITTER_MS,
          random: this.random,
          sleep: (ms) => this.clock.sleep(ms),
          now: () => this.clock.now(),
        },
        {
          onRetry: ({ attempt: n, delayMs }) =>
            log.info({ statusCode: last.statusCode, attempt: n, delayMs }, 'proactive: retrying'),
          onGiveUp: (reason) => {
            if (reason === 'retry-after-too-long') last.reason = 'throttled_retry_after_too_long';
          },
        },
      );
    } catch {
      // The retry loop rethrows the last attempt's error; `last` describes it.
      log.warn(
        { statusCode: last.statusCode, attempts: last.attempts, reason: last.reason },
        'proactive: not delivered',
      );
      return last;
    }
  }

  private async deactivate(conversationId: string, reason: string, status: number): Promise<void> {
    const log = this.options.logger;
    this.gone.add(conversationId);
    await this.options.conversations
      .markInactive(this.options.partnerTenantId, conversationId, reason)
      .catch((e: unknown) =>
        log.warn({ err: (e as Error).message }, 'could not mark the conversation inactive'),
      );
    log.info({ statusCode: status, reason }, 'proactive: conversation gone, marked inactive');
  }

  private async pace(conversationId: string, tenantId: string): Promise<void> {
    const now = this.clock.now();
    const at = this.limiter.reserve(now, [
      { key: `c:${conversationId}`, windows: this.options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS },
      { key: `t:${tenantId}`, windows: this.options.tenantLimits ?? TEAMS_TENANT_LIMITS },
    ]);
    if (at > now) await this.clock.sleep(at - now);
  }
}

function statusOf(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) if (typeof v === 'number') return v;
  return undefined;
}

function reasonOf(err: unknown, status: number | undefined): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[A-Za-z_]{1,64}$/.test(code)) return code;
  return status === undefined ? 'network_error' : `http_${status}`;
}

/** Retry-After of the error's response (seconds or an HTTP date), in ms. */
export function retryAfterMs(err: unknown, now: number): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | undefined)?.response?.headers;
  let value: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === 'function') {
    value = (headers as { get(name: string): unknown }).get('retry-after');
  } else if (headers && typeof headers === 'object') {
    const h = headers as Record<string, unknown>;
    value = h['retry-after'] ?? h['Retry-After'];
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return parseRetryAfterMs(value, now);
}

/**
 * Sends through the bot's CloudAdapter (`continueConversationAsync`). Each attempt is one HTTP
 * call: the connector client's own retry policy is removed, because retries are decided (and
 * counted, and paced) by ProactiveSender. Errors are caught inside the turn so they never reach
 * the adapter's onTurnError (which would try to post an error message into the conversation).
 */
export class BotFrameworkTransport implements ProactiveTransport {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<{ id?: string }> {
    let failure: unknown;
    let id: string | undefined;
    // Set in the callback: not the literal `false` for the check after it.
    let ran = false as boolean;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context: TurnContext) => {
      ran = true;
      try {
        withoutSdkRetries(context);
        id = (await context.sendActivity(activity))?.id;
      } catch (err) {
        failure = err;
      }
    });
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the turn threw, unchanged
    if (failure !== undefined) throw failure;
    // A middleware (e.g. the tenant filter) ended the turn before the message was sent.
    if (!ran) throw new ProactiveSendBlocked();
    return { id };
  }
}

/** The adapter's middleware did not let the proactive turn run: retrying would not help. */
export class ProactiveSendBlocked extends Error {
  readonly code = 'blocked_by_middleware';
  readonly permanent = true;
  constructor() {
    super('the proactive turn was stopped by a middleware');
    this.name = 'ProactiveSendBlocked';
  }
}

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/** The name of @azure/core-rest-pipeline's retry policy in the connector client's pipeline. */
export const SDK_RETRY_POLICY = 'defaultRetryPolicy';

function withoutSdkRetries(context: TurnContext): void {
  const key = context.adapter instanceof CloudAdapterBase ? context.adapter.ConnectorClientKey : undefined;
  const connector = key ? context.turnState.get<PipelineHolder | undefined>(key) : undefined;
  connector?.client?.pipeline?.removePolicy({ name: SDK_RETRY_POLICY });
}
