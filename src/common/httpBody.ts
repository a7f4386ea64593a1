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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new BodyError(413, 'body_too_large', `request body over ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
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
