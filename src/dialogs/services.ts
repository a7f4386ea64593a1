import type { TurnContext } from 'botbuilder';
import type { AppConfig } from '../config/config';
import type { AuditLog } from '../domain/audit';
import type { ConversationRepository } from '../domain/conversations';
import type { CustomerPageCache } from '../domain/customerCache';
import type { RoleTemplateSet } from '../domain/gdap';
import type { InvitationRepository } from '../domain/invitations';
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
  /** Operations status for the `status` command (absent: the command is not offered). */
  readonly status?: StatusService;
}

/** The Partner Center call context of one turn: the user's locale, and their token for App+User calls. */
export function callContextOf(services: DialogServices, context: TurnContext, auth: AuthKind): CallContext {
  const ctx: CallContext = { auth, locale: context.activity.locale ?? 'en-US' };
  if (auth === 'user' && services.userToken) {
    const provide = services.userToken;
    ctx.userToken = () => provide(context);
  }
  return ctx;
}
