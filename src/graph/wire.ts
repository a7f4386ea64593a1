/** Reads Graph's JSON into the app's types; throws on a shape it cannot use. */
import type {
  AccessAssignment,
  AccessAssignmentStatus,
  DelegatedAdminRelationship,
  RelationshipRequest,
  RelationshipStatus,
} from './types';
import { RELATIONSHIP_STATUSES } from './types';

type Json = Record<string, unknown>;

class GraphShapeError extends Error {}

function record(v: unknown, what: string): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new GraphShapeError(`${what} is not an object`);
  return v as Json;
}

function str(o: Json, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function required(o: Json, key: string, what: string): string {
  const v = str(o, key);
  if (v === undefined) throw new GraphShapeError(`${what} has no ${key}`);
  return v;
}

function roles(o: Json): string[] {
  const details = o['accessDetails'];
  if (!details || typeof details !== 'object') return [];
  const list = (details as Json)['unifiedRoles'];
  if (!Array.isArray(list)) return [];
  return list
    .map((r) => (r && typeof r === 'object' ? (r as Json)['roleDefinitionId'] : undefined))
    .filter((id): id is string => typeof id === 'string');
}

export function toRelationship(v: unknown): DelegatedAdminRelationship {
  const o = record(v, 'relationship');
  const status = str(o, 'status') ?? 'unknownFutureValue';
  const customerRaw = o['customer'];
  const customer =
    customerRaw && typeof customerRaw === 'object'
      ? {
          tenantId: str(customerRaw as Json, 'tenantId'),
          displayName: str(customerRaw as Json, 'displayName'),
        }
      : undefined;
  return {
    id: required(o, 'id', 'relationship'),
    etag: str(o, '@odata.etag'),
    displayName: str(o, 'displayName') ?? '',
    duration: str(o, 'duration') ?? '',
    autoExtendDuration: str(o, 'autoExtendDuration') ?? 'PT0S',
    status: (RELATIONSHIP_STATUSES as readonly string[]).includes(status)
      ? (status as RelationshipStatus)
      : 'unknownFutureValue',
    customer,
    roleDefinitionIds: roles(o),
    createdDateTime: str(o, 'createdDateTime'),
    lastModifiedDateTime: str(o, 'lastModifiedDateTime'),
    activatedDateTime: str(o, 'activatedDateTime'),
    endDateTime: str(o, 'endDateTime'),
    indirectProviderTenantId: str(o, 'indirectProviderTenantId'),
  };
}

const ASSIGNMENT_STATUSES = ['pending', 'active', 'deleting', 'deleted', 'error'];

export function toAccessAssignment(v: unknown): AccessAssignment {
  const o = record(v, 'access assignment');
  const container = record(o['accessContainer'], 'accessContainer');
  const status = str(o, 'status') ?? '';
  return {
    id: required(o, 'id', 'access assignment'),
    etag: str(o, '@odata.etag'),
    status: ASSIGNMENT_STATUSES.includes(status) ? (status as AccessAssignmentStatus) : 'unknownFutureValue',
    securityGroupId: required(container, 'accessContainerId', 'accessContainer'),
    roleDefinitionIds: roles(o),
    createdDateTime: str(o, 'createdDateTime'),
    lastModifiedDateTime: str(o, 'lastModifiedDateTime'),
  };
}

export function toRequest(v: unknown): RelationshipRequest {
  const o = record(v, 'request');
  return {
    id: required(o, 'id', 'request'),
    action: str(o, 'action') ?? '',
    status: str(o, 'status') ?? '',
    createdDateTime: str(o, 'createdDateTime'),
  };
}

/** A collection page: its items and the next link, if any. */
export function toCollection(v: unknown): { value: unknown[]; nextLink?: string } {
  const o = record(v, 'collection');
  const value = o['value'];
  if (!Array.isArray(value)) throw new GraphShapeError('collection has no value array');
  return { value, nextLink: str(o, '@odata.nextLink') };
}

/** `accessDetails` as Graph expects it. */
export function unifiedRoles(ids: readonly string[]): { unifiedRoles: { roleDefinitionId: string }[] } {
  return { unifiedRoles: ids.map((roleDefinitionId) => ({ roleDefinitionId })) };
}
