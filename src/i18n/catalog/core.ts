/**
 * Core messages (help, errors, roles, Partner Center failures). English is the reference:
 * German must have exactly the same keys (the compiler enforces it). Placeholders: `{name}`.
 */
export const en = {
  'app.name': 'Customer Connect',
  'help.title': 'Customer Connect — what I can do',
  'help.intro':
    'I help you connect with customers as in Partner Center: invite customers, see your customer list and remove relationships. Type a command:',
  'help.footer': 'Commands work in English and German. In a channel, mention me first.',
  'help.cmd.help': 'Show this overview',
  'help.cmd.invite': 'Request a reseller relationship or invite new customers with your indirect provider',
  'help.cmd.customers':
    'List and search your customers; expand one to see account, services, users and licenses',
  'help.cmd.remove': 'Remove a customer relationship (with the legal notice)',
  'help.cmd.invitations': 'Show the invitations you and your colleagues sent, with their status',
  'help.cmd.providers': 'Show your indirect providers',
  'help.cmd.audit': 'Show the latest audit log entries (removals and other changes; admins only)',
  'help.cmd.notifications':
    'In a team channel: on|off — tell this channel when a customer accepts an invitation',
  'help.cmd.cancel': 'Stop what we are doing',
  'help.arg.search': '[search text]',
  'help.arg.customer': '[customer]',
  'welcome.title': 'Welcome to Customer Connect',
  'welcome.text':
    'I help your team connect with customers in Partner Center from Teams, and I let you know when a customer accepts your invitation.',
  'welcome.helpButton': 'Show commands',
  'unknown.command': 'Sorry, I did not understand "{text}". Type **help** to see what I can do.',
  'unknown.empty': 'Type **help** to see what I can do.',
  'cancel.done': 'Cancelled. Type **help** to see what I can do.',
  'cancel.nothing': 'There is nothing to cancel. Type **help** to see what I can do.',
  'input.tooLong': 'That message is too long ({length} characters; at most {max}). Please shorten it.',
  'error.generic':
    'Sorry, something went wrong on my side. Please try again; if it keeps happening, tell your administrator (reference {ref}).',
  'error.unavailable':
    'The service is temporarily unavailable. Nothing was changed. Please try again in a minute (reference {ref}).',
  'command.notYetAvailable': 'The command **{command}** is not available in this version yet.',
  'card.expired': 'This card has expired. Type **{command}** to start again.',
  'card.notYours':
    'This card is not waiting for you: it has expired, or it belongs to a flow someone else started. Type **{command}** to start your own.',
  'command.startedBelow': 'See the message below.',
  'card.invalid': 'This card action was not understood, so nothing was changed.',
  'card.working.title': 'Still working …',
  'card.working.text':
    'Partner Center is taking longer than usual. This card is updated as soon as the result is there; you need not select anything again.',
  'card.retry.titleAnswered': 'Result',
  'card.retry.titleFailed': 'Not finished',
  'card.retry.failed':
    'This could not be finished. Select "Try again" to run it again; check the result before you change anything twice.',
  'card.unknownAction': 'This button is not supported, so nothing was changed.',
  'flow.useCard': 'Please use the buttons on the card above, or type **cancel** to stop.',
  'role.GlobalAdmin': 'Global admin',
  'role.AdminAgent': 'Admin agent',
  'role.SalesAgent': 'Sales agent',
  'role.HelpdeskAgent': 'Helpdesk agent',
  'role.refused':
    'Sorry, only a {roles} in Partner Center may do this. Ask your Global admin if you need access.',
  'pc.notFound':
    'Partner Center does not know this customer (any more). Nothing was changed (reference {ref}).',
  'pc.noDelegatedAccess':
    'You have no delegated admin access to this customer, so Partner Center does not show this.',
  'pc.throttled': 'Partner Center is busy right now (throttled). Please try again in {seconds} seconds.',
  'pc.precondition': 'Partner Center refused this because a precondition is not met. {detail}',
  'pc.unauthorized':
    'Partner Center did not accept your sign-in for this. Sign in again, or ask your Global admin to check your role.',
  'pc.unavailable':
    'Partner Center is not reachable right now. Nothing was changed. Please try again in a minute (reference {ref}).',
  'pc.failed': 'Partner Center could not do this. Nothing was changed (reference {ref}).',
  'common.retry': 'Try again',
  'common.cancel': 'Cancel',
  'tenant.refused': 'Sorry, this bot is only available to the staff of its partner organization.',
  'help.cmd.signout': 'Sign out of Partner Center',
  'signin.title': 'Sign in to Partner Center',
  'signin.text': 'To do this I need to act as you in Partner Center. Please sign in.',
  'signin.failed':
    'Sign-in did not complete, so I did nothing. If your organization requires consent or multi-factor authentication, complete it and try again.',
  'signout.done': 'You are signed out of Partner Center.',
  'signout.notConfigured': 'Sign-in is not used here (local mode), so there is nothing to sign out of.',
  'duplicate.ignored': 'This action was already received and is being handled.',
  'error.concurrent':
    'This conversation was changed from somewhere else at the same moment. Nothing was lost; please repeat your last step.',
} as const;

