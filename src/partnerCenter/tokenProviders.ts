import { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthKind, CallContext, TokenProvider } from './client';
import { PartnerCenterError } from './errors';

/** The scope for client-credential tokens for Partner Center. */
export const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/.default';

/** Embedded mode (simulator) and tests: the same token for every call. */
export class StaticTokenProvider implements TokenProvider {
  constructor(private readonly token: string = 'simulator-token') {
    if (!token) throw new Error('StaticTokenProvider needs a non-empty token');
  }

  getToken(_kind: AuthKind, _ctx: CallContext): Promise<string> {
    return Promise.resolve(this.token);
  }
}

/** The part of MSAL's ConfidentialClientApplication this provider uses (injectable for tests). */
export interface ClientCredentialApplication {
  acquireTokenByClientCredential(request: { scopes: string[] }): Promise<{ accessToken: string } | null>;
}

export interface MsalAppOnlyTokenProviderOptions {
  clientId: string;
  /** The partner tenant id (authority https://login.microsoftonline.com/<tenantId>). */
  tenantId: string;
  clientSecret?: string;
  clientCertificate?: { thumbprintSha256: string; privateKey: string; x5c?: string };
  /** Default https://login.microsoftonline.com */
  authorityHost?: string;
  /** Default PARTNER_CENTER_SCOPE. */
  scope?: string;
  /** Tests inject a stand-in; otherwise built lazily from the options. */
  application?: ClientCredentialApplication;
}

/**
 * App-only ("client credentials") tokens via MSAL; MSAL caches and renews them. Refuses
 * `kind: 'user'`: App+User endpoints need DelegatedTokenProvider.
 */
export class MsalAppOnlyTokenProvider implements TokenProvider {
  private application?: ClientCredentialApplication;
  private readonly scope: string;

  constructor(private readonly options: MsalAppOnlyTokenProviderOptions) {
    if (!options.application && !options.clientSecret && !options.clientCertificate) {
      throw new Error('MsalAppOnlyTokenProvider needs clientSecret or clientCertificate');
    }
    this.application = options.application;
    this.scope = options.scope ?? PARTNER_CENTER_SCOPE;
  }

  private app(): ClientCredentialApplication {
    if (!this.application) {
      const o = this.options;
      this.application = new ConfidentialClientApplication({
        auth: {
          clientId: o.clientId,
          authority: `${(o.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '')}/${o.tenantId}`,
          clientSecret: o.clientSecret,
          clientCertificate: o.clientCertificate,
        },
      });
    }
    return this.application;
  }

  async getToken(kind: AuthKind, _ctx: CallContext): Promise<string> {
    if (kind === 'user') {
      throw new PartnerCenterError('unauthorized', 'This operation needs a signed-in user (App+User token)');
    }
    let token: string | undefined;
    try {
      const result = await this.app().acquireTokenByClientCredential({ scopes: [this.scope] });
      token = result?.accessToken;
    } catch (cause) {
      // MSAL errors carry no secrets in their messages, but keep only the error code to be safe.
      const code = (cause as { errorCode?: unknown }).errorCode;
      throw new PartnerCenterError(
        'unauthorized',
        `Could not acquire an app-only Partner Center token${typeof code === 'string' ? ` (${code})` : ''}`,
      );
    }
    if (!token) throw new PartnerCenterError('unauthorized', 'No app-only Partner Center token was issued');
    return token;
  }
}

export interface DelegatedTokenProviderOptions {
  /**
   * Supplies the signed-in user's Partner Center token (the bot wires this to its OAuth
   * connection). Return undefined when the user is not signed in. Default: `ctx.userToken`.
   */
  getUserToken?: (ctx: CallContext) => Promise<string | undefined>;
  /** Used for `kind: 'app'`; without it app calls use the user's token too (App+User works everywhere). */
  appTokenProvider?: TokenProvider;
}

/** App+User tokens from the signed-in user; app-only tokens from `appTokenProvider` if given. */
export class DelegatedTokenProvider implements TokenProvider {
  constructor(private readonly options: DelegatedTokenProviderOptions = {}) {}

  async getToken(kind: AuthKind, ctx: CallContext): Promise<string> {
    if (kind === 'app' && this.options.appTokenProvider) {
      return this.options.appTokenProvider.getToken('app', ctx);
    }
    let token: string | undefined;
    try {
      token = this.options.getUserToken ? await this.options.getUserToken(ctx) : await fromContext(ctx);
    } catch (cause) {
      if (cause instanceof PartnerCenterError) throw cause;
      throw new PartnerCenterError('unauthorized', 'Could not obtain the signed-in user’s token');
    }
    if (!token) throw new PartnerCenterError('unauthorized', 'The user is not signed in to Partner Center');
    return token;
  }
}

async function fromContext(ctx: CallContext): Promise<string | undefined> {
  const t = ctx.userToken;
  if (typeof t === 'function') return t();
  return t;
}
