/** What a log line may say about an error: its name, message, code and kind (never the object itself). */
export function errorSummary(err: unknown): {
  name?: string;
  message?: string;
  code?: unknown;
  kind?: unknown;
} {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; kind?: unknown };
  return { name: e.name, message: e.message, code: e.code, kind: e.kind };
}
