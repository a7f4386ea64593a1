/**
 * Texts of the provider path: Partner Center refused a removal because the partner is an indirect
 * reseller; the request to the indirect provider (draft email, Done), the customer record's line
 * and the message once the provider removed the relationship. Labels the invitation draft already
 * has (Subject, Message, Open in email, Copy text, Done) are shared from `invite.draft.*`.
 */
export const en = {
  'removalRequest.refused.title': 'Only your indirect provider can remove this relationship',
  'removalRequest.refused.text':
    'Partner Center refused to remove the reseller relationship with **{name}**: your company is an indirect reseller, and indirect resellers cannot remove a relationship themselves. Your indirect provider can remove it for you. Nothing was changed.',
  'removalRequest.refused.reported': 'Partner Center said: {detail}',
  'removalRequest.refused.next':
    'Select **Ask your indirect provider** for an email asking it to remove the relationship for this customer.',
  'removalRequest.refused.ask': 'Ask your indirect provider',
  'removalRequest.refused.providerLabel': 'Indirect provider to ask',
  'removalRequest.refused.providerRequired': 'Choose the indirect provider to ask.',
  'removalRequest.refused.noProvider':
    'Partner Center lists no indirect provider for your account, so the bot cannot draft the request. Ask your provider to remove the relationship directly.',
  'removalRequest.draft.title': 'Ask {provider} to remove the relationship',
  'removalRequest.draft.intro':
    'Edit the email as you like and send it yourself ("Open in email" or "Copy text"), then select **Done**. The bot sends nothing to the provider or the customer.',
  'removalRequest.draft.to': 'To (your contact at {provider})',
  'removalRequest.draft.toPlaceholder': 'name@provider.example',
  'removalRequest.draft.invalidEmail': '"{email}" is not a valid email address. Nothing was saved.',
  'removalRequest.draft.doneHint':
    "**Done** records the request: the customer's record shows it, and the bot tells you here when Partner Center no longer lists the customer.",
  'removalRequest.label.provider': 'Indirect provider',
  'removalRequest.email.subject': 'Please remove our reseller relationship with {company}',
  'removalRequest.email.body':
    'Hello {provider} team,\n\nas your indirect reseller we cannot remove a reseller relationship in Partner Center ourselves. Please remove our reseller relationship with this customer:\n\nCustomer: {company}\nDomain: {domain}\nCustomer ID (Microsoft ID): {customerId}\n\n{attestation}\n\nPlease let us know once it is done.\n\nKind regards',
  'removalRequest.email.attestation':
    'We confirm the following statement (legal notice {version}), which we attested to before this request:',
  'removalRequest.done.title': 'Removal request recorded',
  'removalRequest.done.text':
    "Removal requested from {provider} on {date}. The customer's record shows the request until Partner Center no longer lists the customer; then you get a message here.",
  'removalRequest.done.already':
    'A removal request for this customer is already open (asked of {provider} on {date}). Nothing new was recorded.',
  'removalRequest.saveFailed': 'The request could not be saved. Nothing was recorded; select Done again.',
  'removalRequest.cancelled.title': 'No request recorded',
  'removalRequest.cancelled.text':
    'The reseller relationship with **{name}** is unchanged, and nothing was recorded.',
  'removalRequest.customerLine': 'Removal requested from {provider} on {date}.',
  'removalRequest.notify.title': 'Reseller relationship removed',
  'removalRequest.notify.text':
    'Partner Center no longer lists **{name}** ({domain}) as your customer: {provider} removed the reseller relationship you asked for on {date}.',
  'removalRequest.notify.reminder':
    'If your agreement requires it, give your customer legal notice of termination. This bot sends none.',
  'audit.action.removalRequest.created': 'Removal requested from indirect provider',
  'audit.action.removalRequest.completed': 'Removal by indirect provider completed',
  'audit.reason.indirectReseller': 'indirect reseller: only the indirect provider can remove it',
} as const;

