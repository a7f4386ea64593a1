import { z } from 'zod';
import { AppError } from '../common/errors';
import { PARTNER_ROLE_NAMES, type PartnerRoleName } from '../domain/roles';
import { warnDaysSchema } from '../domain/gdap/expiry';

/** Thrown when the environment cannot be turned into a valid configuration. Names the setting. */
export class ConfigError extends AppError {
  constructor(
    public readonly setting: string,
    message: string,
  ) {
    super('config_invalid', `Invalid configuration: ${setting}: ${message}`);
  }
}

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const intIn = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));
/** A comma-separated list, trimmed and lower-cased, empty parts dropped; each part must match `item`. */
const commaList = (item: z.ZodType<string, string>) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((v) =>
        v
          ? v
              .split(',')
              .map((s) => s.trim().toLowerCase())
              .filter(Boolean)
          : [],
      )
      .pipe(z.array(item)),
  );
const guidList = commaList(z.uuid({ message: 'must be a comma-separated list of GUIDs' }));

/** Every environment variable the app reads. Documented in README.md and .env.sample. */
const envSchema = z.object({
  PORT: intIn(3978, 0, 65535),
  BIND_HOST: optionalString,
  PUBLIC_BASE_URL: optionalUrl,
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  MicrosoftAppId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant']).optional(),
  ),
  MicrosoftAppTenantId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  COSMOS_ENDPOINT: optionalUrl,
  COSMOS_KEY: optionalString,
  COSMOS_DATABASE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9-_]{1,64}$/, 'letters, digits, - and _ only')
      .default('customer-connect'),
  ),
  PARTNER_CENTER_BASE_URL: optionalUrl,
  PARTNER_CENTER_APP_ID: z.preprocess(emptyToUndefined, z.uuid().optional()),
  PARTNER_CENTER_APP_SECRET: optionalString,
  PARTNER_TENANT_ID: z.preprocess(emptyToUndefined, z.uuid().optional()),
  PARTNER_CENTER_TIMEOUT_MS: intIn(15000, 100, 120000),
  PARTNER_CENTER_MAX_RETRIES: intIn(4, 0, 10),
  TURN_DEADLINE_MS: intIn(7000, 500, 60000),
  CARD_ANSWER_MS: intIn(8000, 200, 10000),
  GRAPH_BASE_URL: optionalUrl,
  GDAP_APP_ID: z.preprocess(emptyToUndefined, z.uuid().optional()),
  GDAP_APP_SECRET: optionalString,
  GDAP_TEMPLATES_FILE: optionalString,
  GRAPH_TIMEOUT_MS: intIn(15000, 100, 120000),
  GRAPH_MAX_RETRIES: intIn(4, 0, 10),
  OAUTH_CONNECTION_NAME: optionalString,
  ALLOWED_TENANT_IDS: guidList,
  CUSTOMER_CACHE_TTL_SECONDS: intIn(60, 0, 3600),
  SIMULATOR_CUSTOMERS: intIn(60, 0, 100000),
  SIMULATOR_DEFAULT_ROLE: z.preprocess(emptyToUndefined, z.enum(PARTNER_ROLE_NAMES).default('AdminAgent')),
  SIMULATOR_RESELLER_REMOVAL: z.preprocess(
    emptyToUndefined,
    z.enum(['allowed', 'provider-only']).default('allowed'),
  ),
  MAX_MESSAGE_LENGTH: intIn(2000, 100, 20000),
  MAX_REQUEST_BODY_BYTES: intIn(262144, 1024, 10485760),
  MAX_TURNS_IN_FLIGHT: intIn(24, 1, 1000),
  MAX_QUEUED_TURNS: intIn(48, 0, 10000),
  LEGAL_NOTICE_FILE_EN: optionalString,
  LEGAL_NOTICE_FILE_DE: optionalString,
  WEBHOOK_ALLOWED_CERT_HOSTS: commaList(
    z
      .string()
      .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/, 'must be a comma-separated list of host[:port]'),
  ),
  WEBHOOK_TRUSTED_ROOTS_FILE: optionalString,
  WEBHOOK_CERT_SUBJECT: optionalString,
  RECONCILE_INTERVAL_SECONDS: intIn(300, 0, 86400),
  NOTIFICATION_DRAIN_INTERVAL_SECONDS: intIn(60, 0, 86400),
  REMINDER_AFTER_DAYS: intIn(7, 0, 365),
  GDAP_WARN_DAYS: z.preprocess(emptyToUndefined, warnDaysSchema),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(
        /InstrumentationKey=/i,
        'must be an Application Insights connection string (InstrumentationKey=…)',
      )
      .optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  TELEMETRY_SAMPLING_RATIO: z.preprocess(
    emptyToUndefined,
    z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(1),
  ),
  TELEMETRY_LIVE_METRICS: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((v) => v === 'true'),
  ),
});

