import { silentLogger } from '../../../src/logging/logger';
import { WebhookVerifier, type CertificateFetcher } from '../../../src/notifications/webhookVerifier';
import {
  getSimulatorCertificates,
  signWithLeaf,
  SIMULATOR_WEBHOOK_CERT_SUBJECT,
} from '../../../src/simulator/certificates';

const CERT_URL = 'https://certs.partnercenter.example/webhook.cer';
const BODY = Buffer.from(JSON.stringify({ EventName: 'test-created' }), 'utf8');

/** Issue 17.7: the certificate cache cannot be churned by unsigned/forged requests. */
describe('WebhookVerifier certificate cache', () => {
  const certs = getSimulatorCertificates();
  let fetched: string[];
  let verifier: WebhookVerifier;
  const fetchCertificate: CertificateFetcher = async (url) => {
    fetched.push(url.href);
    return Buffer.from(certs.leafPem, 'utf8');
  };
  const headers = (url: string, signature = signWithLeaf(BODY)) => ({
    authorization: `Signature ${signature}`,
    'x-ms-certificate-url': url,
    'x-ms-signature-algorithm': 'rsa-sha256',
  });

  beforeEach(() => {
    fetched = [];
    verifier = new WebhookVerifier({
      allowedHosts: ['certs.partnercenter.example'],
      trustedRootsPem: certs.rootPem,
      expectedSubject: SIMULATOR_WEBHOOK_CERT_SUBJECT,
      fetchCertificate,
      logger: silentLogger(),
    });
  });

  it('40 forged requests with ?n= neither fetch again nor evict the real certificate', async () => {
    expect(await verifier.verify(headers(CERT_URL), BODY)).toEqual({ ok: true });
    const forged = signWithLeaf(Buffer.from('another body'));
    for (let n = 0; n < 40; n++) {
      expect(await verifier.verify(headers(`${CERT_URL}?n=${n}`, forged), BODY)).toMatchObject({ ok: false });
    }
    expect(await verifier.verify(headers(CERT_URL), BODY)).toEqual({ ok: true });
    expect(fetched).toEqual([CERT_URL]);
  });

  it('keys by the normalized URL: host case, query and fragment do not matter, and nothing is fetched with them', async () => {
    expect(
      await verifier.verify(headers('https://CERTS.PartnerCenter.example/webhook.cer?x=1#frag'), BODY),
    ).toEqual({ ok: true });
    expect(await verifier.verify(headers(CERT_URL), BODY)).toEqual({ ok: true });
    expect(fetched).toEqual([CERT_URL]);
  });

  it('does not cache a certificate that verified no signature', async () => {
    const forged = signWithLeaf(Buffer.from('another body'));
    expect(await verifier.verify(headers(CERT_URL, forged), BODY)).toMatchObject({ ok: false });
    expect(await verifier.verify(headers(CERT_URL), BODY)).toEqual({ ok: true });
    expect(await verifier.verify(headers(CERT_URL), BODY)).toEqual({ ok: true });
    expect(fetched).toEqual([CERT_URL, CERT_URL]);
  });
});
