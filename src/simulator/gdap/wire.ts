/** Graph's JSON shapes and error body for the GDAP simulator. */
import { randomUUID } from 'node:crypto';
import type { SimAccessAssignment, SimRelationship } from './records';

const GRAPH_PUBLIC_ROOT = 'https://graph.microsoft.com/v1.0';

/** An error the simulator answers in Graph's shape. */
export class GraphSimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new GraphSimError(400, 'BadRequest', message);
export const notFound = (what: string) => new GraphSimError(404, 'NotFound', `${what} was not found.`);
export const conflict = (message: string) => new GraphSimError(409, 'Conflict', message);

export function graphErrorBody(code: string, message: string, now: Date, clientRequestId?: string): unknown {
  const inner: Record<string, string> = {
    date: now.toISOString().replace(/\.\d{3}Z$/, ''),
    'request-id': randomUUID(),
  };
  if (clientRequestId) inner['client-request-id'] = clientRequestId;
  return { error: { code, message, innerError: inner } };
}

export function etagOf(id: string, version: number): string {
  return `W/"${Buffer.from(`"${id}:${version}"`).toString('base64')}"`;
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function relationshipToWire(r: SimRelationship, context?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (context) out['@odata.context'] = context;
  Object.assign(out, {
    '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
    '@odata.etag': etagOf(r.id, r.version),
    id: r.id,
    displayName: r.displayName,
    duration: r.duration,
    customer: r.customer ? { tenantId: r.customer.tenantId, displayName: r.customer.displayName } : null,
    accessDetails: { unifiedRoles: r.roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
    status: r.status,
    autoExtendDuration: r.autoExtendDuration,
    createdDateTime: iso(r.createdAt),
    lastModifiedDateTime: iso(r.modifiedAt),
    activatedDateTime: iso(r.activatedAt),
    endDateTime: iso(r.endAt),
  });
  return out;
}

export function assignmentToWire(a: SimAccessAssignment, context?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (context) out['@odata.context'] = context;
  Object.assign(out, {
    '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment',
    '@odata.etag': etagOf(a.id, a.version),
    id: a.id,
    status: a.status,
    createdDateTime: iso(a.createdAt),
    lastModifiedDateTime: iso(a.modifiedAt),
    accessContainer: { accessContainerId: a.securityGroupId, accessContainerType: 'securityGroup' },
    accessDetails: { unifiedRoles: a.roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
  });
  return out;
}

export const CONTEXT = {
  relationships: `${GRAPH_PUBLIC_ROOT}/tenantRelationships/$metadata#delegatedAdminRelationships`,
  relationship: `${GRAPH_PUBLIC_ROOT}/tenantRelationships/$metadata#delegatedAdminRelationships/$entity`,
  requests: `${GRAPH_PUBLIC_ROOT}/tenantRelationships/$metadata#requests/$entity`,
  accessAssignments: `${GRAPH_PUBLIC_ROOT}/tenantRelationships/$metadata#accessAssignments`,
  accessAssignment: `${GRAPH_PUBLIC_ROOT}/tenantRelationships/$metadata#accessAssignments/$entity`,
} as const;

/**
 * A relationship's ResourceUri in Partner Center's GDAP webhooks, as documented
 * (`{baseURL}/granularAdminRelationships/{RelationshipID}`, ResourceName GranularAdminRelationship).
 */
export function relationshipUri(id: string): string {
  return `https://api.partnercenter.microsoft.com/granularAdminRelationships/${id}`;
}

/** ResourceName of a GDAP webhook by its ResourceUri (relationship or access assignment). */
export function gdapResourceName(resourceUri: string): string {
  return resourceUri.includes('/accessAssignments/')
    ? 'GranularAdminAccessAssignment'
    : 'GranularAdminRelationship';
}
