/**
 * Messages of the invite flow (`invite`/`einladen`) and the invitations list
 * (`invitations`/`einladungen`). German uses Partner Center's German UI words where the seed gives
 * them ("Vertriebspartnerschaft beantragen", "Neue Kunden einladen", "Fertig", "Kunden").
 */
export const en = {
  // choice card
  'invite.choice.title': 'Invite a customer',
  'invite.choice.intro':
    'To transact with a customer in Partner Center you need a reseller relationship with them. I prepare an email with your personalized link; the customer’s Global admin accepts it.',
  'invite.choice.reseller': 'Request a reseller relationship',
  'invite.choice.resellerHint': 'Just you: the customer accepts you as their reseller.',
  'invite.choice.indirect': 'Invite new customers',
  'invite.choice.indirectHint':
    'You and your indirect provider at the same time, so the provider can also submit orders on the customer’s behalf.',
  'invite.choice.providerLabel': 'Indirect provider',
  'invite.choice.providerPlaceholder': 'Choose an indirect provider',
  'invite.choice.noProviders':
    'You have no active indirect provider in Partner Center, so you can only request a reseller relationship for yourself.',
  'invite.choice.providersFailed': 'I could not load your indirect providers. {error}',
  'invite.choice.providerRequired': 'Please choose the indirect provider to invite the customer with.',
  // details card
  'invite.details.title': 'Customer details (optional)',
  'invite.details.intro':
    'These details help you keep track of the invitation; the customer enters their own data when accepting. You can skip this step.',
  'invite.details.company': 'Customer company name',
  'invite.details.email': 'Contact email (recipient of the invitation)',
  'invite.details.channel': 'How did you win this customer?',
  'invite.details.channelPlaceholder': 'Choose a channel',
  'invite.details.continue': 'Continue',
  'invite.details.skip': 'Skip',
  'invite.details.invalidEmail':
    '"{email}" is not a valid email address. Please correct it or leave it empty.',
  'invite.details.tooLong': 'The {field} is too long (at most {max} characters).',
  'invite.details.linkFailed': 'I could not get your personalized link from Partner Center. {error}',
  // channels (the seed's three)
  'invite.channel.ownMarketing': 'Your own marketing activities',
  'invite.channel.microsoftReferral': 'Microsoft referral',
  'invite.channel.indirectProvider': 'Indirect provider',
  // kinds
  'invite.kind.reseller': 'Reseller relationship with you',
  'invite.kind.indirectReseller': 'Reseller relationship with you and {provider}',
  // draft card
  'invite.draft.title': 'Draft email to your customer',
  'invite.draft.intro':
    'Review the draft. You can edit the text, but be sure to include the link: it is personalized to link the customer directly to your account.',
  'invite.draft.introIndirect':
    'Review the draft. You can edit the text, but be sure to include the link: it is personalized to link the customer directly to both your account and your provider’s account.',
  'invite.draft.to': 'To',
  'invite.draft.noRecipient': 'not given — enter it in your email app',
  'invite.draft.invitation': 'Invitation',
  'invite.draft.subject': 'Subject',
  'invite.draft.body': 'Message',
  'invite.draft.link': 'Personalized link (keep it in the message)',
  'invite.draft.subjectRequired': 'Please enter a subject.',
  'invite.draft.bodyRequired': 'Please enter the message.',
  'invite.draft.openInEmail': 'Open in email',
  'invite.draft.copy': 'Copy text',
  'invite.draft.done': 'Done',
  'invite.draft.doneHint': 'Send the email to your customer, then select **Done**.',
  'invite.draft.mailtoHint':
    '"Open in email" opens the draft as shown when this card was last updated; after editing, select "Copy text" to refresh it.',
  'invite.draft.shortened':
    'The message is too long for an email link, so "Open in email" opens a shortened message (the personalized link is kept). Use "Copy text" for the full text.',
  'invite.draft.copied': 'I posted the finished text below this card, ready to copy.',
  'invite.draft.linkMissing':
    'The personalized link is missing or changed. Put it back into the message exactly as shown: it links the customer to your account.',
  'invite.draft.tooLong': 'The {field} is too long ({length} characters; at most {max}). Nothing was saved.',
  'invite.draft.saveFailed':
    'The invitation could not be saved right now; nothing was lost. Please select Done again in a moment.',
  'invite.draft.subjectLabel': 'Subject',
  // the email itself
  'invite.email.subject': 'Invitation: become our customer in the Microsoft Cloud Solution Provider program',
  'invite.email.subjectCompany':
    'Invitation for {company}: become our customer in the Microsoft Cloud Solution Provider program',
  'invite.email.greeting': 'Hello,',
  'invite.email.reseller':
    'we would like to become your Microsoft Cloud Solution Provider (CSP) partner, so that we can provide and manage your Microsoft cloud subscriptions and services for you.\n\nTo authorize us, a Global admin of your organization only needs to open the following link, sign in and accept the invitation in the Microsoft 365 admin center:\n\n{link}\n\nAccepting the invitation does not give us administrator access to your organization; if we need any, we will ask you for it separately.',
  'invite.email.indirect':
    'we would like to become your Microsoft Cloud Solution Provider (CSP) partner together with our indirect provider {provider}. We provide and manage your Microsoft cloud subscriptions and services; {provider} submits the orders on your behalf.\n\nTo authorize us both, a Global admin of your organization only needs to open the following link, sign in and accept the invitation in the Microsoft 365 admin center:\n\n{link}\n\nAccepting the invitation does not give us administrator access to your organization; if we need any, we will ask you for it separately.',
  'invite.email.closing': 'If you have any questions, just reply to this email.\n\nKind regards',
  // result cards
  'invite.done.title': 'Invitation recorded',
  'invite.done.text':
    'Now send the email to your customer. After the customer accepts, they appear under **Customers** (type **{customers}**), where you can manage their subscriptions and services. I will notify you in this chat when the customer accepts.',
  'invite.done.textIndirect':
    'Now send the email to your customer. After the customer authorizes you and {provider} as their resellers, they appear under **Customers** (type **{customers}**). I will notify you in this chat when the customer accepts.',
  'invite.done.customer': 'Customer',
  'invite.done.channel': 'Channel',
  'invite.done.showInvitations': 'Show invitations',
  'invite.cancelled.title': 'Invitation cancelled',
  'invite.cancelled.text': 'Nothing was recorded. Type **{command}** to start again.',
  'invite.notGiven': 'not given',
  // invitations list
  'invitations.title.all': 'Invitations — everyone',
  'invitations.title.mine': 'Invitations — sent by you',
  'invitations.subtitle': 'Newest first · page {page}',
  'invitations.empty.all': 'No invitations yet. Type **{command}** to invite a customer.',
  'invitations.empty.mine': 'You have not sent any invitations yet. Type **{command}** to invite a customer.',
  'invitations.noCompany': 'Company not given',
  'invitations.sentBy': 'Sent by {name} · {age}',
  'invitations.someone': 'a colleague',
  'invitations.status.pending': 'Pending',
  'invitations.status.accepted': 'Accepted',
  'invitations.status.expired': 'Expired',
  'invitations.next': 'Next page',
  'invitations.first': 'First page',
  'invitations.showMine': 'Only mine',
  'invitations.showAll': 'Everyone’s',
  'invitations.badArgs': 'Type **{command}** for all invitations or **{command} {mine}** for only yours.',
  'invitations.word.mine': 'mine',
  'invitations.word.all': 'all',
  'invitations.pageFailed':
    'This page of the list could not be loaded (the list may have changed). Type **{command}** to start from the top.',
} as const;