export const de: Record<keyof typeof en, string> = {
  'removalRequest.refused.title': 'Nur Ihr indirekter Anbieter kann diese Beziehung entfernen',
  'removalRequest.refused.text':
    'Partner Center hat das Entfernen der Vertriebspartnerschaft mit **{name}** abgelehnt: Ihr Unternehmen ist indirekter Wiederverkäufer, und indirekte Wiederverkäufer können eine Beziehung nicht selbst entfernen. Ihr indirekter Anbieter kann sie für Sie entfernen. Es wurde nichts geändert.',
  'removalRequest.refused.reported': 'Partner Center meldete: {detail}',
  'removalRequest.refused.next':
    'Wählen Sie **Indirekten Anbieter bitten**, um eine E-Mail zu erhalten, die ihn bittet, die Beziehung für diesen Kunden zu entfernen.',
  'removalRequest.refused.ask': 'Indirekten Anbieter bitten',
  'removalRequest.refused.providerLabel': 'Zu bittender indirekter Anbieter',
  'removalRequest.refused.providerRequired': 'Wählen Sie den indirekten Anbieter, den Sie bitten möchten.',
  'removalRequest.refused.noProvider':
    'Partner Center führt für Ihr Konto keinen indirekten Anbieter, daher kann der Bot die Bitte nicht entwerfen. Bitten Sie Ihren Anbieter direkt, die Beziehung zu entfernen.',
  'removalRequest.draft.title': '{provider} bitten, die Beziehung zu entfernen',
  'removalRequest.draft.intro':
    'Bearbeiten Sie die E-Mail nach Belieben und senden Sie sie selbst („In E-Mail öffnen“ oder „Text kopieren“), dann wählen Sie **Fertig**. Der Bot sendet dem Anbieter und dem Kunden nichts.',
  'removalRequest.draft.to': 'An (Ihr Kontakt bei {provider})',
  'removalRequest.draft.toPlaceholder': 'name@anbieter.example',
  'removalRequest.draft.invalidEmail':
    '„{email}“ ist keine gültige E-Mail-Adresse. Es wurde nichts gespeichert.',
  'removalRequest.draft.doneHint':
    '**Fertig** hält die Bitte fest: Der Kundendatensatz zeigt sie an, und der Bot benachrichtigt Sie hier, sobald Partner Center den Kunden nicht mehr aufführt.',
  'removalRequest.label.provider': 'Indirekter Anbieter',
  'removalRequest.email.subject': 'Bitte entfernen Sie unsere Vertriebspartnerschaft mit {company}',
  'removalRequest.email.body':
    'Hallo {provider}-Team,\n\nals Ihr indirekter Wiederverkäufer können wir eine Vertriebspartnerschaft in Partner Center nicht selbst entfernen. Bitte entfernen Sie unsere Vertriebspartnerschaft mit diesem Kunden:\n\nKunde: {company}\nDomäne: {domain}\nKunden-ID (Microsoft-ID): {customerId}\n\n{attestation}\n\nBitte geben Sie uns Bescheid, sobald es erledigt ist.\n\nFreundliche Grüße',
  'removalRequest.email.attestation':
    'Wir bestätigen die folgende Erklärung (rechtlicher Hinweis {version}), die wir vor dieser Bitte abgegeben haben:',
  'removalRequest.done.title': 'Bitte um Entfernung festgehalten',
  'removalRequest.done.text':
    'Entfernung bei {provider} am {date} angefragt. Der Kundendatensatz zeigt die Bitte an, bis Partner Center den Kunden nicht mehr aufführt; dann erhalten Sie hier eine Nachricht.',
  'removalRequest.done.already':
    'Für diesen Kunden ist bereits eine Bitte um Entfernung offen (bei {provider} am {date} angefragt). Es wurde nichts Neues festgehalten.',
  'removalRequest.saveFailed':
    'Die Bitte konnte nicht gespeichert werden. Es wurde nichts festgehalten; wählen Sie erneut Fertig.',
  'removalRequest.cancelled.title': 'Keine Bitte festgehalten',
  'removalRequest.cancelled.text':
    'Die Vertriebspartnerschaft mit **{name}** ist unverändert, und es wurde nichts festgehalten.',
  'removalRequest.customerLine': 'Entfernung bei {provider} am {date} angefragt.',
  'removalRequest.notify.title': 'Vertriebspartnerschaft entfernt',
  'removalRequest.notify.text':
    'Partner Center führt **{name}** ({domain}) nicht mehr als Ihren Kunden: {provider} hat die Vertriebspartnerschaft entfernt, um die Sie am {date} gebeten haben.',
  'removalRequest.notify.reminder':
    'Wenn Ihre Vereinbarung es erfordert, senden Sie Ihrem Kunden eine rechtsgültige Kündigung. Dieser Bot sendet keine.',
  'audit.action.removalRequest.created': 'Entfernung beim indirekten Anbieter angefragt',
  'audit.action.removalRequest.completed': 'Entfernung durch indirekten Anbieter abgeschlossen',
  'audit.reason.indirectReseller':
    'indirekter Wiederverkäufer: nur der indirekte Anbieter kann sie entfernen',
};