export const de: Record<keyof typeof en, string> = {
  'app.name': 'Customer Connect',
  'help.title': 'Customer Connect – das kann ich',
  'help.intro':
    'Ich helfe Ihnen, wie im Partner Center mit Kunden in Verbindung zu treten: Kunden einladen, Ihre Kundenliste ansehen und Beziehungen entfernen. Geben Sie einen Befehl ein:',
  'help.footer': 'Befehle funktionieren auf Deutsch und Englisch. Erwähnen Sie mich in einem Kanal zuerst.',
  'help.cmd.help': 'Diese Übersicht anzeigen',
  'help.cmd.invite':
    'Eine Vertriebspartnerschaft beantragen oder neue Kunden mit Ihrem indirekten Anbieter einladen',
  'help.cmd.customers':
    'Kunden auflisten und suchen; einen Kunden erweitern, um Konto, Dienste, Benutzer und Lizenzen zu sehen',
  'help.cmd.remove': 'Eine Kundenbeziehung entfernen (mit dem rechtlichen Hinweis)',
  'help.cmd.invitations': 'Die Einladungen von Ihnen und Ihren Kollegen mit ihrem Status anzeigen',
  'help.cmd.providers': 'Ihre indirekten Anbieter anzeigen',
  'help.cmd.audit':
    'Die neuesten Einträge des Protokolls anzeigen (Entfernungen und andere Änderungen; nur für Administratoren)',
  'help.cmd.notifications':
    'Im Teamkanal: an|aus – diesem Kanal melden, wenn ein Kunde eine Einladung annimmt',
  'help.cmd.cancel': 'Den aktuellen Vorgang abbrechen',
  'help.arg.search': '[Suchtext]',
  'help.arg.customer': '[Kunde]',
  'welcome.title': 'Willkommen bei Customer Connect',
  'welcome.text':
    'Ich helfe Ihrem Team, aus Teams heraus im Partner Center mit Kunden in Verbindung zu treten, und sage Ihnen Bescheid, wenn ein Kunde Ihre Einladung annimmt.',
  'welcome.helpButton': 'Befehle anzeigen',
  'unknown.command':
    'Das habe ich leider nicht verstanden: „{text}“. Geben Sie **hilfe** ein, um zu sehen, was ich kann.',
  'unknown.empty': 'Geben Sie **hilfe** ein, um zu sehen, was ich kann.',
  'cancel.done': 'Abgebrochen. Geben Sie **hilfe** ein, um zu sehen, was ich kann.',
  'cancel.nothing': 'Es gibt nichts abzubrechen. Geben Sie **hilfe** ein, um zu sehen, was ich kann.',
  'input.tooLong': 'Diese Nachricht ist zu lang ({length} Zeichen; höchstens {max}). Bitte kürzen Sie sie.',
  'error.generic':
    'Leider ist bei mir etwas schiefgegangen. Bitte versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an Ihre Administration (Referenz {ref}).',
  'error.unavailable':
    'Der Dienst ist vorübergehend nicht erreichbar. Es wurde nichts geändert. Bitte versuchen Sie es in einer Minute erneut (Referenz {ref}).',
  'command.notYetAvailable': 'Der Befehl **{command}** ist in dieser Version noch nicht verfügbar.',
  'card.expired': 'Diese Karte ist abgelaufen. Geben Sie **{command}** ein, um neu zu beginnen.',
  'card.notYours':
    'Diese Karte wartet nicht auf Sie: Sie ist abgelaufen, oder sie gehört zu einem Vorgang, den jemand anderes begonnen hat. Geben Sie **{command}** ein, um Ihren eigenen zu beginnen.',
  'command.startedBelow': 'Siehe die Nachricht unten.',
  'card.invalid': 'Diese Kartenaktion wurde nicht verstanden; es wurde nichts geändert.',
  'card.working.title': 'Wird noch bearbeitet …',
  'card.working.text':
    'Partner Center braucht länger als üblich. Diese Karte wird aktualisiert, sobald das Ergebnis da ist; Sie müssen nichts erneut auswählen.',
  'card.retry.titleAnswered': 'Ergebnis',
  'card.retry.titleFailed': 'Nicht abgeschlossen',
  'card.retry.failed':
    'Das konnte nicht abgeschlossen werden. Wählen Sie „Erneut versuchen“, um es noch einmal auszuführen; prüfen Sie das Ergebnis, bevor Sie etwas doppelt ändern.',
  'card.unknownAction': 'Diese Schaltfläche wird nicht unterstützt; es wurde nichts geändert.',
  'flow.useCard':
    'Bitte verwenden Sie die Schaltflächen auf der Karte oben, oder geben Sie **abbrechen** ein, um aufzuhören.',
  'role.GlobalAdmin': 'Globaler Administrator',
  'role.AdminAgent': 'Administrator-Agent',
  'role.SalesAgent': 'Vertriebsagent',
  'role.HelpdeskAgent': 'Helpdesk-Agent',
  'role.refused':
    'Das darf leider nur ein {roles} im Partner Center. Wenden Sie sich an Ihren globalen Administrator, wenn Sie Zugriff brauchen.',
  'pc.notFound':
    'Partner Center kennt diesen Kunden nicht (mehr). Es wurde nichts geändert (Referenz {ref}).',
  'pc.noDelegatedAccess':
    'Sie haben keinen delegierten Administratorzugriff auf diesen Kunden, daher zeigt Partner Center dies nicht an.',
  'pc.throttled':
    'Partner Center ist gerade ausgelastet (Drosselung). Bitte versuchen Sie es in {seconds} Sekunden erneut.',
  'pc.precondition': 'Partner Center hat dies abgelehnt, weil eine Voraussetzung nicht erfüllt ist. {detail}',
  'pc.unauthorized':
    'Partner Center hat Ihre Anmeldung dafür nicht akzeptiert. Melden Sie sich erneut an, oder bitten Sie Ihren globalen Administrator, Ihre Rolle zu prüfen.',
  'pc.unavailable':
    'Partner Center ist gerade nicht erreichbar. Es wurde nichts geändert. Bitte versuchen Sie es in einer Minute erneut (Referenz {ref}).',
  'pc.failed': 'Partner Center konnte dies nicht ausführen. Es wurde nichts geändert (Referenz {ref}).',
  'common.retry': 'Erneut versuchen',
  'common.cancel': 'Abbrechen',
  'tenant.refused':
    'Dieser Bot steht leider nur den Mitarbeitenden seiner Partnerorganisation zur Verfügung.',
  'help.cmd.signout': 'Vom Partner Center abmelden',
  'signin.title': 'Beim Partner Center anmelden',
  'signin.text': 'Dafür muss ich im Partner Center in Ihrem Namen handeln. Bitte melden Sie sich an.',
  'signin.failed':
    'Die Anmeldung wurde nicht abgeschlossen, daher habe ich nichts getan. Wenn Ihre Organisation eine Zustimmung oder Multi-Faktor-Authentifizierung verlangt, schließen Sie diese ab und versuchen Sie es erneut.',
  'signout.done': 'Sie sind vom Partner Center abgemeldet.',
  'signout.notConfigured':
    'Die Anmeldung wird hier nicht verwendet (lokaler Modus); es gibt nichts abzumelden.',
  'duplicate.ignored': 'Diese Aktion ist bereits eingegangen und wird bearbeitet.',
  'error.concurrent':
    'Diese Unterhaltung wurde im selben Moment an anderer Stelle geändert. Es ist nichts verloren gegangen; bitte wiederholen Sie Ihren letzten Schritt.',
};
