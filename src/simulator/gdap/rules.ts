/** Graph's validation rules for GDAP bodies (Graph-shaped 400s). */
import { AUTO_EXTEND_VALUES, isAutoExtending, isValidRelationshipDuration } from '../../domain/gdap/duration';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../domain/gdap/entraRoles';
import type { SimRelationship } from './records';
import { badRequest } from './wire';

export type { SimAccessAssignment, SimRelationship } from './records';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MAX_DISPLAY_NAME = 50;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function requireObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
  return body;
}

export function readDisplayName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw badRequest('The displayName property is required.');
  if (value.length > MAX_DISPLAY_NAME) {
    throw badRequest(`The displayName must not be longer than ${MAX_DISPLAY_NAME} characters.`);
  }
  return value;
}

export function readDuration(value: unknown): string {
  if (typeof value !== 'string' || !isValidRelationshipDuration(value)) {
    throw badRequest('The duration must be an ISO 8601 duration between P1D and P2Y inclusive.');
  }
  return value;
}

export function readAutoExtend(value: unknown): string {
  if (value === undefined || value === null) return 'PT0S';
  if (typeof value !== 'string' || !(AUTO_EXTEND_VALUES as readonly string[]).includes(value)) {
    throw badRequest(`The autoExtendDuration must be one of ${AUTO_EXTEND_VALUES.join(', ')}.`);
  }
  return value;
}

export function readRoles(accessDetails: unknown): string[] {
  const list = isRecord(accessDetails) ? accessDetails['unifiedRoles'] : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw badRequest('The accessDetails.unifiedRoles property must list at least one role.');
  }
  const ids = list.map((r) => (isRecord(r) ? r['roleDefinitionId'] : undefined));
  for (const id of ids) {
    if (typeof id !== 'string' || !GUID.test(id)) throw badRequest('Each roleDefinitionId must be a GUID.');
  }
  const lower = (ids as string[]).map((s) => s.toLowerCase());
  if (new Set(lower).size !== lower.length) throw badRequest('A role is listed more than once.');
  return lower;
}

export function readCustomer(value: unknown): SimRelationship['customer'] {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw badRequest('The customer property must be an object.');
  const tenantId = value['tenantId'];
  const displayName = value['displayName'];
  if (typeof tenantId !== 'string' || !GUID.test(tenantId))
    throw badRequest('The customer.tenantId must be a GUID.');
  if (displayName !== undefined && displayName !== null && typeof displayName !== 'string') {
    throw badRequest('The customer.displayName must be a string.');
  }
  return { tenantId: tenantId.toLowerCase(), displayName: displayName ?? undefined };
}

/** Graph: auto-extend is not allowed while Global Administrator is among the roles. */
export function checkAutoExtend(autoExtendDuration: string, roles: readonly string[]): void {
  if (isAutoExtending(autoExtendDuration) && roles.includes(GLOBAL_ADMINISTRATOR_ROLE_ID)) {
    throw badRequest(
      'The autoExtendDuration must be PT0S when the Global Administrator role is part of the relationship.',
    );
  }
}

interface SecurityGroupAssignmentInput {
  securityGroupId: string;
  roles: string[];
}

export function readAssignment(body: unknown): SecurityGroupAssignmentInput {
  const o = requireObject(body);
  const container = o['accessContainer'];
  if (!isRecord(container)) throw badRequest('The accessContainer property is required.');
  const id = container['accessContainerId'];
  if (typeof id !== 'string' || !GUID.test(id)) throw badRequest('The accessContainerId must be a GUID.');
  if (container['accessContainerType'] !== 'securityGroup') {
    throw badRequest('The accessContainerType must be securityGroup.');
  }
  return { securityGroupId: id.toLowerCase(), roles: readRoles(o['accessDetails']) };
}
