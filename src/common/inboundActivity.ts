import type { Activity } from 'botbuilder';

/**
 * An activity as it arrives. botbuilder types `from`, `conversation`, `text` and the rest as always
 * present, but CloudAdapter checks only `type` of a request body (validateAndFixActivity): a
 * malformed or foreign request, the Emulator or a test may omit any other field. Read such fields
 * through `inbound(context)` so the checks for a missing value stay (and stay type-checked).
 */
export type InboundActivity = Partial<Activity>;

export function inbound(context: { readonly activity: Activity }): InboundActivity {
  return context.activity;
}