export interface AppConfig {
  readonly mode: 'embedded' | 'production';
  readonly server: {
    readonly port: number;
    readonly host: string;
    readonly publicBaseUrl: string;
    readonly maxRequestBodyBytes: number;
    /** Turns processed at once; more wait in a bounded queue, beyond it 503 + Retry-After. */
    readonly maxTurnsInFlight: number;
    readonly maxQueuedTurns: number;
  };
  readonly logLevel: string;
  readonly bot: {
    readonly appId?: string;
    readonly appPassword?: string;
    readonly appType: 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';
    readonly appTenantId?: string;
    readonly authEnabled: boolean;
    readonly oauthConnectionName?: string;
    readonly maxMessageLength: number;
    /** A card click not answered by then gets a "still working" card, updated later (CARD_ANSWER_MS). */
    readonly cardAnswerMs: number;
  };
  readonly cosmos: {
    readonly embedded: boolean;
    readonly endpoint?: string;
    readonly key?: string;
    readonly database: string;
  };
  readonly partnerCenter: {
    /** Undefined in embedded mode: the simulator on this server is used. */
    readonly baseUrl?: string;
    readonly appId?: string;
    readonly appSecret?: string;
    readonly partnerTenantId?: string;
    readonly timeoutMs: number;
    readonly maxRetries: number;
    /** Deadline of one turn's Partner Center calls, retries included (TURN_DEADLINE_MS). */
    readonly turnDeadlineMs: number;
    readonly customerCacheTtlSeconds: number;
  };
  /** Microsoft Graph GDAP (admin access): app-only, DelegatedAdminRelationship.ReadWrite.All. */
  readonly graph: {
    /** Undefined in embedded mode: the GDAP simulator on this server is used. */
    readonly baseUrl?: string;
    /** The app registration for Graph: GDAP_APP_ID, else the Partner Center app's. */
    readonly appId?: string;
    readonly appSecret?: string;
    /** Role templates file; undefined = the built-in least-privilege template (embedded only). */
    readonly templatesFile?: string;
    readonly timeoutMs: number;
    readonly maxRetries: number;
  };
  readonly allowedTenantIds: readonly string[];
  /** Optional partner-supplied statement files replacing the removal legal notice (per language). */
  readonly legalNotice: { readonly fileEn?: string; readonly fileDe?: string };
  /** Acceptance notifications: webhook signature trust, reconciler interval, reminders. */
  readonly notifications: {
    /** Hosts (host or host:port) the webhook's X-MS-Certificate-Url may point at. */
    readonly allowedCertHosts: readonly string[];
    /** PEM file with the root certificate(s) the webhook signing certificate must chain to. */
    readonly trustedRootsFile?: string;
    /** Subject the webhook signing certificate must have (e.g. `CN=…`). */
    readonly expectedCertSubject?: string;
    /** Seconds between reconciler runs; 0 = off. */
    readonly reconcileIntervalSeconds: number;
    /** Seconds between webhook-inbox drains and outbox retries (also with the reconciler off); 0 = off. */
    readonly drainIntervalSeconds: number;
    /** Days an invitation is pending before its inviter gets one reminder; 0 = no reminders. */
    readonly reminderAfterDays: number;
    readonly gdapWarnDays: readonly number[]; // GDAP_WARN_DAYS: days before a GDAP end to warn at
  };
  /** Traces and metrics (OpenTelemetry); off when neither backend is set. */
  readonly telemetry: {
    readonly connectionString?: string;
    readonly otlpEndpoint?: string;
    readonly samplingRatio: number;
    readonly liveMetrics: boolean;
  };
  readonly simulator: {
    readonly enabled: boolean;
    readonly customers: number;
    readonly defaultRole: PartnerRoleName;
    /** `provider-only`: the simulator refuses the partner's own removals (indirect reseller). */
    readonly resellerRemoval: 'allowed' | 'provider-only';
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parses the environment into a frozen, typed configuration. Throws ConfigError naming the
 * first bad setting; contradictory combinations are refused as well.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(setting, issue?.message ?? 'invalid value');
  }
  const e = parsed.data;
  const authEnabled = e.MicrosoftAppId !== undefined;
  const appType = e.MicrosoftAppType ?? 'SingleTenant';

