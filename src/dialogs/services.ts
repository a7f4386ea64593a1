import type { TurnContext } from 'botbuilder';
import type { AppConfig } from '../config/config';
import type { AuditLog } from '../domain/audit';
import type { ConversationRepository } from '../domain/conversations';
import type { CustomerPageCache } from '../domain/customerCache';
import type { RoleTemplateSet } from '../domain/gdap';
import type { InvitationRepository } from '../domain/invitations';
import type { RemovalRequestRepository } from '../domain/removalRequests';
import type { GdapClient } from '../graph';
import type { RoleService } from '../domain/roles';
import type { StatusService } from '../domain/operationsStatus';
import type { Logger } from '../logging/logger';
import type { AuthKind, CallContext, PartnerCenterClient } from '../partnerCenter/client';

/** What the feature dialogs need, handed in through their constructors. */
export interface DialogServices {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly partnerTenantId: string;
  readonly partnerCenter: PartnerCenterClient;
  /** Microsoft Graph GDAP (admin access): app-only, so it also works with no user present. */
  readonly gdap: GdapClient;
  /** The admin-access role templates (GDAP_TEMPLATES_FILE or the built-in least-privilege one). */
  readonly gdapTemplates: RoleTemplateSet;
  readonly roles: RoleService;
  readonly audit: AuditLog;
  readonly invitations: InvitationRepository;
  readonly conversations: ConversationRepository;
  /** Customer list pages per partner (any page/search result shape the customers feature stores). */
  readonly customerCache: CustomerPageCache<unknown>;
  /** The signed-in user's Partner Center token (production sign-in); undefined in embedded mode. */
  readonly userToken?: (context: TurnContext) => Promise<string | undefined>;
  /** Removal requests to the indirect provider (absent: the provider path is not offered). */
  readonly removalRequests?: RemovalRequestRepository;
  /** Operations status for the `status` command (absent: the command is not offered). */
  readonly status?: StatusService;
}

/** Where a turn keeps its deadline (epoch ms), set by the first Partner Center call of the turn. */
const TURN_DEADLINE = Symbol('turnDeadline');

/**
 * The deadline of this turn's Partner Center calls: `TURN_DEADLINE_MS` after the first of them, so
 * that retries stop in time for Teams' invoke window (~10 s).
 */
export function turnDeadlineOf(services: DialogServices, context: TurnContext): number | undefined {
  const known = context.turnState.get<number | undefined>(TURN_DEADLINE);
  if (known !== undefined) return known;
  const ms = services.config.partnerCenter.turnDeadlineMs;
  if (!Number.isFinite(ms)) return undefined;
  const deadline = Date.now() + ms;
  context.turnState.set(TURN_DEADLINE, deadline);
  return deadline;
}

/** Extra time a read-back after a write of unknown outcome gets beyond the turn's deadline. */
export const READ_BACK_GRACE_MS = 2000;

/**
 * The context of a read that settles a write of unknown outcome: the turn's deadline, but at least
 * READ_BACK_GRACE_MS from now (the write may have used the turn's time up; without the read the
 * user could only be told "unknown").
 */
export function readBackContext(ctx: CallContext): CallContext {
  if (ctx.deadline === undefined) return ctx;
  return { ...ctx, deadline: Math.max(ctx.deadline, Date.now() + READ_BACK_GRACE_MS) };
}

/**
 * The Partner Center call context of one turn: the user's locale, the turn's deadline, and the
 * user's token for App+User calls.
 */
export function callContextOf(services: DialogServices, context: TurnContext, auth: AuthKind): CallContext {
  const ctx: CallContext = {
    auth,
    locale: context.activity.locale ?? 'en-US',
    deadline: turnDeadlineOf(services, context),
  };
  if (auth === 'user' && services.userToken) {
    const provide = services.userToken;
    ctx.userToken = () => provide(context);
  }
  return ctx;
}
