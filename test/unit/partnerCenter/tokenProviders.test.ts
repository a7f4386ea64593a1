import { PartnerCenterError } from '../../../src/partnerCenter/errors';
import {
  DelegatedTokenProvider,
  MsalAppOnlyTokenProvider,
  PARTNER_CENTER_SCOPE,
  StaticTokenProvider,
  type ClientCredentialApplication,
} from '../../../src/partnerCenter/tokenProviders';

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PartnerCenterError);
    return (e as PartnerCenterError).kind;
  }
  return 'no error';
}

describe('token providers', () => {
  it('StaticTokenProvider returns its token for both kinds', async () => {
    const p = new StaticTokenProvider('abc');
    expect(await p.getToken('app', { auth: 'app' })).toBe('abc');
    expect(await p.getToken('user', { auth: 'user' })).toBe('abc');
    expect(await new StaticTokenProvider().getToken('app', { auth: 'app' })).toBe('simulator-token');
    expect(() => new StaticTokenProvider('')).toThrow();
  });

  it('MsalAppOnlyTokenProvider asks for the Partner Center .default scope', async () => {
    const requests: { scopes: string[] }[] = [];
    const application: ClientCredentialApplication = {
      acquireTokenByClientCredential: async (r) => (requests.push(r), { accessToken: 'app-token' }),
    };
    const p = new MsalAppOnlyTokenProvider({ clientId: 'c', tenantId: 't', application });
    expect(await p.getToken('app', { auth: 'app' })).toBe('app-token');
    expect(requests).toEqual([{ scopes: [PARTNER_CENTER_SCOPE] }]);
    expect(PARTNER_CENTER_SCOPE).toBe('https://api.partnercenter.microsoft.com/.default');
  });

  it('MsalAppOnlyTokenProvider refuses user tokens and hides MSAL error details', async () => {
    const failing: ClientCredentialApplication = {
      acquireTokenByClientCredential: async () => {
        throw Object.assign(new Error('AADSTS7000215: Invalid client secret provided: s3cr3t'), {
          errorCode: 'invalid_client',
        });
      },
    };
    const p = new MsalAppOnlyTokenProvider({ clientId: 'c', tenantId: 't', application: failing });
    expect(await kindOf(p.getToken('user', { auth: 'user' }))).toBe('unauthorized');
    const error = await p.getToken('app', { auth: 'app' }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain('invalid_client');
    expect(error?.message).not.toContain('s3cr3t');
    const empty = new MsalAppOnlyTokenProvider({
      clientId: 'c',
      tenantId: 't',
      application: { acquireTokenByClientCredential: async () => null },
    });
    expect(await kindOf(empty.getToken('app', { auth: 'app' }))).toBe('unauthorized');
  });

  it('MsalAppOnlyTokenProvider needs a credential and builds MSAL lazily', () => {
    expect(() => new MsalAppOnlyTokenProvider({ clientId: 'c', tenantId: 't' })).toThrow(/clientSecret/);
    expect(
      () =>
        new MsalAppOnlyTokenProvider({
          clientId: '00000000-0000-4000-8000-000000000001',
          tenantId: '00000000-0000-4000-8000-000000000002',
          clientSecret: 'x',
        }),
    ).not.toThrow();
  });

  it('DelegatedTokenProvider uses the user token from the context or the callback', async () => {
    const fromCtx = new DelegatedTokenProvider();
    expect(await fromCtx.getToken('user', { auth: 'user', userToken: 'u1' })).toBe('u1');
    expect(await fromCtx.getToken('user', { auth: 'user', userToken: async () => 'u2' })).toBe('u2');
    expect(await kindOf(fromCtx.getToken('user', { auth: 'user' }))).toBe('unauthorized');

    const seen: unknown[] = [];
    const callback = new DelegatedTokenProvider({
      getUserToken: async (ctx) => (seen.push(ctx.correlationId), 'cb-token'),
      appTokenProvider: new StaticTokenProvider('app-only'),
    });
    expect(await callback.getToken('user', { auth: 'user', correlationId: 'turn-1' })).toBe('cb-token');
    expect(seen).toEqual(['turn-1']);
    expect(await callback.getToken('app', { auth: 'app' })).toBe('app-only');

    // Without an app provider, app calls use the user's token too.
    expect(await fromCtx.getToken('app', { auth: 'app', userToken: 'u3' })).toBe('u3');

    const broken = new DelegatedTokenProvider({
      getUserToken: async () => {
        throw new Error('token store down: secret=xyz');
      },
    });
    try {
      await broken.getToken('user', { auth: 'user' });
      throw new Error('expected failure');
    } catch (e) {
      expect((e as PartnerCenterError).kind).toBe('unauthorized');
      expect((e as Error).message).not.toContain('xyz');
    }
  });
});
