import { z } from 'zod';
import type { InvitationKind } from '../domain/invitations';

export const ACCEPTANCE_EVENTS: Readonly<Record<string, InvitationKind>> = {
  'reseller-relationship-accepted-by-customer': 'reseller',
  'indirect-reseller-relationship-accepted-by-customer': 'indirectReseller',
};

/** A Partner Center webhook event (PascalCase on the wire; read case-insensitively). */
export interface WebhookEvent {
  eventName: string;
  resourceUri?: string;
  resourceChangeUtcDate?: string;
}

const eventSchema = z.object({
  eventname: z.string().min(1).max(200),
  resourceuri: z.string().max(2000).optional(),
  resourcechangeutcdate: z.string().max(100).optional(),
});

/** Parses the body of a webhook request; undefined when it is not a JSON event object. */
export function parseWebhookEvent(raw: Buffer): WebhookEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const lowered = Object.fromEntries(Object.entries(json).map(([k, v]) => [k.toLowerCase(), v]));
  const parsed = eventSchema.safeParse(lowered);
  if (!parsed.success) return undefined;
  return {
    eventName: parsed.data.eventname,
    resourceUri: parsed.data.resourceuri,
    resourceChangeUtcDate: parsed.data.resourcechangeutcdate,
  };
}

const CUSTOMER_URI = /\/customers\/([0-9A-Za-z-]{1,64})\/?$/;

/** The id `pattern` captures at the end of the event's ResourceUri path, if it is a URL at all. */
function resourceIdOf(event: WebhookEvent, pattern: RegExp): string | undefined {
  if (!event.resourceUri) return undefined;
  let path: string;
  try {
    path = new URL(event.resourceUri).pathname;
  } catch {
    return undefined;
  }
  return pattern.exec(path)?.[1];
}

/** The customer id at the end of a ResourceUri such as `…/v1/customers/<id>`. */
export function customerIdOf(event: WebhookEvent): string | undefined {
  return resourceIdOf(event, CUSTOMER_URI);
}

/** GDAP webhooks (Partner Center, ResourceName GranularAdminRelationship) the bot acts on. */
export const GDAP_RELATIONSHIP_EVENTS: ReadonlySet<string> = new Set([
  'granular-admin-relationship-approved',
  'granular-admin-relationship-activated',
  'granular-admin-relationship-expired',
  'granular-admin-relationship-terminated',
]);

/** The GDAP webhooks saying a relationship ended (the expiry watch announces those that had been active). */
export const GDAP_END_EVENTS: ReadonlySet<string> = new Set([
  'granular-admin-relationship-expired',
  'granular-admin-relationship-terminated',
]);

// Partner Center documents `{baseURL}/granularAdminRelationships/{id}`; Graph's own path is accepted too.
const RELATIONSHIP_URI =
  /\/(?:delegatedAdminRelationships|granularAdminRelationships)\/([0-9A-Za-z-]{1,80})\/?$/;

/**
 * The relationship id at the end of a ResourceUri such as `…/granularAdminRelationships/<id>` (Partner
 * Center's webhook docs) or `…/tenantRelationships/delegatedAdminRelationships/<id>`.
 */
export function relationshipIdOf(event: WebhookEvent): string | undefined {
  return resourceIdOf(event, RELATIONSHIP_URI);
}
