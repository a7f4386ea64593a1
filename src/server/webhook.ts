import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logging/logger';
import type { WebhookRequestVerifier, WebhookVerification } from '../notifications/webhookVerifier';
import { BodyError, readRawBody } from '../common/httpBody';

export const WEBHOOK_PATH = '/api/partner-center/events';

export interface WebhookRouteOptions {
  verifier: WebhookRequestVerifier;
  /** Stores the verified raw body (resolves once stored; the 202 waits for it, a rejection answers 503). */
  accept: (raw: Buffer) => Promise<void>;
  logger: Logger;
  maxBodyBytes: number;
}

/**
 * `POST /api/partner-center/events`: Partner Center's webhook. The signature is checked over the
 * raw body before anything else; a verified event is stored, answered 202 and processed in the
 * background. Every refusal is 401 (or 413 for a body over the limit) with a log line naming the
 * reason, never the payload.
 */
export function registerWebhookRoute(server: Server, options: WebhookRouteOptions): void {
  const log = options.logger;
  server.post(WEBHOOK_PATH, async (req: Request, res: Response) => {
    let raw: Buffer;
    try {
      raw = await readRawBody(req, options.maxBodyBytes);
    } catch (err) {
      const status = err instanceof BodyError ? err.status : 400;
      log.warn({ status, reason: (err as Error).message }, 'webhook body refused');
      res.json(status, { error: 'invalid body' });
      return;
    }
    let verified: WebhookVerification;
    try {
      verified = await options.verifier.verify(req.headers, raw);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'webhook verification failed unexpectedly');
      res.json(401, { error: 'unauthorized' });
      return;
    }
    if (!verified.ok) {
      res.json(401, { error: 'unauthorized' });
      return;
    }
    // Stored (inbox) before answering: a 202 means nothing is lost; processing runs in the background.
    try {
      await options.accept(raw);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'webhook not stored; Partner Center will redeliver');
      res.json(503, { error: 'unavailable' });
      return;
    }
    res.json(202, { status: 'accepted' });
  });
}
