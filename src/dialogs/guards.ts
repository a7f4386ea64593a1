import type { TurnContext } from 'botbuilder';
import { ACTION_ROLES, isAllowed, type ProtectedAction, type RoleService } from '../domain/roles';
import { translatorFor, type Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { PartnerRoleName } from '../domain/roles';
import { inbound } from '../common/inboundActivity';

export function roleLabel(t: Translator, role: PartnerRoleName): string {
  return t.t(`role.${role}` as MessageKey);
}

/** The refusal text naming the roles that may do `action`. */
export function refusalText(t: Translator, action: ProtectedAction): string {
  const roles = ACTION_ROLES[action].map((r) => roleLabel(t, r));
  return t.t('role.refused', { roles: roles.join(t.language === 'de' ? ' oder ' : ' or ') });
}

/** The caller's roles, or `[]` for an activity without a user object id. */
export async function callerRoles(context: TurnContext, roles: RoleService): Promise<PartnerRoleName[]> {
  const id = inbound(context).from?.aadObjectId;
  return id ? roles.rolesOf(id) : [];
}

/**
 * True when the caller may do `action`; otherwise sends (or, for card actions, returns via
 * `onRefuse`) a localized refusal naming the required roles.
 */
export async function ensureAllowed(
  context: TurnContext,
  roles: RoleService,
  action: ProtectedAction,
): Promise<{ allowed: true; roles: PartnerRoleName[] } | { allowed: false; message: string }> {
  const have = await callerRoles(context, roles);
  if (isAllowed(action, have)) return { allowed: true, roles: have };
  return { allowed: false, message: refusalText(translatorFor(context.activity.locale), action) };
}
