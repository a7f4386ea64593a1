import { verify as verifySignature, X509Certificate } from 'node:crypto';
import type { Logger } from '../logging/logger';

/** Why a webhook request was refused (logged; the caller only sees 401). */
export type WebhookRejection =
  | 'not_configured'
  | 'missing_signature_headers'
  | 'malformed_signature'
  | 'unsupported_algorithm'
  | 'certificate_url_invalid'
  | 'certificate_host_not_allowed'
  | 'certificate_fetch_failed'
  | 'certificate_unreadable'
  | 'certificate_expired'
  | 'certificate_subject_mismatch'
  | 'certificate_untrusted'
  | 'signature_invalid';

export type WebhookVerification = { ok: true } | { ok: false; reason: WebhookRejection };

/** What the webhook route needs: a verdict about one request. */
export interface WebhookRequestVerifier {
  verify(
    headers: Record<string, string | string[] | undefined>,
    rawBody: Buffer,
  ): Promise<WebhookVerification>;
}

/** Fetches a certificate file; only ever called with a URL on an allowed host. */
export type CertificateFetcher = (url: URL) => Promise<Buffer>;

export interface WebhookVerifierOptions {
  /** Hosts the X-MS-Certificate-Url may point at: `host` (default port only) or `host:port`. */
  allowedHosts: readonly string[];
  /** PEM (one or more certificates): the trust anchors the signing certificate must chain to. */
  trustedRootsPem: string;
  /** Subject the signing certificate must have, e.g. `CN=…` (every given attribute must match). */
  expectedSubject: string;
  /** Accept http:// certificate URLs (embedded mode: the simulator serves plain HTTP on loopback). */
  allowHttp?: boolean;
  fetchCertificate?: CertificateFetcher;
  logger: Logger;
  now?: () => number;
  /** How long a verified certificate is reused without fetching again (default 1 h). */
  cacheTtlMs?: number;
}

const MAX_CERT_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 5000;
const MAX_CACHED = 32;
const MAX_CHAIN = 5;
const SIGNATURE = /^Signature\s+([A-Za-z0-9+/]+={0,2})$/;

interface CachedCertificate {
  certificate: X509Certificate;
  expires: number;
}

class Rejected extends Error {
  constructor(readonly reason: WebhookRejection) {
    super(reason);
  }
}

/**
 * Verifies Partner Center's webhook signature: `Authorization: Signature <base64>` over the raw
 * body, RSA-SHA256, with the certificate named by `X-MS-Certificate-Url`. That header is chosen by
 * whoever sends the request, so the URL is checked against the allowed hosts BEFORE anything is
 * fetched; the certificate must chain to a configured trust anchor, be within its validity period
 * and carry the expected subject. Verified certificates are cached per URL.
 */
export class WebhookVerifier implements WebhookRequestVerifier {
  private readonly anchors: X509Certificate[];
  private allowedHosts: string[];
  private readonly expected: [string, string][];
  private readonly cache = new Map<string, CachedCertificate>();
  private readonly inFlight = new Map<string, Promise<X509Certificate>>();
  private readonly fetchCertificate: CertificateFetcher;
  private readonly now: () => number;
  private readonly cacheTtlMs: number;

  constructor(private readonly options: WebhookVerifierOptions) {
    this.anchors = parseCertificates(Buffer.from(options.trustedRootsPem, 'utf8'));
    if (this.anchors.length === 0) throw new Error('no trusted root certificate given');
    this.expected = parseDistinguishedName(options.expectedSubject);
    if (this.expected.length === 0) throw new Error('expected certificate subject is empty');
    this.allowedHosts = normalizeHosts(options.allowedHosts);
    this.fetchCertificate = options.fetchCertificate ?? fetchWithLimits;
    this.now = options.now ?? Date.now;
    this.cacheTtlMs = options.cacheTtlMs ?? 3600_000;
  }

  /** Replaces the allowed certificate hosts (embedded mode learns its own port only when listening). */
  setAllowedHosts(hosts: readonly string[]): void {
    this.allowedHosts = normalizeHosts(hosts);
  }

  async verify(
    headers: Record<string, string | string[] | undefined>,
    rawBody: Buffer,
  ): Promise<WebhookVerification> {
    try {
      const authorization = single(headers['authorization']);
      const certificateUrl = single(headers['x-ms-certificate-url']);
      const algorithm = single(headers['x-ms-signature-algorithm']);
      if (!authorization || !certificateUrl || !algorithm) throw new Rejected('missing_signature_headers');
      if (algorithm.trim().toLowerCase() !== 'rsa-sha256') throw new Rejected('unsupported_algorithm');
      const match = SIGNATURE.exec(authorization.trim());
      if (!match?.[1]) throw new Rejected('malformed_signature');
      const signature = Buffer.from(match[1], 'base64');
      const url = this.allowedUrl(certificateUrl);
      const { key, certificate } = await this.certificateFor(url);
      if (!verifySignature('sha256', rawBody, certificate.publicKey, signature)) {
        throw new Rejected('signature_invalid');
      }
      this.remember(key, certificate);
      return { ok: true };
    } catch (err) {
      if (err instanceof Rejected) {
        this.options.logger.warn({ reason: err.reason }, 'webhook refused');
        return { ok: false, reason: err.reason };
      }
      throw err;
    }
  }

