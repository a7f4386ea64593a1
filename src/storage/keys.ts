import { createHash } from 'node:crypto';

const MAX_ID_LENGTH = 255;
const FORBIDDEN = /[\\/?#*]/g;

/**
 * Turns any string key into a valid Cosmos id: characters Cosmos forbids (\ / ? #) and our
 * escape character (*) become `*` + hex code; ids over 255 characters are cut and get a hash
 * suffix so distinct keys stay distinct.
 */
export function toCosmosId(key: string): string {
  const escaped = key.replace(FORBIDDEN, (c) => `*${c.charCodeAt(0).toString(16)}`);
  if (escaped.length <= MAX_ID_LENGTH) return escaped;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `${escaped.slice(0, MAX_ID_LENGTH - hash.length - 1)}~${hash}`;
}
