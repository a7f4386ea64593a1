/** Demo GDAP relationships for the simulator's existing customers: a realistic spread. */
import { BUILT_IN_TEMPLATES, plannedAccessAssignments } from '../../domain/gdap/templates';
import { createRng, guid } from '../random';
import type { GdapCustomerRef, GdapSimulatorModel } from './model';
import type { SimRelationship } from './rules';

const DAY = 86_400_000;
const READ_ONLY = ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'];
const HELPDESK = ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', '729827e3-9c14-49f7-bb1b-9608f156bbb8'];
const GLOBAL_ADMIN = ['62e90394-69f5-4237-9190-012177145e10'];
const GROUP = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;

interface Shape {
  roles: string[];
  duration: string;
  days: number;
  autoExtend: string;
  /** Days since activation (negative = still pending since that many days). */
  activatedDaysAgo: number;
  status: SimRelationship['status'];
}

/**
 * By customer index (mod 8): 0 least privilege, ends in ~630 days, auto-extends; 1 least privilege,
 * ends in 10 days, no auto-extend; 2 expired; 3 none; 4 read-only (Directory Readers + Global
 * Reader), ends in 5 days, auto-extends; 5 none; 6 helpdesk, one year, ends in 200 days; 7 Global
 * Administrator (no auto-extend allowed), ends in 25 days.
 */
function shapeFor(index: number): Shape | undefined {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the built-in templates are a non-empty constant
  const least = BUILT_IN_TEMPLATES.templates[0]!.roles.map((r) => r.roleDefinitionId);
  switch (index % 8) {
    case 0:
      return {
        roles: least,
        duration: 'P730D',
        days: 730,
        autoExtend: 'P180D',
        activatedDaysAgo: 100,
        status: 'active',
      };
    case 1:
      return {
        roles: least,
        duration: 'P730D',
        days: 730,
        autoExtend: 'PT0S',
        activatedDaysAgo: 720,
        status: 'active',
      };
    case 2:
      return {
        roles: least,
        duration: 'P730D',
        days: 730,
        autoExtend: 'PT0S',
        activatedDaysAgo: 800,
        status: 'expired',
      };
    case 4:
      return {
        roles: READ_ONLY,
        duration: 'P365D',
        days: 365,
        autoExtend: 'P180D',
        activatedDaysAgo: 360,
        status: 'active',
      };
    case 6:
      return {
        roles: HELPDESK,
        duration: 'P365D',
        days: 365,
        autoExtend: 'PT0S',
        activatedDaysAgo: 165,
        status: 'active',
      };
    case 7:
      return {
        roles: GLOBAL_ADMIN,
        duration: 'P90D',
        days: 90,
        autoExtend: 'PT0S',
        activatedDaysAgo: 65,
        status: 'active',
      };
    default:
      return undefined;
  }
}

/** Adds the demo relationships to `model`; returns how many. Deterministic for a given seed. */
export function seedGdapRelationships(
  model: GdapSimulatorModel,
  customers: readonly GdapCustomerRef[],
  seed: number | string = 'gdap',
): number {
  const now = model.now();
  const groupsFor = (roles: string[]) => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the built-in templates are a non-empty constant
    const planned = plannedAccessAssignments(BUILT_IN_TEMPLATES.templates[0]!);
    const mine = planned
      .map((p) => ({
        securityGroupId: p.securityGroupId,
        roles: p.roleDefinitionIds.filter((id) => roles.includes(id)),
      }))
      .filter((p) => p.roles.length > 0);
    const rest = roles.filter((id) => !mine.some((g) => g.roles.includes(id)));
    return rest.length ? [...mine, { securityGroupId: GROUP(rest.length), roles: rest }] : mine;
  };
  let count = 0;
  customers.forEach((c, index) => {
    const shape = shapeFor(index);
    if (!shape) return;
    const rng = createRng(`${seed}:${index}`);
    const activatedAt = now - shape.activatedDaysAgo * DAY;
    const createdAt = activatedAt - 3 * DAY;
    const endAt = activatedAt + shape.days * DAY;
    const name = `GDAP ${c.companyName}`.slice(0, 44).trim();
    model.insert(
      {
        id: `${guid(rng)}-${guid(rng)}`,
        displayName: `${name} ${index + 1}`,
        duration: shape.duration,
        autoExtendDuration: shape.autoExtend,
        status: shape.status,
        customer: { tenantId: c.tenantId, displayName: c.companyName },
        roles: shape.roles,
        createdAt,
        modifiedAt: shape.status === 'expired' ? endAt : activatedAt,
        lockedAt: createdAt,
        activatedAt,
        endAt,
      },
      groupsFor(shape.roles),
    );
    count++;
  });
  return count;
}