  /** Parses the header and checks scheme and host; nothing is fetched for a URL that fails here. */
  private allowedUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw new Rejected('certificate_url_invalid');
    }
    const schemeOk =
      url.protocol === 'https:' || (this.options.allowHttp === true && url.protocol === 'http:');
    if (!schemeOk || url.username || url.password) throw new Rejected('certificate_url_invalid');
    const host = url.hostname.toLowerCase();
    const withPort = url.port ? `${host}:${url.port}` : host;
    // An entry without a port allows the scheme's default port only.
    if (!this.allowedHosts.includes(withPort)) throw new Rejected('certificate_host_not_allowed');
    return url;
  }

  /**
   * The certificate behind a URL, cached by the normalized URL (no query or fragment, lower-case
   * host). Only a certificate that verified a signature enters the cache (see `remember`), so
   * unsigned or forged requests cannot evict the real one; eviction is least-recently-used.
   */
  private async certificateFor(url: URL): Promise<{ key: string; certificate: X509Certificate }> {
    const key = cacheKey(url);
    const cached = this.cache.get(key);
    if (cached && cached.expires > this.now()) {
      this.cache.delete(key); // most recently used goes last
      this.cache.set(key, cached);
      return { key, certificate: cached.certificate };
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(new URL(key)).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return { key, certificate: await pending };
  }

  private remember(key: string, certificate: X509Certificate): void {
    if (this.cache.has(key)) return;
    while (this.cache.size >= MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    const expires = Math.min(this.now() + this.cacheTtlMs, Date.parse(certificate.validTo));
    this.cache.set(key, { certificate, expires });
  }

  private async load(url: URL): Promise<X509Certificate> {
    let raw: Buffer;
    try {
      raw = await this.fetchCertificate(url);
    } catch {
      throw new Rejected('certificate_fetch_failed');
    }
    const [leaf, ...intermediates] = parseCertificates(raw);
    if (!leaf) throw new Rejected('certificate_unreadable');
    const now = this.now();
    this.checkValidity(leaf, now);
    if (!this.subjectMatches(leaf)) throw new Rejected('certificate_subject_mismatch');
    this.checkChain(leaf, intermediates, now);
    return leaf;
  }

  private checkValidity(certificate: X509Certificate, now: number): void {
    const from = Date.parse(certificate.validFrom);
    const to = Date.parse(certificate.validTo);
    if (!(from <= now && now <= to)) throw new Rejected('certificate_expired');
  }

  private subjectMatches(certificate: X509Certificate): boolean {
    const actual = parseDistinguishedName(certificate.subject);
    return this.expected.every(([k, v]) => actual.some(([ak, av]) => ak === k && av === v));
  }

  /** Walks leaf → (served intermediates) → a trust anchor, verifying each signature. */
  private checkChain(leaf: X509Certificate, intermediates: X509Certificate[], now: number): void {
    let current = leaf;
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      if (this.anchors.some((a) => a.fingerprint256 === current.fingerprint256)) return;
      const anchor = this.anchors.find((a) => issuedBy(current, a));
      if (anchor) return;
      const next = intermediates.find((c) => c !== current && c.ca && issuedBy(current, c));
      if (!next) break;
      this.checkValidity(next, now);
      current = next;
    }
    throw new Rejected('certificate_untrusted');
  }
}

function issuedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.trim() ? v : undefined;
}

/** The cache key (and the URL fetched): scheme, lower-case host, port and path; no query, no fragment. */
export function cacheKey(url: URL): string {
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
}

function normalizeHosts(hosts: readonly string[]): string[] {
  return hosts.map((h) => h.trim().toLowerCase()).filter(Boolean);
}

/** `CN=a, O=b` or Node's `CN=a\nO=b` → [['cn','a'],['o','b']]. */
export function parseDistinguishedName(dn: string): [string, string][] {
  return dn
    .split(/\n|,(?=\s*[A-Za-z][A-Za-z0-9.]*\s*=)/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return [part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim()] as [string, string];
    })
    .filter(([k]) => k.length > 0);
}

/** PEM (any number of certificates) or a single DER certificate. Unparseable input → []. */
export function parseCertificates(raw: Buffer): X509Certificate[] {
  const text = raw.toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    const out: X509Certificate[] = [];
    for (const block of blocks) {
      try {
        out.push(new X509Certificate(block));
      } catch {
        return [];
      }
    }
    return out;
  }
  try {
    return [new X509Certificate(raw)];
  } catch {
    return [];
  }
}

/** GET without redirects, with a timeout and a size limit. */
async function fetchWithLimits(url: URL): Promise<Buffer> {
  const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_CERT_BYTES) throw new Error('certificate too large');
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_CERT_BYTES) throw new Error('certificate too large');
  return body;
}
