import { generateKeyPairSync, sign } from 'node:crypto';
import forge from 'node-forge';
import { silentLogger } from '../../../src/logging/logger';
import {
  parseDistinguishedName,
  WebhookVerifier,
  type CertificateFetcher,
} from '../../../src/notifications/webhookVerifier';
import {
  getSimulatorCertificates,
  signWithLeaf,
  SIMULATOR_WEBHOOK_CERT_SUBJECT,
} from '../../../src/simulator/certificates';

const CERT_URL = 'https://certs.partnercenter.example/webhook.cer';
const BODY = Buffer.from(
  JSON.stringify({
    EventName: 'reseller-relationship-accepted-by-customer',
    ResourceUri: 'https://api.partnercenter.microsoft.com/v1/customers/0b5a1f4e-1111-4222-8333-944455556666',
    ResourceName: 'Customer',
    AuditUri: 'https://api.partnercenter.microsoft.com/v1/auditrecords',
    ResourceChangeUtcDate: '2026-03-01T10:00:00.000Z',
  }),
  'utf8',
);

/** A root + leaf pair that is NOT the simulator's: same leaf subject, different (untrusted) root. */
function rogueCertificates(): { leafPem: string; sign(body: Buffer): string } {
  const rootKeys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const root = forge.pki.createCertificate();
  root.publicKey = rootKeys.publicKey;
  root.serialNumber = '01';
  root.validity.notBefore = new Date(Date.now() - 86_400_000);
  root.validity.notAfter = new Date(Date.now() + 86_400_000 * 365);
  const rootName = [{ shortName: 'CN', value: 'Customer Connect Simulator Dev Root' }]; // same name as the real one
  root.setSubject(rootName);
  root.setIssuer(rootName);
  root.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }]);
  root.sign(rootKeys.privateKey, forge.md.sha256.create());
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const leaf = forge.pki.createCertificate();
  leaf.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  leaf.serialNumber = '02';
  leaf.validity.notBefore = root.validity.notBefore;
  leaf.validity.notAfter = root.validity.notAfter;
  leaf.setSubject([{ shortName: 'CN', value: 'webhook.partnercenter.simulator' }]);
  leaf.setIssuer(rootName);
  leaf.sign(rootKeys.privateKey, forge.md.sha256.create());
  return {
    leafPem: forge.pki.certificateToPem(leaf),
    sign: (body) => sign('sha256', body, privateKey).toString('base64'),
  };
}

function headers(
  over: Record<string, string | undefined> = {},
  body = BODY,
): Record<string, string | undefined> {
  return {
    authorization: `Signature ${signWithLeaf(body)}`,
    'x-ms-certificate-url': CERT_URL,
    'x-ms-signature-algorithm': 'rsa-sha256',
    ...over,
  };
}

