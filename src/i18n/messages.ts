import * as core from './catalog/core';

/**
 * The message catalogue: one module per feature in ./catalog, merged here. Each module exports
 * `en` (the reference) and `de` (typed to have exactly the same keys).
 */
export const en = { ...core.en } as const;

export type MessageKey = keyof typeof en;

export const de: Record<MessageKey, string> = { ...core.de };
