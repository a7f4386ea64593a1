import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * A local stand-in for Bot Framework's OpenID metadata + JWKS, and a signer for channel tokens,
 * so inbound authentication is tested for real against ConfigurationBotFrameworkAuthentication.
 */
export class LocalOpenIdServer {
  readonly issuer = 'https://issuer.test.local';
  readonly kid = randomUUID();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly foreignKey: KeyObject = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    const jwk = this.keys.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    this.server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openidconfiguration') {
        res.end(
          JSON.stringify({
            issuer: this.issuer,
            jwks_uri: `${this.url}/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }),
        );
      } else if (req.url === '/keys') {
        res.end(
          JSON.stringify({
            keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
          }),
        );
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get metadataUrl(): string {
    return `${this.url}/.well-known/openidconfiguration`;
  }

  /** A channel token; override any claim, or sign with another key. */
  sign(claims: Record<string, unknown>, options: { key?: KeyObject } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const payload = { iss: this.issuer, iat: now - 10, nbf: now - 10, exp: now + 3600, ...claims };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = createSign('RSA-SHA256')
      .update(input)
      .sign(options.key ?? this.keys.privateKey);
    return `${input}.${b64url(signature)}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
