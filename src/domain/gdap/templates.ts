import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import {
  AUTO_EXTEND_VALUES,
  isAutoExtending,
  isValidRelationshipDuration,
  type AutoExtendDuration,
} from './duration';
import { findEntraRole, GLOBAL_ADMINISTRATOR_ROLE_ID } from './entraRoles';

/** The setting that names the role template file (used in every error message). */
export const GDAP_TEMPLATES_SETTING = 'GDAP_TEMPLATES_FILE';

/** A role of a template and the partner's security group that receives it (access assignment). */
export interface TemplateRole {
  roleDefinitionId: string;
  /** Object id of the partner tenant's security group that gets this role via an access assignment. */
  securityGroupId: string;
}

/** A named set of Entra roles with duration and auto-extend: what one GDAP request asks for. */
export interface RoleTemplate {
  id: string;
  name: { en: string; de: string };
  /** ISO 8601, P1D … P2Y. */
  duration: string;
  autoExtendDuration: AutoExtendDuration;
  roles: readonly TemplateRole[];
}

export interface RoleTemplateSet {
  templates: readonly RoleTemplate[];
  /** Id of the template offered first. */
  defaultTemplateId: string;
  /** 'file' when loaded from GDAP_TEMPLATES_FILE, else the built-in least-privilege default. */
  source: 'file' | 'built-in';
}

/** One access assignment to create after approval: a group and the roles it gets. */
export interface PlannedAccessAssignment {
  securityGroupId: string;
  roleDefinitionIds: string[];
}

/** A bad template file. Names the setting and the problem, like ConfigError. */
export class RoleTemplateError extends AppError {
  readonly setting = GDAP_TEMPLATES_SETTING;
  constructor(problem: string) {
    super('config_invalid', `Invalid configuration: ${GDAP_TEMPLATES_SETTING}: ${problem}`);
  }
}

const guid = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID')
  .transform((s) => s.toLowerCase());

const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and - (at most 40)'),
    name: z.object({ en: z.string().trim().min(1).max(60), de: z.string().trim().min(1).max(60) }).strict(),
    duration: z.string().refine(isValidRelationshipDuration, 'must be an ISO 8601 duration from P1D to P2Y'),
    autoExtendDuration: z.enum(AUTO_EXTEND_VALUES).default('PT0S'),
    roles: z
      .array(
        z
          .object({
            roleDefinitionId: guid.refine(
              (id) => findEntraRole(id) !== undefined,
              'is not a known Entra role',
            ),
            securityGroupId: guid,
          })
          .strict(),
      )
      .min(1, 'needs at least one role')
      .max(72),
  })
  .strict()
  .superRefine((t, ctx) => {
    const ids = t.roles.map((r) => r.roleDefinitionId);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['roles'], message: `role ${dup} is listed twice` });
    if (isAutoExtending(t.autoExtendDuration) && ids.includes(GLOBAL_ADMINISTRATOR_ROLE_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: ['autoExtendDuration'],
        message: 'auto-extend is not allowed while Global Administrator is among the roles (use PT0S)',
      });
    }
  });

const fileSchema = z
  .object({
    defaultTemplate: z.string().optional(),
    templates: z.array(templateSchema).min(1, 'needs at least one template').max(50),
  })
  .strict()
  .superRefine((f, ctx) => {
    const ids = f.templates.map((t) => t.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup)
      ctx.addIssue({ code: 'custom', path: ['templates'], message: `template id "${dup}" is used twice` });
    if (f.defaultTemplate !== undefined && !ids.includes(f.defaultTemplate)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultTemplate'],
        message: `names no template ("${f.defaultTemplate}")`,
      });
    }
  });

/**
 * Placeholder group object ids of the built-in template. They exist in no tenant: the built-in
 * template is for embedded mode (the simulator accepts any group id); production requires a file
 * with the partner's own groups (one group per role, as Microsoft's GDAP guidance recommends).
 */
export const BUILT_IN_PLACEHOLDER_GROUP_PREFIX = '00000000-0000-4000-8000-0000000000';

const LEAST_PRIVILEGE_ROLES = [
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', // Directory Readers
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
  '4d6ac14f-3453-41d0-bef9-a3e0c569773a', // License Administrator
  '729827e3-9c14-49f7-bb1b-9608f156bbb8', // Helpdesk Administrator
  'f023fd81-a637-4b56-95fd-791ac0226033', // Service Support Administrator
];

/** The built-in default: least privilege, two years, auto-extended by 180 days. */
export const BUILT_IN_TEMPLATES: RoleTemplateSet = deepFreeze({
  source: 'built-in',
  defaultTemplateId: 'least-privilege',
  templates: [
    {
      id: 'least-privilege',
      name: { en: 'Least privilege (support)', de: 'Minimale Rechte (Support)' },
      duration: 'P730D',
      autoExtendDuration: 'P180D',
      roles: LEAST_PRIVILEGE_ROLES.map((roleDefinitionId, i) => ({
        roleDefinitionId,
        securityGroupId: `${BUILT_IN_PLACEHOLDER_GROUP_PREFIX}${String(i + 1).padStart(2, '0')}`,
      })),
    },
  ],
});

/** Validates parsed JSON as a template file; throws RoleTemplateError naming the first problem. */
export function parseRoleTemplates(json: unknown): RoleTemplateSet {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'file';
    throw new RoleTemplateError(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  const f = parsed.data;
  return deepFreeze({
    source: 'file',
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- fileSchema requires at least one template
    defaultTemplateId: f.defaultTemplate ?? f.templates[0]!.id,
    templates: f.templates,
  });
}

/**
 * The templates at start-up: the file when `file` is given (a missing, unreadable or invalid file
 * stops start-up with a RoleTemplateError), else the built-in default — which production refuses:
 * its security groups are placeholders, and the partner's own groups are needed for access.
 */
export function loadRoleTemplates(
  file: string | undefined,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
  options: { production?: boolean } = {},
): RoleTemplateSet {
  if (file === undefined) {
    if (options.production)
      throw new RoleTemplateError('is required in production (the partner’s security groups)');
    return BUILT_IN_TEMPLATES;
  }
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new RoleTemplateError(`cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RoleTemplateError(`${file} is not valid JSON`);
  }
  return parseRoleTemplates(json);
}

export function findTemplate(set: RoleTemplateSet, id: string): RoleTemplate | undefined {
  return set.templates.find((t) => t.id === id);
}

/** The template offered first: the set's default, else its first (a set has at least one). */
export function defaultTemplate(set: RoleTemplateSet): RoleTemplate {
  const template = findTemplate(set, set.defaultTemplateId) ?? set.templates[0];
  if (!template) throw new RoleTemplateError('has no templates');
  return template;
}

/** The access assignments for a template: one per security group, with the roles mapped to it. */
export function plannedAccessAssignments(template: RoleTemplate): PlannedAccessAssignment[] {
  const byGroup = new Map<string, string[]>();
  for (const r of template.roles) {
    const roles = byGroup.get(r.securityGroupId) ?? [];
    roles.push(r.roleDefinitionId);
    byGroup.set(r.securityGroupId, roles);
  }
  return [...byGroup].map(([securityGroupId, roleDefinitionIds]) => ({ securityGroupId, roleDefinitionIds }));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
