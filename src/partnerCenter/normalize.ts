/**
 * Case-insensitive JSON reading. Partner Center answers mostly in camelCase, some PATCH answers and
 * all webhook payloads in PascalCase. `normalizeKeys` lower-cases every property name (recursively);
 * the readers below take the documented camelCase name and look it up lower-cased, so
 * `{"RelationshipToPartner":"none"}` and `{"relationshipToPartner":"none"}` read the same.
 */

export type JsonRecord = { readonly [key: string]: unknown };

export function normalizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = k.toLowerCase();
      // On a clash (both "id" and "Id"), the first one wins: deterministic and good enough.
      if (!(key in out)) out[key] = normalizeKeys(v);
    }
    return out;
  }
  return value;
}

export function isRecord(v: unknown): v is JsonRecord {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function raw(o: JsonRecord | undefined, name: string): unknown {
  return o ? o[name.toLowerCase()] : undefined;
}

export function obj(o: JsonRecord | undefined, name: string): JsonRecord | undefined {
  const v = raw(o, name);
  return isRecord(v) ? v : undefined;
}

export function arr(o: JsonRecord | undefined, name: string): unknown[] {
  const v = raw(o, name);
  return Array.isArray(v) ? v : [];
}

export function str(o: JsonRecord | undefined, name: string): string | undefined {
  const v = raw(o, name);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function num(o: JsonRecord | undefined, name: string): number | undefined {
  const v = raw(o, name);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function bool(o: JsonRecord | undefined, name: string): boolean | undefined {
  const v = raw(o, name);
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return undefined;
}

/** Drops properties whose value is undefined (keeps domain objects tidy for deep equality). */
export function compact<T extends object>(o: T): T {
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- in place on purpose; only keys whose value is undefined
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
