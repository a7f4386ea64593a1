import type { ProviderOption, RequestCustomer } from '../../cards/providerRequestCards';
import { clip } from '../../cards/removeCards';
import { INVITE_LIMITS } from '../../domain/inviteDraft';
import type { LegalNoticeStatement } from '../../domain/legalNotice';
import { goodFaithParagraphs } from '../../domain/removalRequests';
import type { Translator } from '../../i18n/i18n';

export interface ProviderRequestEmail {
  subject: string;
  body: string;
}

/** Company names are cut to this in the subject (it must stay within the draft's subject limit). */
const SUBJECT_COMPANY_CHARS = 120;

/**
 * The pre-filled email to the indirect provider, in the user's language: asks it to remove the
 * reseller relationship for this customer (name, domain, customer id on lines of their own) and
 * quotes the good-faith statement the user attested to on the legal notice (the seed's
 * representation), with its version. Signed with the sender's name when known. Plain text.
 */
export function providerRequestEmail(
  t: Translator,
  input: {
    customer: RequestCustomer;
    provider: ProviderOption;
    statement: LegalNoticeStatement;
    senderName?: string;
  },
): ProviderRequestEmail {
  const { customer, provider, statement } = input;
  const company = clip(customer.companyName, SUBJECT_COMPANY_CHARS);
  const subject = t.t('removalRequest.email.subject', { company }).slice(0, INVITE_LIMITS.subject);
  const quoted = goodFaithParagraphs(statement.paragraphs).map((p) => `"${p}"`);
  const attestation = [
    t.t('removalRequest.email.attestation', { version: statement.version }),
    ...quoted,
  ].join('\n\n');
  const sender = input.senderName?.trim();
  const body =
    t.t('removalRequest.email.body', {
      provider: provider.name,
      company: customer.companyName,
      domain: customer.domain,
      customerId: customer.id,
      attestation,
    }) + (sender ? `\n${sender}` : '');
  return { subject, body };
}