  if (!authEnabled) {
    for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'] as const) {
      if (e[name] !== undefined) throw new ConfigError(name, 'is set but MicrosoftAppId is not');
    }
  } else {
    if (appType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
      throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${appType}`);
    }
    if (appType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
      throw new ConfigError('MicrosoftAppPassword', `is required when MicrosoftAppType is ${appType}`);
    }
    if (appType === 'UserAssignedMSI' && e.MicrosoftAppPassword) {
      throw new ConfigError('MicrosoftAppPassword', 'must not be set with MicrosoftAppType UserAssignedMSI');
    }
  }
  if (e.GDAP_APP_SECRET && !e.GDAP_APP_ID) {
    throw new ConfigError('GDAP_APP_SECRET', 'is set but GDAP_APP_ID is not');
  }
  if (e.GDAP_APP_ID && !e.GDAP_APP_SECRET) {
    throw new ConfigError('GDAP_APP_SECRET', 'is required when GDAP_APP_ID is set');
  }
  if (e.COSMOS_KEY && !e.COSMOS_ENDPOINT) {
    throw new ConfigError('COSMOS_KEY', 'is set but COSMOS_ENDPOINT is not');
  }

  const production = authEnabled;
  if (production) {
    // A bot reachable from Teams must not run on in-memory data or the simulator.
    if (!e.COSMOS_ENDPOINT)
      throw new ConfigError('COSMOS_ENDPOINT', 'is required when MicrosoftAppId is set');
    if (!e.PARTNER_TENANT_ID)
      throw new ConfigError('PARTNER_TENANT_ID', 'is required when MicrosoftAppId is set');
    if (e.ALLOWED_TENANT_IDS.length === 0) {
      throw new ConfigError('ALLOWED_TENANT_IDS', 'is required when MicrosoftAppId is set');
    }
    if (!e.GDAP_TEMPLATES_FILE) {
      // The built-in template's security groups are placeholders: production needs the partner's own.
      throw new ConfigError('GDAP_TEMPLATES_FILE', 'is required when MicrosoftAppId is set');
    }
    if (!e.PARTNER_CENTER_APP_ID) {
      throw new ConfigError('PARTNER_CENTER_APP_ID', 'is required when MicrosoftAppId is set');
    }
    if (!e.PARTNER_CENTER_APP_SECRET) {
      throw new ConfigError('PARTNER_CENTER_APP_SECRET', 'is required when MicrosoftAppId is set');
    }
    if (!e.OAUTH_CONNECTION_NAME) {
      throw new ConfigError('OAUTH_CONNECTION_NAME', 'is required when MicrosoftAppId is set');
    }
    if (!e.PUBLIC_BASE_URL)
      throw new ConfigError('PUBLIC_BASE_URL', 'is required when MicrosoftAppId is set');
    // The webhook is reachable from the internet: without trust settings nobody could be verified.
    if (e.WEBHOOK_ALLOWED_CERT_HOSTS.length === 0)
      throw new ConfigError('WEBHOOK_ALLOWED_CERT_HOSTS', 'is required when MicrosoftAppId is set');
    if (!e.WEBHOOK_TRUSTED_ROOTS_FILE)
      throw new ConfigError('WEBHOOK_TRUSTED_ROOTS_FILE', 'is required when MicrosoftAppId is set');
    if (!e.WEBHOOK_CERT_SUBJECT)
      throw new ConfigError('WEBHOOK_CERT_SUBJECT', 'is required when MicrosoftAppId is set');
  }

  const host = e.BIND_HOST ?? (authEnabled ? '0.0.0.0' : '127.0.0.1');
  if (!authEnabled && host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new ConfigError(
      'BIND_HOST',
      'without MicrosoftAppId (auth off) the bot may only listen on loopback',
    );
  }
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');

  const config: AppConfig = {
    mode: production ? 'production' : 'embedded',
    server: {
      port: e.PORT,
      host,
      publicBaseUrl,
      maxRequestBodyBytes: e.MAX_REQUEST_BODY_BYTES,
      maxTurnsInFlight: e.MAX_TURNS_IN_FLIGHT,
      maxQueuedTurns: e.MAX_QUEUED_TURNS,
    },
    logLevel: e.LOG_LEVEL,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType,
      appTenantId: e.MicrosoftAppTenantId,
      authEnabled,
      oauthConnectionName: e.OAUTH_CONNECTION_NAME,
      maxMessageLength: e.MAX_MESSAGE_LENGTH,
      cardAnswerMs: e.CARD_ANSWER_MS,
    },
    cosmos: {
      embedded: !e.COSMOS_ENDPOINT,
      endpoint: e.COSMOS_ENDPOINT,
      key: e.COSMOS_KEY,
      database: e.COSMOS_DATABASE,
    },
    partnerCenter: {
      baseUrl: e.PARTNER_CENTER_BASE_URL,
      appId: e.PARTNER_CENTER_APP_ID,
      appSecret: e.PARTNER_CENTER_APP_SECRET,
      partnerTenantId: e.PARTNER_TENANT_ID,
      timeoutMs: e.PARTNER_CENTER_TIMEOUT_MS,
      maxRetries: e.PARTNER_CENTER_MAX_RETRIES,
      turnDeadlineMs: e.TURN_DEADLINE_MS,
      customerCacheTtlSeconds: e.CUSTOMER_CACHE_TTL_SECONDS,
    },
    graph: {
      baseUrl: e.GRAPH_BASE_URL ?? (production ? 'https://graph.microsoft.com/v1.0' : undefined),
      appId: e.GDAP_APP_ID ?? e.PARTNER_CENTER_APP_ID,
      appSecret: e.GDAP_APP_ID ? e.GDAP_APP_SECRET : e.PARTNER_CENTER_APP_SECRET,
      templatesFile: e.GDAP_TEMPLATES_FILE,
      timeoutMs: e.GRAPH_TIMEOUT_MS,
      maxRetries: e.GRAPH_MAX_RETRIES,
    },
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    legalNotice: { fileEn: e.LEGAL_NOTICE_FILE_EN, fileDe: e.LEGAL_NOTICE_FILE_DE },
    notifications: {
      allowedCertHosts: e.WEBHOOK_ALLOWED_CERT_HOSTS,
      trustedRootsFile: e.WEBHOOK_TRUSTED_ROOTS_FILE,
      expectedCertSubject: e.WEBHOOK_CERT_SUBJECT,
      reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
      drainIntervalSeconds: e.NOTIFICATION_DRAIN_INTERVAL_SECONDS,
      reminderAfterDays: e.REMINDER_AFTER_DAYS,
      gdapWarnDays: e.GDAP_WARN_DAYS,
    },
    telemetry: {
      connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
      samplingRatio: e.TELEMETRY_SAMPLING_RATIO,
      liveMetrics: e.TELEMETRY_LIVE_METRICS,
    },
    simulator: {
      enabled: !e.PARTNER_CENTER_BASE_URL && !production,
      customers: e.SIMULATOR_CUSTOMERS,
      defaultRole: e.SIMULATOR_DEFAULT_ROLE,
      resellerRemoval: e.SIMULATOR_RESELLER_REMOVAL,
    },
  };
  return deepFreeze(config);
}

export const ENV_VARIABLES: readonly string[] = Object.freeze(Object.keys(envSchema.shape));
