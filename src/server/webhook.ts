import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logging/logger';
import type { WebhookRequestVerifier, WebhookVerification } from '../notifications/webhookVerifier';
import { BodyError, readRawBody } from './body';

export const WEBHOOK_PATH = '/api/partner-center/events';

export interface WebhookRouteOptions {
  verifier: WebhookRequestVerifier;
  /** Called with the verified raw body; must not block (the answer does not wait for it). */
  accept: (raw: Buffer) => unknown;
  logger: Logger;
  maxBodyBytes: number;
}

/**
 * `POST /api/partner-center/events`: Partner Center's webhook. The signature is checked over the
 * raw body before anything else; a verified event is answered 202 at once and processed in the
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
    // Handed over before answering (so it is tracked at once); it runs in the background.
    options.accept(raw);
    res.json(202, { status: 'accepted' });
  });
}
