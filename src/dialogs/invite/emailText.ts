import type { InviteDetails, InviteSelection } from '../../cards/inviteCards';
import { INVITE_LIMITS } from '../../domain/inviteDraft';
import type { Translator } from '../../i18n/i18n';

export interface DraftEmail {
  subject: string;
  body: string;
}

/**
 * The pre-filled invitation email in the user's language: what the request means, the
 * personalized link on a line of its own, and the sender's name as signature.
 */
export function draftEmail(
  t: Translator,
  input: { selection: InviteSelection; details: InviteDetails; link: string; senderName?: string },
): DraftEmail {
  const company = input.details.companyName?.trim();
  const withCompany = company ? t.t('invite.email.subjectCompany', { company }) : '';
  // A long company name would push the subject over its limit: then the general subject.
  const subject =
    withCompany && withCompany.length <= INVITE_LIMITS.subject ? withCompany : t.t('invite.email.subject');
  const main =
    input.selection.kind === 'indirectReseller'
      ? t.t('invite.email.indirect', { link: input.link, provider: input.selection.provider?.name ?? '' })
      : t.t('invite.email.reseller', { link: input.link });
  const sender = input.senderName?.trim();
  const closing = t.t('invite.email.closing') + (sender ? `\n${sender}` : '');
  return { subject, body: `${t.t('invite.email.greeting')}\n\n${main}\n\n${closing}` };
}
