import type { IncomingMessage } from 'node:http';
import { AppError } from '../common/errors';

export class BodyError extends AppError {
  constructor(
    public readonly status: 400 | 413 | 415,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}

/** Reads the raw request body, refusing it (413) as soon as it exceeds `limit` bytes. */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new BodyError(413, 'body_too_large', `request body over ${limit} bytes`);
  }
  // Plain stream events: `for await` over the request costs an async iterator and a promise per
  // chunk on every activity.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      req.resume();
      reject(new BodyError(413, 'body_too_large', `request body over ${limit} bytes`));
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    // Closed before the end (the client went away): nothing to answer.
    const onClose = () => onError(new Error('request closed before its body ended'));
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Reads and parses a JSON object body (400 on invalid JSON or a non-object). */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (type && !/json/i.test(type))
    throw new BodyError(415, 'unsupported_media_type', 'expected application/json');
  const raw = await readRawBody(req, limit);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BodyError(400, 'invalid_json', 'request body is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BodyError(400, 'invalid_body', 'request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
