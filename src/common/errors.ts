/**
 * Base class of every typed error in the app. `code` is stable and machine-readable;
 * `cause` keeps the original error for logs.
 */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
