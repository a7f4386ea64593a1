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
  // admin access (GDAP) with the invitation
  'invite.admin.heading': 'Admin access',
  'invite.admin.toggle': 'Also request admin access',
  'invite.admin.hint':
    'I create a request for granular delegated admin privileges (GDAP) with the roles of the chosen template. The email then carries a second link, with which the customer’s Global admin approves it.',
  'invite.admin.templateLabel': 'Role template',
  'invite.admin.templateLine': '{name}: {roles} · {duration}',
  'invite.admin.days': '{days} days',
  'invite.admin.autoExtends': '{duration}, extended automatically by {days} days',
  'invite.admin.fact': 'Admin access',
  'invite.admin.createFailed': 'I could not create the admin access request. {error}',
  'invite.admin.lockFailed':
    'The admin access request could not be sent for approval. {error} Your text is kept.',
  'invite.admin.gone':
    'The admin access request no longer exists (requests left without Done are removed after a day). Select Cancel and start again.',
  'invite.admin.customerFailed': 'I could not read this customer from Partner Center. {error}',
  'invite.admin.badStart': 'This button is no longer valid. Open the customer again and select it there.',
  'gdap.error.duplicate':
    'A request with the same name already exists, even after a second try with another name.',
  'gdap.error.invalid':
    'Microsoft Graph refused the role template “{template}” (an unknown role, an invalid duration, or automatic extension together with Global Administrator). Ask your administrator to correct the template.',
  'gdap.error.forbidden':
    'This app may not manage admin access in Microsoft Graph (permission missing or not consented, or the partner is not an Admin agent).',
  'gdap.error.busy': 'Microsoft Graph is busy or not reachable right now. Please try again in a moment.',
  'gdap.error.other': 'Microsoft Graph answered with an unexpected error.',
  'gdap.error.ref': '(Reference: {ref})',
  'invite.draft.adminLink': 'Admin access approval link (keep it in the message)',
  'invite.draft.adminLinkMissing':
    'The admin access approval link is missing or changed. Put it back into the message exactly as shown: the customer’s Global admin approves your admin access with it.',
  'invite.draft.introAdmin':
    'Review the draft. You can edit the text, but keep both links: the personalized link makes you the customer’s reseller; with the approval link, their Global admin grants you the admin access you request.',
  'invite.draft.introAdminOnly':
    'Review the draft. You can edit the text, but keep the approval link: with it, the customer’s Global admin grants you the admin access you request.',
  'invite.email.subjectAdmin': 'Request for admin access to your Microsoft 365 organization',
  'invite.email.adminAccess':
    'We also ask for limited administrator access to your organization (granular delegated admin privileges, GDAP), so that we can support you: {roles}, for {duration}. A Global admin of your organization approves this separately with the following second link:\n\n{link}',
  'invite.email.adminAccessOnly':
    'as your Microsoft partner we ask for limited administrator access to your organization (granular delegated admin privileges, GDAP), so that we can support you: {roles}, for {duration}.\n\nTo approve it, a Global admin of your organization only needs to open the following link, sign in and approve the request in the Microsoft 365 admin center:\n\n{link}\n\nYou can review and end this access at any time in the Microsoft 365 admin center.',
  'invite.kind.adminAccess': 'Admin access (GDAP)',
  'invite.done.adminPending':
    'The admin access request {name} waits for the approval of the customer’s Global admin.',
  'invite.done.textAdmin':
    'Now send the email to your customer. The request waits for the approval of their Global admin; type **{customers}** to see the customer.',
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
  'invite.admin.heading': 'Administratorzugriff',
  'invite.admin.toggle': 'Auch Administratorzugriff anfordern',
  'invite.admin.hint':
    'Ich erstelle eine Anforderung für granulare delegierte Administratorrechte (GDAP) mit den Rollen der gewählten Vorlage. Die E-Mail enthält dann einen zweiten Link, mit dem der globale Administrator des Kunden sie genehmigt.',
  'invite.admin.templateLabel': 'Rollenvorlage',
  'invite.admin.templateLine': '{name}: {roles} · {duration}',
  'invite.admin.days': '{days} Tage',
  'invite.admin.autoExtends': '{duration}, automatisch um {days} Tage verlängert',
  'invite.admin.fact': 'Administratorzugriff',
  'invite.admin.createFailed':
    'Ich konnte die Anforderung für den Administratorzugriff nicht erstellen. {error}',
  'invite.admin.lockFailed':
    'Die Anforderung für den Administratorzugriff konnte nicht zur Genehmigung gesendet werden. {error} Ihr Text bleibt erhalten.',
  'invite.admin.gone':
    'Die Anforderung für den Administratorzugriff besteht nicht mehr (Anforderungen ohne „Fertig“ werden nach einem Tag entfernt). Wählen Sie „Abbrechen“ und beginnen Sie neu.',
  'invite.admin.customerFailed': 'Ich konnte diesen Kunden nicht vom Partner Center abrufen. {error}',
  'invite.admin.badStart':
    'Diese Schaltfläche ist nicht mehr gültig. Öffnen Sie den Kunden erneut und wählen Sie sie dort aus.',
  'gdap.error.duplicate':
    'Eine Anforderung mit demselben Namen besteht bereits, auch nach einem zweiten Versuch mit einem anderen Namen.',
  'gdap.error.invalid':
    'Microsoft Graph hat die Rollenvorlage „{template}“ abgelehnt (eine unbekannte Rolle, eine ungültige Dauer oder automatische Verlängerung zusammen mit „Globaler Administrator“). Bitten Sie Ihren Administrator, die Vorlage zu korrigieren.',
  'gdap.error.forbidden':
    'Diese App darf in Microsoft Graph keinen Administratorzugriff verwalten (Berechtigung fehlt oder nicht erteilt, oder der Partner ist kein Administrator-Agent).',
  'gdap.error.busy':
    'Microsoft Graph ist gerade ausgelastet oder nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  'gdap.error.other': 'Microsoft Graph hat mit einem unerwarteten Fehler geantwortet.',
  'gdap.error.ref': '(Referenz: {ref})',
  'invite.draft.adminLink': 'Genehmigungslink für den Administratorzugriff (in der Nachricht belassen)',
  'invite.draft.adminLinkMissing':
    'Der Genehmigungslink für den Administratorzugriff fehlt oder wurde verändert. Fügen Sie ihn genau wie angezeigt wieder in die Nachricht ein: Mit ihm genehmigt der globale Administrator des Kunden Ihren Administratorzugriff.',
  'invite.draft.introAdmin':
    'Überprüfen Sie den Entwurf. Sie können den Text bearbeiten, behalten Sie aber beide Links bei: Der personalisierte Link macht Sie zum Vertriebspartner des Kunden; mit dem Genehmigungslink gewährt Ihnen sein globaler Administrator den angeforderten Administratorzugriff.',
  'invite.draft.introAdminOnly':
    'Überprüfen Sie den Entwurf. Sie können den Text bearbeiten, behalten Sie aber den Genehmigungslink bei: Mit ihm gewährt Ihnen der globale Administrator des Kunden den angeforderten Administratorzugriff.',
  'invite.email.subjectAdmin': 'Anfrage für Administratorzugriff auf Ihre Microsoft 365-Organisation',
  'invite.email.adminAccess':
    'Außerdem bitten wir um eingeschränkten Administratorzugriff auf Ihre Organisation (granulare delegierte Administratorrechte, GDAP), damit wir Sie unterstützen können: {roles}, für {duration}. Ein globaler Administrator Ihrer Organisation genehmigt dies gesondert mit dem folgenden zweiten Link:\n\n{link}',
  'invite.email.adminAccessOnly':
    'als Ihr Microsoft-Partner bitten wir um eingeschränkten Administratorzugriff auf Ihre Organisation (granulare delegierte Administratorrechte, GDAP), damit wir Sie unterstützen können: {roles}, für {duration}.\n\nDazu muss ein globaler Administrator Ihrer Organisation nur den folgenden Link öffnen, sich anmelden und die Anforderung im Microsoft 365 Admin Center genehmigen:\n\n{link}\n\nSie können diesen Zugriff jederzeit im Microsoft 365 Admin Center einsehen und beenden.',
  'invite.kind.adminAccess': 'Administratorzugriff (GDAP)',
  'invite.done.adminPending':
    'Die Anforderung für den Administratorzugriff {name} wartet auf die Genehmigung durch den globalen Administrator des Kunden.',
  'invite.done.textAdmin':
    'Senden Sie die E-Mail jetzt an Ihren Kunden. Die Anforderung wartet auf die Genehmigung durch seinen globalen Administrator; geben Sie **{customers}** ein, um den Kunden anzuzeigen.',
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
