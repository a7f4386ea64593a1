import type { InviteDetails, InviteSelection } from '../../cards/inviteCards';
import { templateDuration, templateRoles } from '../../cards/gdapText';
import type { RoleTemplate } from '../../domain/gdap';
import { INVITE_LIMITS } from '../../domain/inviteDraft';
import type { Translator } from '../../i18n/i18n';

export interface DraftEmail {
  subject: string;
  body: string;
}

/** The admin access requested with the email: the approval link and the template's roles. */
export interface EmailAdminAccess {
  link: string;
  template: RoleTemplate;
}

/**
 * The pre-filled invitation email in the user's language: what the request means, the
 * personalized link on a line of its own, and the sender's name as signature. With admin access,
 * a second paragraph explains the GDAP request and carries its approval link on a line of its own;
 * an admin-access-only email (existing customer, `selection.kind` 'adminAccess') carries only that.
 */
export function draftEmail(
  t: Translator,
  input: {
    selection: InviteSelection;
    details: InviteDetails;
    link: string;
    senderName?: string;
    adminAccess?: EmailAdminAccess;
  },
): DraftEmail {
  const company = input.details.companyName?.trim();
  const withCompany = company ? t.t('invite.email.subjectCompany', { company }) : '';
  const admin = input.adminAccess;
  const adminParams = admin && {
    link: admin.link,
    roles: templateRoles(t, admin.template),
    duration: templateDuration(t, admin.template),
  };
  // A long company name would push the subject over its limit: then the general subject.
  let subject =
    withCompany && withCompany.length <= INVITE_LIMITS.subject ? withCompany : t.t('invite.email.subject');
  let main: string;
  if (input.selection.kind === 'adminAccess' && adminParams) {
    subject = t.t('invite.email.subjectAdmin');
    main = t.t('invite.email.adminAccessOnly', adminParams);
  } else {
    main =
      input.selection.kind === 'indirectReseller'
        ? t.t('invite.email.indirect', { link: input.link, provider: input.selection.provider?.name ?? '' })
        : t.t('invite.email.reseller', { link: input.link });
    if (adminParams) main += `\n\n${t.t('invite.email.adminAccess', adminParams)}`;
  }
  const sender = input.senderName?.trim();
  const closing = t.t('invite.email.closing') + (sender ? `\n${sender}` : '');
  return { subject, body: `${t.t('invite.email.greeting')}\n\n${main}\n\n${closing}` };
}
