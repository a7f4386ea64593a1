import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** Subject of the simulator's development root CA. */
export const SIMULATOR_ROOT_CERT_SUBJECT = 'CN=Customer Connect Simulator Dev Root';
/** Subject of the certificate that signs the simulator's webhooks (compare with X509Certificate.subject). */
export const SIMULATOR_WEBHOOK_CERT_SUBJECT = 'CN=webhook.partnercenter.simulator';

export interface SimulatorCertificates {
  /** PEM of the development root CA: the only root a verifier should trust in embedded mode. */
  rootPem: string;
  /** PEM of the leaf that signs webhooks (served at /simulator/certs/webhook.cer). */
  leafPem: string;
  /** Private key of the leaf. Never leaves the process. */
  leafKey: KeyObject;
}

let cached: SimulatorCertificates | undefined;

/**
 * The simulator's certificates, generated on first use (RSA 2048, SHA-256) and cached for the life
 * of the process, so that creating many simulators (tests) stays fast.
 */
export function getSimulatorCertificates(): SimulatorCertificates {
  cached ??= generateCertificates();
  return cached;
}

function serial(): string {
  // Positive, 16 random bytes, hex.
  const bytes = forge.random.getBytesSync(16);
  const hex = forge.util.bytesToHex(bytes);
  return '7' + hex.slice(1);
}

function generateCertificates(): SimulatorCertificates {
  const now = Date.now();
  const rootKeys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const root = forge.pki.createCertificate();
  root.publicKey = rootKeys.publicKey;
  root.serialNumber = serial();
  root.validity.notBefore = new Date(now - 24 * 3600_000);
  root.validity.notAfter = new Date(now + 10 * 365 * 24 * 3600_000);
  const rootAttrs = [{ shortName: 'CN', value: 'Customer Connect Simulator Dev Root' }];
  root.setSubject(rootAttrs);
  root.setIssuer(rootAttrs);
  root.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  root.sign(rootKeys.privateKey, forge.md.sha256.create());

  const leafKeys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const leaf = forge.pki.createCertificate();
  leaf.publicKey = leafKeys.publicKey;
  leaf.serialNumber = serial();
  leaf.validity.notBefore = new Date(now - 24 * 3600_000);
  leaf.validity.notAfter = new Date(now + 2 * 365 * 24 * 3600_000);
  leaf.setSubject([{ shortName: 'CN', value: 'webhook.partnercenter.simulator' }]);
  leaf.setIssuer(rootAttrs);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'extKeyUsage', codeSigning: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: root.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leaf.sign(rootKeys.privateKey, forge.md.sha256.create());

  return {
    rootPem: forge.pki.certificateToPem(root),
    leafPem: forge.pki.certificateToPem(leaf),
    leafKey: createPrivateKey(forge.pki.privateKeyToPem(leafKeys.privateKey)),
  };
}

/** base64 RSA-SHA256 signature of the raw body with the leaf key (the `Authorization: Signature …` value). */
export function signWithLeaf(body: Buffer, certificates = getSimulatorCertificates()): string {
  return sign('sha256', body, certificates.leafKey).toString('base64');
}
