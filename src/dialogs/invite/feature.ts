import type { Feature } from '../feature';
import type { DialogServices } from '../services';
import { InvitationsDialog } from './invitationsDialog';
import { createInvitationsPageHandler } from './invitationsPage';
import { InviteDialog } from './inviteDialog';
import { INVITE_DIALOG_VERBS } from './inviteSchemas';
import { INVITATIONS_PAGE_VERB } from '../../cards/inviteListCard';

/** `invite` (the draft email flow) and `invitations` (the list with stateless paging). */
export function createInviteFeature(services: DialogServices): Feature {
  return {
    commands: {
      invite: new InviteDialog(services),
      invitations: new InvitationsDialog(services),
    },
    dialogVerbs: INVITE_DIALOG_VERBS,
    cardActions: { [INVITATIONS_PAGE_VERB]: createInvitationsPageHandler(services) },
  };
}