describe('WebhookVerifier', () => {
  const certs = getSimulatorCertificates();
  let fetched: string[];
  let served: string;
  let verifier: WebhookVerifier;

  const fetchCertificate: CertificateFetcher = async (url) => {
    fetched.push(url.href);
    return Buffer.from(served, 'utf8');
  };

  beforeEach(() => {
    fetched = [];
    served = certs.leafPem;
    verifier = new WebhookVerifier({
      allowedHosts: ['certs.partnercenter.example'],
      trustedRootsPem: certs.rootPem,
      expectedSubject: SIMULATOR_WEBHOOK_CERT_SUBJECT,
      fetchCertificate,
      logger: silentLogger(),
    });
  });

  it('accepts a valid signature and caches the certificate', async () => {
    expect(await verifier.verify(headers(), BODY)).toEqual({ ok: true });
    expect(await verifier.verify(headers(), BODY)).toEqual({ ok: true });
    expect(fetched).toEqual([CERT_URL]);
  });

  it('accepts header values case-insensitively where the protocol allows it', async () => {
    expect(await verifier.verify(headers({ 'x-ms-signature-algorithm': 'RSA-SHA256' }), BODY)).toEqual({
      ok: true,
    });
  });

  it('refuses a body changed by one byte', async () => {
    const changed = Buffer.from(BODY);
    changed[20] = changed[20]! ^ 0x01;
    expect(await verifier.verify(headers(), changed)).toEqual({ ok: false, reason: 'signature_invalid' });
  });

  it('refuses a signature made for another body', async () => {
    const other = Buffer.from('{"EventName":"test-created"}');
    expect(
      await verifier.verify(headers({ authorization: `Signature ${signWithLeaf(other)}` }), BODY),
    ).toEqual({
      ok: false,
      reason: 'signature_invalid',
    });
  });

  it.each([
    ['another host', 'https://evil.example/webhook.cer'],
    ['a look-alike host', 'https://certs.partnercenter.example.evil.example/webhook.cer'],
    ['an allowed host on another port', 'https://certs.partnercenter.example:8443/webhook.cer'],
    ['user info before the host', 'https://certs.partnercenter.example@evil.example/webhook.cer'],
    ['plain http', 'http://certs.partnercenter.example/webhook.cer'],
    ['a file URL', 'file:///etc/passwd'],
    ['no URL at all', 'not a url'],
  ])('never fetches a certificate URL on %s', async (_what, url) => {
    const result = await verifier.verify(headers({ 'x-ms-certificate-url': url }), BODY);
    expect(result.ok).toBe(false);
    expect(['certificate_host_not_allowed', 'certificate_url_invalid']).toContain(
      (result as { reason: string }).reason,
    );
    expect(fetched).toEqual([]);
  });

  it('refuses a certificate that does not chain to the trusted root', async () => {
    const rogue = rogueCertificates();
    served = rogue.leafPem;
    const result = await verifier.verify(headers({ authorization: `Signature ${rogue.sign(BODY)}` }), BODY);
    expect(result).toEqual({ ok: false, reason: 'certificate_untrusted' });
  });

  it('refuses a trusted certificate with another subject (the root itself)', async () => {
    served = certs.rootPem;
    expect(await verifier.verify(headers(), BODY)).toEqual({
      ok: false,
      reason: 'certificate_subject_mismatch',
    });
  });

  it('refuses an unreadable certificate and a failed download, and does not cache them', async () => {
    served = 'garbage';
    expect(await verifier.verify(headers(), BODY)).toEqual({ ok: false, reason: 'certificate_unreadable' });
    const failing = new WebhookVerifier({
      allowedHosts: ['certs.partnercenter.example'],
      trustedRootsPem: certs.rootPem,
      expectedSubject: SIMULATOR_WEBHOOK_CERT_SUBJECT,
      fetchCertificate: async () => {
        throw new Error('ECONNREFUSED');
      },
      logger: silentLogger(),
    });
    expect(await failing.verify(headers(), BODY)).toEqual({ ok: false, reason: 'certificate_fetch_failed' });
    served = certs.leafPem;
    expect(await verifier.verify(headers(), BODY)).toEqual({ ok: true });
  });

  it('refuses an expired certificate', async () => {
    const later = new WebhookVerifier({
      allowedHosts: ['certs.partnercenter.example'],
      trustedRootsPem: certs.rootPem,
      expectedSubject: SIMULATOR_WEBHOOK_CERT_SUBJECT,
      fetchCertificate,
      logger: silentLogger(),
      now: () => Date.now() + 20 * 365 * 86_400_000,
    });
    expect(await later.verify(headers(), BODY)).toEqual({ ok: false, reason: 'certificate_expired' });
  });

  it.each([
    ['authorization', 'missing_signature_headers'],
    ['x-ms-certificate-url', 'missing_signature_headers'],
    ['x-ms-signature-algorithm', 'missing_signature_headers'],
  ])('refuses a request without %s', async (name, reason) => {
    expect(await verifier.verify(headers({ [name]: undefined }), BODY)).toEqual({ ok: false, reason });
    expect(fetched).toEqual([]);
  });

  it.each([
    [{ 'x-ms-signature-algorithm': 'rsa-sha1' }, 'unsupported_algorithm'],
    [{ authorization: 'Bearer abc' }, 'malformed_signature'],
    [{ authorization: 'Signature not base64!' }, 'malformed_signature'],
    [{ authorization: '   ' }, 'missing_signature_headers'],
  ])('refuses %j', async (over, reason) => {
    expect(await verifier.verify(headers(over), BODY)).toEqual({ ok: false, reason });
    expect(fetched).toEqual([]);
  });

  it('allows http and a host:port entry only when configured (embedded mode)', async () => {
    const embedded = new WebhookVerifier({
      allowedHosts: ['127.0.0.1:4000'],
      trustedRootsPem: certs.rootPem,
      expectedSubject: SIMULATOR_WEBHOOK_CERT_SUBJECT,
      allowHttp: true,
      fetchCertificate,
      logger: silentLogger(),
    });
    const url = 'http://127.0.0.1:4000/simulator/certs/webhook.cer';
    expect(await embedded.verify(headers({ 'x-ms-certificate-url': url }), BODY)).toEqual({ ok: true });
    const otherPort = 'http://127.0.0.1:4001/simulator/certs/webhook.cer';
    expect(await embedded.verify(headers({ 'x-ms-certificate-url': otherPort }), BODY)).toEqual({
      ok: false,
      reason: 'certificate_host_not_allowed',
    });
    embedded.setAllowedHosts(['127.0.0.1:4001']);
    expect(await embedded.verify(headers({ 'x-ms-certificate-url': otherPort }), BODY)).toEqual({ ok: true });
    expect(fetched).toEqual([url, otherPort]);
  });

  it('matches the expected subject attribute by attribute', () => {
    expect(parseDistinguishedName('CN=a.example, O=Microsoft Corporation, C=US')).toEqual([
      ['cn', 'a.example'],
      ['o', 'Microsoft Corporation'],
      ['c', 'US'],
    ]);
    expect(parseDistinguishedName('CN=a\nO=b')).toEqual([
      ['cn', 'a'],
      ['o', 'b'],
    ]);
  });
});
