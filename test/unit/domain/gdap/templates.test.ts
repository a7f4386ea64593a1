import {
  BUILT_IN_TEMPLATES,
  loadRoleTemplates,
  plannedAccessAssignments,
  RoleTemplateError,
} from '../../../../src/domain/gdap/templates';
import {
  addDuration,
  isValidRelationshipDuration,
  parseIsoDuration,
} from '../../../../src/domain/gdap/duration';
import { entraRoleName } from '../../../../src/domain/gdap/entraRoles';

const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';
const file = (json: unknown) => () => JSON.stringify(json);
const template = (over: Record<string, unknown> = {}) => ({
  id: 'support',
  name: { en: 'Support', de: 'Support' },
  duration: 'P365D',
  autoExtendDuration: 'P180D',
  roles: [
    { roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', securityGroupId: G1 },
    { roleDefinitionId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', securityGroupId: G2 },
  ],
  ...over,
});

function problem(json: unknown): string {
  try {
    loadRoleTemplates('/t.json', file(json));
  } catch (e) {
    expect(e).toBeInstanceOf(RoleTemplateError);
    expect((e as Error).message).toContain('GDAP_TEMPLATES_FILE');
    return (e as Error).message;
  }
  throw new Error('expected a RoleTemplateError');
}

describe('GDAP role templates', () => {
  it('has a least-privilege built-in default', () => {
    const t = BUILT_IN_TEMPLATES.templates[0]!;
    expect(t).toMatchObject({ duration: 'P730D', autoExtendDuration: 'P180D' });
    expect(t.roles.map((r) => entraRoleName(r.roleDefinitionId, 'en'))).toEqual([
      'Directory Readers',
      'User Administrator',
      'License Administrator',
      'Helpdesk Administrator',
      'Service Support Administrator',
    ]);
    expect(loadRoleTemplates(undefined)).toBe(BUILT_IN_TEMPLATES);
    expect(() => loadRoleTemplates(undefined, undefined, { production: true })).toThrow(
      /GDAP_TEMPLATES_FILE: is required in production/,
    );
  });

  it('loads a valid file and plans one access assignment per group', () => {
    const set = loadRoleTemplates('/t.json', file({ templates: [template()] }));
    expect(set).toMatchObject({ source: 'file', defaultTemplateId: 'support' });
    expect(plannedAccessAssignments(set.templates[0]!)).toEqual([
      { securityGroupId: G1, roleDefinitionIds: ['729827e3-9c14-49f7-bb1b-9608f156bbb8'] },
      { securityGroupId: G2, roleDefinitionIds: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'] },
    ]);
  });

  it.each([
    [{ templates: [template({ duration: 'P3Y' })] }, 'duration'],
    [{ templates: [template({ duration: 'PT1H' })] }, 'duration'],
    [{ templates: [template({ autoExtendDuration: 'P90D' })] }, 'autoExtendDuration'],
    [
      { templates: [template({ roles: [{ roleDefinitionId: G1, securityGroupId: G2 }] })] },
      'not a known Entra role',
    ],
    [{ templates: [template({ roles: [] })] }, 'at least one role'],
    [
      {
        templates: [
          template({
            roles: [{ roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', securityGroupId: G1 }],
          }),
        ],
      },
      'Global Administrator',
    ],
    [{ templates: [template(), template()] }, 'used twice'],
    [{ templates: [template()], defaultTemplate: 'nope' }, 'names no template'],
    [
      {
        templates: [
          template({
            roles: [{ roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', securityGroupId: 'x' }],
          }),
        ],
      },
      'GUID',
    ],
    [{ templates: [] }, 'at least one template'],
  ])('refuses %j naming the problem (%s)', (json, text) => {
    expect(problem(json)).toContain(text);
  });

  it('names an unreadable or non-JSON file', () => {
    expect(() =>
      loadRoleTemplates('/missing.json', () => {
        throw Object.assign(new Error('x'), { code: 'ENOENT' });
      }),
    ).toThrow(/GDAP_TEMPLATES_FILE: cannot read \/missing.json \(ENOENT\)/);
    expect(() => loadRoleTemplates('/t.json', () => '{')).toThrow(/not valid JSON/);
  });

  it('parses durations within Graph bounds', () => {
    expect(isValidRelationshipDuration('P1D')).toBe(true);
    expect(isValidRelationshipDuration('P2Y')).toBe(true);
    expect(isValidRelationshipDuration('P730D')).toBe(true);
    expect(isValidRelationshipDuration('P731D')).toBe(false);
    expect(isValidRelationshipDuration('PT23H')).toBe(false);
    expect(isValidRelationshipDuration('730')).toBe(false);
    expect(addDuration(new Date('2025-01-31T00:00:00Z'), parseIsoDuration('P730D')!).toISOString()).toBe(
      '2027-01-31T00:00:00.000Z',
    );
    expect(entraRoleName('88d8e3e3-8f55-4a1e-953a-9b9898b8876b', 'de')).toBe('Verzeichnis lesen');
  });
});
