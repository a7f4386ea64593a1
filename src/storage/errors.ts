import { AppError } from '../common/errors';

export type StorageErrorCode = 'etag_conflict' | 'already_exists' | 'unavailable' | 'storage_failed';

/**
 * A storage failure. The message of an ETag conflict contains both phrases botbuilder's
 * middlewares look for ("eTag conflict", "pre-condition is not met"), so
 * TeamsSSOTokenExchangeMiddleware's duplicate detection works on top of it.
 */
export class StorageError extends AppError {
  constructor(
    public override readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

export function cosmosStatus(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = err.code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

/** Network-level failures and Cosmos 408/429/5xx that a retry later can fix. */
function isUnavailable(err: unknown): boolean {
  const status = cosmosStatus(err);
  if (status !== undefined) return status === 408 || status === 429 || status === 503 || status >= 500;
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  return [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    // The Cosmos SDK's own request timeout (connectionPolicy.requestTimeout): the server stopped answering.
    'TimeoutError',
  ].includes(code);
}

/** Wraps an unknown Cosmos failure into a typed StorageError keeping the cause. */
export function toStorageError(err: unknown, what: string): StorageError {
  if (err instanceof StorageError) return err;
  if (cosmosStatus(err) === 412) {
    return new StorageError('etag_conflict', `eTag conflict (pre-condition is not met) on ${what}`, {
      cause: err,
    });
  }
  if (cosmosStatus(err) === 409) {
    return new StorageError('already_exists', `${what} already exists`, { cause: err });
  }
  if (isUnavailable(err)) {
    return new StorageError('unavailable', `storage unavailable during ${what}`, { cause: err });
  }
  return new StorageError('storage_failed', `storage failed during ${what}`, { cause: err });
}
