import {
  MsalAppOnlyTokenProvider,
  type MsalAppOnlyTokenProviderOptions,
} from '../partnerCenter/tokenProviders';
import { GraphError } from './errors';

/** Client-credential scope for Microsoft Graph (application permissions consented by an admin). */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Supplies Graph bearer tokens (without "Bearer "). Rejects with GraphError kind 'unauthorized'. */
export interface GraphTokenProvider {
  getToken(): Promise<string>;
}

/** Simulator and tests: the same token every time. */
export class StaticGraphTokenProvider implements GraphTokenProvider {
  constructor(private readonly token = 'graph-simulator-token') {
    if (!token) throw new Error('StaticGraphTokenProvider needs a non-empty token');
  }
  getToken(): Promise<string> {
    return Promise.resolve(this.token);
  }
}

/**
 * Production: app-only tokens for `DelegatedAdminRelationship.ReadWrite.All` (application
 * permission, admin consent in the partner tenant; Graph also requires the "Partner Customer
 * Delegated Administration" service principal, appId 2832473f-ec63-45fb-976f-5d45a7d4bb91, in the
 * partner tenant). Reuses the Partner Center MSAL provider with the Graph scope.
 */
export class MsalGraphTokenProvider implements GraphTokenProvider {
  private readonly inner: MsalAppOnlyTokenProvider;

  constructor(options: Omit<MsalAppOnlyTokenProviderOptions, 'scope'>) {
    this.inner = new MsalAppOnlyTokenProvider({ ...options, scope: GRAPH_SCOPE });
  }

  async getToken(): Promise<string> {
    try {
      return await this.inner.getToken('app', { auth: 'app' });
    } catch {
      // The provider's message names an MSAL error code at most; keep it out to be safe.
      throw new GraphError('unauthorized', 'Could not acquire an app-only Microsoft Graph token');
    }
  }
}
