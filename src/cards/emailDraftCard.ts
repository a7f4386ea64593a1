import type { Translator } from '../i18n/i18n';
import type { CardText } from './untrusted';

/** The email part every draft card shares (the invitation, the request to the provider). */
export interface EmailDraftCardFields {
  subjectLabel: string;
  subject: string;
  subjectRequired: string;
  bodyLabel: string;
  body: string;
  bodyRequired: string;
  notes: CardText[];
  hasError: boolean;
  error: string;
  openTitle: string;
  mailto: string;
  copyTitle: string;
  doneTitle: string;
  cancelTitle: string;
}

/** The shared email part: subject and body inputs, notes, error, Open in email / Copy / Done / Cancel. */
export function emailDraftFields(
  t: Translator,
  input: {
    subject: string;
    body: string;
    notes: CardText[];
    error?: string;
    mailto: string;
    doneTitle?: string;
  },
): EmailDraftCardFields {
  return {
    subjectLabel: t.t('invite.draft.subject'),
    subject: input.subject,
    subjectRequired: t.t('invite.draft.subjectRequired'),
    bodyLabel: t.t('invite.draft.body'),
    body: input.body,
    bodyRequired: t.t('invite.draft.bodyRequired'),
    notes: input.notes,
    hasError: !!input.error,
    error: input.error ?? '',
    openTitle: t.t('invite.draft.openInEmail'),
    mailto: input.mailto,
    copyTitle: t.t('invite.draft.copy'),
    doneTitle: input.doneTitle ?? t.t('invite.draft.done'),
    cancelTitle: t.t('common.cancel'),
  };
}