export const de: Record<keyof typeof en, string> = {
  'invite.choice.title': 'Kunden einladen',
  'invite.choice.intro':
    'Um im Partner Center Transaktionen mit einem Kunden durchzuführen, benötigen Sie eine Vertriebspartnerschaft mit ihm. Ich bereite eine E-Mail mit Ihrem personalisierten Link vor; der globale Administrator des Kunden nimmt sie an.',
  'invite.choice.reseller': 'Vertriebspartnerschaft beantragen',
  'invite.choice.resellerHint': 'Nur Sie: Der Kunde akzeptiert Sie als Vertriebspartner.',
  'invite.choice.indirect': 'Neue Kunden einladen',
  'invite.choice.indirectHint':
    'Sie und Ihr indirekter Anbieter gleichzeitig, damit der Anbieter auch Aufträge im Namen des Kunden übermitteln kann.',
  'invite.choice.providerLabel': 'Indirekter Anbieter',
  'invite.choice.providerPlaceholder': 'Indirekten Anbieter auswählen',
  'invite.choice.noProviders':
    'Sie haben im Partner Center keinen aktiven indirekten Anbieter. Sie können daher nur für sich selbst eine Vertriebspartnerschaft beantragen.',
  'invite.choice.providersFailed': 'Ich konnte Ihre indirekten Anbieter nicht laden. {error}',
  'invite.choice.providerRequired':
    'Bitte wählen Sie den indirekten Anbieter aus, mit dem Sie den Kunden einladen möchten.',
  'invite.details.title': 'Angaben zum Kunden (optional)',
  'invite.details.intro':
    'Diese Angaben helfen Ihnen, die Einladung zu verfolgen; der Kunde gibt seine eigenen Daten bei der Annahme ein. Sie können diesen Schritt überspringen.',
  'invite.details.company': 'Firmenname des Kunden',
  'invite.details.email': 'Kontakt-E-Mail (Empfänger der Einladung)',
  'invite.details.channel': 'Wie haben Sie diesen Kunden gewonnen?',
  'invite.details.channelPlaceholder': 'Kanal auswählen',
  'invite.details.continue': 'Weiter',
  'invite.details.skip': 'Überspringen',
  'invite.details.invalidEmail':
    '„{email}“ ist keine gültige E-Mail-Adresse. Bitte korrigieren Sie sie oder lassen Sie das Feld leer.',
  'invite.details.tooLong': 'Das Feld „{field}“ ist zu lang (höchstens {max} Zeichen).',
  'invite.details.linkFailed':
    'Ich konnte Ihren personalisierten Link nicht vom Partner Center abrufen. {error}',
  'invite.channel.ownMarketing': 'Eigene Marketingaktivitäten',
  'invite.channel.microsoftReferral': 'Empfehlung von Microsoft',
  'invite.channel.indirectProvider': 'Indirekte Anbieter',
  'invite.kind.reseller': 'Vertriebspartnerschaft mit Ihnen',
  'invite.kind.indirectReseller': 'Vertriebspartnerschaft mit Ihnen und {provider}',
  'invite.draft.title': 'E-Mail-Entwurf an Ihren Kunden',
  'invite.draft.intro':
    'Überprüfen Sie den Entwurf. Sie können den Text bearbeiten. Nehmen Sie jedoch unbedingt den Link mit auf, da er personalisiert ist und den Kunden direkt mit Ihrem Konto verknüpft.',
  'invite.draft.introIndirect':
    'Überprüfen Sie den Entwurf. Sie können den Text bearbeiten. Nehmen Sie jedoch unbedingt den Link mit auf, da er personalisiert ist, um den Kunden direkt mit Ihrem Konto und dem Konto Ihres Anbieters zu verknüpfen.',
  'invite.draft.to': 'An',
  'invite.draft.noRecipient': 'nicht angegeben – tragen Sie ihn in Ihrer E-Mail-Anwendung ein',
  'invite.draft.invitation': 'Einladung',
  'invite.draft.subject': 'Betreff',
  'invite.draft.body': 'Nachricht',
  'invite.draft.link': 'Personalisierter Link (in der Nachricht belassen)',
  'invite.draft.subjectRequired': 'Bitte geben Sie einen Betreff ein.',
  'invite.draft.bodyRequired': 'Bitte geben Sie die Nachricht ein.',
  'invite.draft.openInEmail': 'In E-Mail öffnen',
  'invite.draft.copy': 'Text kopieren',
  'invite.draft.done': 'Fertig',
  'invite.draft.doneHint': 'Senden Sie die E-Mail an Ihren Kunden und wählen Sie dann **Fertig** aus.',
  'invite.draft.mailtoHint':
    '„In E-Mail öffnen“ öffnet den Entwurf so, wie er beim letzten Aktualisieren dieser Karte war; wählen Sie nach dem Bearbeiten „Text kopieren“, um ihn zu aktualisieren.',
  'invite.draft.shortened':
    'Die Nachricht ist für einen E-Mail-Link zu lang, daher öffnet „In E-Mail öffnen“ eine gekürzte Nachricht (der personalisierte Link bleibt erhalten). Verwenden Sie „Text kopieren“ für den vollständigen Text.',
  'invite.draft.copied': 'Ich habe den fertigen Text unter dieser Karte zum Kopieren eingefügt.',
  'invite.draft.linkMissing':
    'Der personalisierte Link fehlt oder wurde verändert. Fügen Sie ihn genau wie angezeigt wieder in die Nachricht ein: Er verknüpft den Kunden mit Ihrem Konto.',
  'invite.draft.tooLong':
    'Das Feld „{field}“ ist zu lang ({length} Zeichen; höchstens {max}). Es wurde nichts gespeichert.',
  'invite.draft.saveFailed':
    'Die Einladung konnte gerade nicht gespeichert werden; es ist nichts verloren gegangen. Bitte wählen Sie gleich noch einmal „Fertig“ aus.',
  'invite.draft.subjectLabel': 'Betreff',
  'invite.email.subject': 'Einladung: Werden Sie unser Kunde im Microsoft Cloud Solution Provider-Programm',
  'invite.email.subjectCompany':
    'Einladung für {company}: Werden Sie unser Kunde im Microsoft Cloud Solution Provider-Programm',
  'invite.email.greeting': 'Guten Tag,',
  'invite.email.reseller':
    'wir möchten Ihr Partner im Microsoft Cloud Solution Provider-Programm (CSP) werden, damit wir Ihre Microsoft-Cloud-Abonnements und -Dienste für Sie bereitstellen und verwalten können.\n\nDazu muss ein globaler Administrator Ihrer Organisation nur den folgenden Link öffnen, sich anmelden und die Einladung im Microsoft 365 Admin Center annehmen:\n\n{link}\n\nMit der Annahme erhalten wir keinen Administratorzugriff auf Ihre Organisation; falls wir ihn benötigen, fragen wir Sie gesondert danach.',
  'invite.email.indirect':
    'wir möchten gemeinsam mit unserem indirekten Anbieter {provider} Ihr Partner im Microsoft Cloud Solution Provider-Programm (CSP) werden. Wir stellen Ihre Microsoft-Cloud-Abonnements und -Dienste bereit und verwalten sie; {provider} übermittelt die Aufträge in Ihrem Namen.\n\nDazu muss ein globaler Administrator Ihrer Organisation nur den folgenden Link öffnen, sich anmelden und die Einladung im Microsoft 365 Admin Center annehmen:\n\n{link}\n\nMit der Annahme erhalten wir keinen Administratorzugriff auf Ihre Organisation; falls wir ihn benötigen, fragen wir Sie gesondert danach.',
  'invite.email.closing': 'Bei Fragen antworten Sie einfach auf diese E-Mail.\n\nMit freundlichen Grüßen',
  'invite.done.title': 'Einladung erfasst',
  'invite.done.text':
    'Senden Sie die E-Mail jetzt an Ihren Kunden. Nachdem der Kunde Ihre Einladung angenommen hat, wird er unter **Kunden** angezeigt (geben Sie **{customers}** ein); dort können Sie seine Abonnements und Dienste verwalten. Ich benachrichtige Sie in diesem Chat, sobald der Kunde annimmt.',
  'invite.done.textIndirect':
    'Senden Sie die E-Mail jetzt an Ihren Kunden. Nachdem der Kunde Sie und {provider} als Vertriebspartner autorisiert hat, wird er unter **Kunden** angezeigt (geben Sie **{customers}** ein). Ich benachrichtige Sie in diesem Chat, sobald der Kunde annimmt.',
  'invite.done.customer': 'Kunde',
  'invite.done.channel': 'Kanal',
  'invite.done.showInvitations': 'Einladungen anzeigen',
  'invite.cancelled.title': 'Einladung abgebrochen',
  'invite.cancelled.text': 'Es wurde nichts erfasst. Geben Sie **{command}** ein, um neu zu beginnen.',
  'invite.notGiven': 'nicht angegeben',
  'invitations.title.all': 'Einladungen – alle',
  'invitations.title.mine': 'Einladungen – von Ihnen gesendet',
  'invitations.subtitle': 'Neueste zuerst · Seite {page}',
  'invitations.empty.all': 'Noch keine Einladungen. Geben Sie **{command}** ein, um einen Kunden einzuladen.',
  'invitations.empty.mine':
    'Sie haben noch keine Einladungen gesendet. Geben Sie **{command}** ein, um einen Kunden einzuladen.',
  'invitations.noCompany': 'Firma nicht angegeben',
  'invitations.sentBy': 'Gesendet von {name} · {age}',
  'invitations.someone': 'einem Kollegen',
  'invitations.status.pending': 'Ausstehend',
  'invitations.status.accepted': 'Angenommen',
  'invitations.status.expired': 'Abgelaufen',
  'invitations.next': 'Nächste Seite',
  'invitations.first': 'Erste Seite',
  'invitations.showMine': 'Nur meine',
  'invitations.showAll': 'Alle',
  'invitations.badArgs':
    'Geben Sie **{command}** für alle Einladungen oder **{command} {mine}** nur für Ihre eigenen ein.',
  'invitations.word.mine': 'meine',
  'invitations.word.all': 'alle',
  'invitations.pageFailed':
    'Diese Seite der Liste konnte nicht geladen werden (die Liste hat sich vielleicht geändert). Geben Sie **{command}** ein, um oben zu beginnen.',
};
