import {
  durationDays,
  entraRoleName,
  isAutoExtending,
  parseIsoDuration,
  type RoleTemplate,
} from '../domain/gdap';
import type { Translator } from '../i18n/i18n';

/** How admin access (GDAP) role templates read on cards and in the email, in the user's language. */

export function templateName(t: Translator, template: RoleTemplate): string {
  return template.name[t.language === 'de' ? 'de' : 'en'];
}

/** The template's Entra roles by name, comma-separated. */
export function templateRoles(t: Translator, template: RoleTemplate): string {
  const language = t.language === 'de' ? 'de' : 'en';
  return template.roles.map((r) => entraRoleName(r.roleDefinitionId, language)).join(', ');
}

function days(iso: string): number {
  const parsed = parseIsoDuration(iso);
  return parsed ? Math.round(durationDays(parsed)) : 0;
}

/** "730 days" or "730 days, extended automatically by 180 days". */
export function templateDuration(t: Translator, template: RoleTemplate): string {
  const duration = t.t('invite.admin.days', { days: days(template.duration) });
  if (!isAutoExtending(template.autoExtendDuration)) return duration;
  return t.t('invite.admin.autoExtends', { duration, days: days(template.autoExtendDuration) });
}

/** "Least privilege (support): Directory Readers, … · 730 days, …". */
export function templateLine(t: Translator, template: RoleTemplate): string {
  return t.t('invite.admin.templateLine', {
    name: templateName(t, template),
    roles: templateRoles(t, template),
    duration: templateDuration(t, template),
  });
}
