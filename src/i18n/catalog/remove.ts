/**
 * Messages of the "remove customer relationship" flow and the audit log view. The legal
 * statements themselves live in src/domain/legalNotice.ts (they are hashed and may be replaced
 * by a partner's file); everything around them is here. German: formal "Sie", Partner Center's
 * German UI words ("Kundenbeziehung entfernen", "Abbrechen").
 */
export const en = {
  'remove.ask':
    'Which customer relationship do you want to remove? Type the beginning of the company name or the domain, or **cancel**.',
  'remove.searchInvalid': 'Please type between 1 and {max} characters of the company name or domain.',
  'remove.notFound':
    'I found no customer whose company name or domain starts with "{text}". Nothing was changed.',
  'remove.customerGone': 'This customer is not (or no longer) one of your customers. Nothing was changed.',
  'remove.invalidCardData': 'This button did not name a valid customer, so nothing was changed.',
  'remove.startedBelow': 'Continue with the card below to remove the customer relationship.',
  'remove.inProgress': 'This removal is already being processed. Nothing else was done.',
  'remove.forged':
    'This action does not match the customer of this removal, so it was refused. Nothing was removed.',
  'remove.choose.title': 'Remove customer relationship: which customer?',
  'remove.choose.text': '{count} customers match "{text}". Choose the customer:',
  'remove.choose.more': 'Only the first {shown} are listed. Type a longer search text to narrow it down.',
  'remove.choose.placeholder': 'Choose a customer',
  'remove.choose.required': 'Please choose one of the listed customers.',
  'remove.choose.button': 'Continue',
  'remove.label.customer': 'Customer',
  'remove.label.domain': 'Domain',
  'remove.label.customerId': 'Customer ID',
  'remove.label.dap': 'Delegated admin privileges',
  'remove.pre.title': 'Before you can remove the relationship with {name}',
  'remove.pre.intro':
    'Partner Center removes a customer relationship only when the customer has no active subscriptions. These subscriptions are still active:',
  'remove.pre.quantity': 'Quantity {quantity}',
  'remove.pre.steps':
    'Suspend these subscriptions first, here or in Partner Center, then check again. Azure reservations and software purchases must be cancelled through Partner Center support.',
  'remove.pre.reported': 'Partner Center reports: {detail}',
  'remove.pre.suspendButton': 'Suspend active subscriptions',
  'remove.pre.recheckButton': 'Check again',
  'remove.suspend.title': 'Suspend {count} active subscription(s) of {name}?',
  'remove.suspend.text':
    "While the subscriptions are suspended, the customer's users cannot use these services. Suspending does not remove the customer relationship: the legal notice comes next.",
  'remove.suspend.confirmButton': 'Suspend subscriptions',
  'remove.suspend.backButton': 'Back',
  'remove.suspend.done': '{count} subscription(s) suspended.',
  'remove.suspend.partial': 'These subscriptions could not be suspended: {names}. {error}',
  'remove.warn.title': 'Remove customer relationship',
  'remove.warn.important': 'IMPORTANT',
  'remove.warn.dapGranted':
    'Granted (Partner Center still reports DAP). Partner Center may remove them with the relationship; the result will say.',
  'remove.warn.dapNone': 'None granted.',
  'remove.warn.dapUnknown': 'Unknown (Partner Center did not report it).',
  'remove.warn.toggle': 'I confirm the statements above',
  'remove.warn.toggleRequired': 'Confirm the statements above to remove the relationship.',
  'remove.warn.notAttested': 'Nothing was removed: please confirm the statements above first.',
  'remove.warn.removeButton': 'Remove customer relationship',
  'remove.warn.version': 'Statement version {version} · SHA-256 {hash}',
  'remove.result.successTitle': 'Customer relationship removed',
  'remove.result.success':
    'The reseller relationship with **{name}** ({domain}) was removed. The customer no longer appears under Customers.',
  'remove.result.dapKept':
    'Delegated admin privileges were not changed: you still hold them for this customer. Remove them separately in Partner Center if they are no longer needed.',
  'remove.result.dapNone': 'No delegated admin privileges were granted for this customer.',
  'remove.result.noticeReminder':
    'If your agreement requires it, send the legal notice of termination to your customer or partner yourself. This bot sent none.',
  'remove.result.auditRef': 'Audit entry {id}',
  'remove.result.auditMissing':
    'The audit entry could not be written; your administrator has been alerted in the logs (reference {id}).',
  'remove.result.failedTitle': 'Customer relationship not removed',
  'remove.result.alreadyRemoved':
    'Partner Center reports that there is no relationship with {name} (any more); it may already have been removed. Nothing was changed.',
  'remove.result.precondition':
    'Partner Center refused to remove the relationship with {name} because a precondition is not met. Nothing was removed.',
  'remove.result.verifiedRemoved':
    'Partner Center did not confirm the change, so the bot read the customer back: the relationship is gone.',
  'remove.result.verifiedNotRemoved':
    'Partner Center did not confirm the change, so the bot read the customer back: the relationship with {name} is still in place.',
  'remove.result.unknownTitle': 'Removal could not be confirmed',
  'remove.result.unknown':
    'Partner Center did not answer clearly, and reading the customer back failed too: it is not known whether the relationship with {name} was removed.',
  'remove.result.unknownCheck':
    'In a few minutes, type **{customers} {search}** (or look under Customers in Partner Center): if the customer is no longer listed, the relationship was removed; if it is, type **{remove}** to try again.',
  'remove.suspend.unconfirmed':
    'Partner Center did not confirm suspending these subscriptions, and they could not be read back: {names}. Press "Check again" to see their status.',
  'audit.outcome.unknown': 'Outcome unknown',
  'audit.label.verification': 'Verification',
  'audit.verification.removed': 'outcome unknown → verified removed',
  'audit.verification.notRemoved': 'outcome unknown → verified not removed',
  'audit.verification.unknown': 'outcome unknown → still unknown',
  'remove.result.cancelledTitle': 'Cancelled',
  'remove.result.cancelled': 'The relationship with {name} was not removed.',
  'remove.result.startAgain': 'Type **{command}** to start again.',
  'audit.title': 'Audit log',
  'audit.subtitle': 'The {count} most recent entries, newest first.',
  'audit.empty': 'The audit log has no entries yet.',
  'audit.label.by': 'By',
  'audit.label.customer': 'Customer',
  'audit.label.statement': 'Statement',
  'audit.label.reference': 'Reference',
  'audit.label.reason': 'Reason',
  'audit.action.relationship.remove': 'Remove customer relationship',
  'audit.action.subscriptions.suspend': 'Suspend subscriptions',
  'audit.action.invitation.created': 'Invitation',
  'audit.action.invitation.accepted': 'Invitation accepted',
  'audit.outcome.succeeded': 'Succeeded',
  'audit.outcome.failed': 'Failed',
  'audit.outcome.cancelled': 'Cancelled',
  'audit.outcome.refused': 'Refused',
  'audit.unknownActor': 'unknown',
  'audit.reason.role': 'role not allowed',
  'audit.reason.notAttested': 'statements not confirmed',
  'audit.reason.customerMismatch': 'card data named another customer',
  'audit.reason.userCancelled': 'cancelled on the card',
  'audit.reason.flowCancelled': 'flow cancelled or replaced',
  'audit.reason.alreadyRemoved': 'no relationship (any more)',
  'audit.reason.precondition': 'precondition not met',
  'audit.reason.partnerCenter': 'Partner Center error',
  'remove.nce.title': 'New-commerce subscriptions',
  'remove.nce.cancellable':
    '{name}: can still be cancelled with a prorated refund until {date}; after that it is billed for its whole term.',
  'remove.nce.cancellableHint':
    'Cancel these in Partner Center before the window closes if the customer should not pay for the rest of the term: suspending does not stop new-commerce billing.',
  'remove.nce.stillBilled': '{name}: suspended, but still billed until {date}.',
  'remove.nce.stillBilledNoDate': '{name}: suspended, but still billed until its term ends.',
  'remove.access.title': 'Admin access (GDAP)',
  'remove.access.line': '{name}: {roles} · ends on {date}',
  'remove.access.lineNoEnd': '{name}: {roles}',
  'remove.access.none': 'No active admin access (GDAP) relationships.',
  'remove.access.unavailable': 'Admin access (GDAP) could not be read right now.',
  'remove.access.stays':
    'Removing the reseller relationship does not end GDAP relationships. After the removal you can end them here.',
  'remove.result.dapRemoved':
    'Partner Center removed the delegated admin privileges (DAP) together with the relationship.',
  'remove.result.dapUnreported':
    "Partner Center did not say whether the delegated admin privileges (DAP) remain; check the customer's Account page in Partner Center.",
  'remove.end.title': 'Admin access (GDAP) is still active',
  'remove.end.text':
    'These GDAP relationships still give your staff admin access to {name}. Select the ones to end; nothing is ended until you press "End admin access too".',
  'remove.end.required': 'Select at least one relationship.',
  'remove.end.button': 'End admin access too',
  'remove.end.keepButton': 'Keep admin access',
  'remove.end.retryButton': 'Try again for the rest',
  'remove.end.none': 'No active admin access (GDAP) relationships remain for this customer.',
  'remove.end.noneSelected': 'Nothing was ended: select at least one relationship first.',
  'remove.end.doneTitle': 'Admin access ended',
  'remove.end.partialTitle': 'Admin access only partly ended',
  'remove.end.ended': 'Ended: {names}.',
  'remove.end.notEnded': 'Not ended: {names}. {error}',
  'remove.end.unconfirmed':
    'Microsoft Graph did not confirm ending these, and reading them back failed: {names}.',
  'remove.end.retryHint': 'Press "Try again for the rest" to end the remaining ones.',
  'remove.end.kept': 'Admin access was left as it is. You can end it later in Partner Center.',
  'remove.end.stale': 'This card is out of date, so nothing was ended. Use the newest card.',
  'remove.end.inProgress': 'Ending admin access is already being processed. Nothing else was done.',
  'remove.end.error.forbidden':
    'Microsoft Graph refused: the app lacks the permission to end admin access (DelegatedAdminRelationship.ReadWrite.All).',
  'remove.end.error.conflict': 'Their status does not allow ending them.',
  'remove.end.error.unavailable': 'Microsoft Graph is not available right now; try again in a moment.',
  'remove.end.error.other': 'Microsoft Graph refused the request.',
  'audit.action.adminAccess.terminate': 'End admin access (GDAP)',
  'audit.label.ended': 'Ended',
  'audit.label.notEnded': 'Not ended',
} as const;

export const de: Record<keyof typeof en, string> = {
  'remove.ask':
    'Welche Kundenbeziehung möchten Sie entfernen? Geben Sie den Anfang des Firmennamens oder der Domäne ein, oder **abbrechen**.',
  'remove.searchInvalid': 'Bitte geben Sie 1 bis {max} Zeichen des Firmennamens oder der Domäne ein.',
  'remove.notFound':
    'Ich habe keinen Kunden gefunden, dessen Firmenname oder Domäne mit „{text}“ beginnt. Es wurde nichts geändert.',
  'remove.customerGone': 'Dieser Kunde ist nicht (mehr) Ihr Kunde. Es wurde nichts geändert.',
  'remove.invalidCardData':
    'Diese Schaltfläche hat keinen gültigen Kunden genannt; es wurde nichts geändert.',
  'remove.startedBelow': 'Fahren Sie mit der Karte unten fort, um die Kundenbeziehung zu entfernen.',
  'remove.inProgress': 'Dieses Entfernen wird bereits ausgeführt. Sonst wurde nichts getan.',
  'remove.forged':
    'Diese Aktion passt nicht zum Kunden dieses Vorgangs und wurde daher abgelehnt. Es wurde nichts entfernt.',
  'remove.choose.title': 'Kundenbeziehung entfernen: welcher Kunde?',
  'remove.choose.text': '{count} Kunden passen zu „{text}“. Wählen Sie den Kunden aus:',
  'remove.choose.more':
    'Nur die ersten {shown} werden angezeigt. Geben Sie einen längeren Suchtext ein, um die Auswahl einzugrenzen.',
  'remove.choose.placeholder': 'Kunden auswählen',
  'remove.choose.required': 'Bitte wählen Sie einen der angezeigten Kunden aus.',
  'remove.choose.button': 'Weiter',
  'remove.label.customer': 'Kunde',
  'remove.label.domain': 'Domäne',
  'remove.label.customerId': 'Kunden-ID',
  'remove.label.dap': 'Delegierte Administratorrechte',
  'remove.pre.title': 'Bevor Sie die Beziehung zu {name} entfernen können',
  'remove.pre.intro':
    'Partner Center entfernt eine Kundenbeziehung nur, wenn der Kunde keine aktiven Abonnements hat. Diese Abonnements sind noch aktiv:',
  'remove.pre.quantity': 'Menge {quantity}',
  'remove.pre.steps':
    'Halten Sie diese Abonnements zuerst an, hier oder im Partner Center, und prüfen Sie dann erneut. Azure-Reservierungen und Softwarekäufe müssen über den Partner Center-Support storniert werden.',
  'remove.pre.reported': 'Partner Center meldet: {detail}',
  'remove.pre.suspendButton': 'Aktive Abonnements anhalten',
  'remove.pre.recheckButton': 'Erneut prüfen',
  'remove.suspend.title': '{count} aktive(s) Abonnement(s) von {name} anhalten?',
  'remove.suspend.text':
    'Solange die Abonnements angehalten sind, können die Benutzer des Kunden diese Dienste nicht verwenden. Das Anhalten entfernt die Kundenbeziehung nicht: Als Nächstes folgt der rechtliche Hinweis.',
  'remove.suspend.confirmButton': 'Abonnements anhalten',
  'remove.suspend.backButton': 'Zurück',
  'remove.suspend.done': '{count} Abonnement(s) angehalten.',
  'remove.suspend.partial': 'Diese Abonnements konnten nicht angehalten werden: {names}. {error}',
  'remove.warn.title': 'Kundenbeziehung entfernen',
  'remove.warn.important': 'WICHTIG',
  'remove.warn.dapGranted':
    'Erteilt (Partner Center meldet noch DAP). Partner Center entfernt sie möglicherweise mit der Beziehung; das Ergebnis sagt es Ihnen.',
  'remove.warn.dapNone': 'Keine erteilt.',
  'remove.warn.dapUnknown': 'Unbekannt (Partner Center hat es nicht gemeldet).',
  'remove.warn.toggle': 'Ich bestätige die obigen Erklärungen',
  'remove.warn.toggleRequired': 'Bestätigen Sie die obigen Erklärungen, um die Beziehung zu entfernen.',
  'remove.warn.notAttested': 'Es wurde nichts entfernt: Bitte bestätigen Sie zuerst die obigen Erklärungen.',
  'remove.warn.removeButton': 'Kundenbeziehung entfernen',
  'remove.warn.version': 'Version der Erklärung {version} · SHA-256 {hash}',
  'remove.result.successTitle': 'Kundenbeziehung entfernt',
  'remove.result.success':
    'Die Vertriebspartnerschaft mit **{name}** ({domain}) wurde entfernt. Der Kunde wird nicht mehr unter „Kunden“ angezeigt.',
  'remove.result.dapKept':
    'Die delegierten Administratorrechte wurden nicht geändert: Sie haben sie weiterhin für diesen Kunden. Entfernen Sie sie gesondert im Partner Center, wenn sie nicht mehr benötigt werden.',
  'remove.result.dapNone': 'Für diesen Kunden waren keine delegierten Administratorrechte erteilt.',
  'remove.result.noticeReminder':
    'Wenn Ihre Vereinbarung es erfordert, lassen Sie Ihrem Kunden oder Partner selbst eine rechtsgültige Kündigung zukommen. Dieser Bot hat keine gesendet.',
  'remove.result.auditRef': 'Protokolleintrag {id}',
  'remove.result.auditMissing':
    'Der Protokolleintrag konnte nicht geschrieben werden; Ihre Administration wurde über die Protokolldateien informiert (Referenz {id}).',
  'remove.result.failedTitle': 'Kundenbeziehung nicht entfernt',
  'remove.result.alreadyRemoved':
    'Partner Center meldet, dass (inzwischen) keine Beziehung zu {name} besteht; sie wurde möglicherweise bereits entfernt. Es wurde nichts geändert.',
  'remove.result.precondition':
    'Partner Center hat das Entfernen der Beziehung zu {name} abgelehnt, weil eine Voraussetzung nicht erfüllt ist. Es wurde nichts entfernt.',
  'remove.result.verifiedRemoved':
    'Partner Center hat die Änderung nicht bestätigt; der Bot hat den Kunden daher erneut gelesen: Die Beziehung besteht nicht mehr.',
  'remove.result.verifiedNotRemoved':
    'Partner Center hat die Änderung nicht bestätigt; der Bot hat den Kunden daher erneut gelesen: Die Beziehung zu {name} besteht weiterhin.',
  'remove.result.unknownTitle': 'Entfernen konnte nicht bestätigt werden',
  'remove.result.unknown':
    'Partner Center hat nicht eindeutig geantwortet, und auch das erneute Lesen des Kunden ist fehlgeschlagen: Es ist nicht bekannt, ob die Beziehung zu {name} entfernt wurde.',
  'remove.result.unknownCheck':
    'Geben Sie in einigen Minuten **{customers} {search}** ein (oder sehen Sie in Partner Center unter Kunden nach): Ist der Kunde nicht mehr aufgeführt, wurde die Beziehung entfernt; andernfalls geben Sie **{remove}** ein, um es erneut zu versuchen.',
  'remove.suspend.unconfirmed':
    'Partner Center hat das Anhalten dieser Abonnements nicht bestätigt, und sie konnten nicht erneut gelesen werden: {names}. Wählen Sie „Erneut prüfen“, um ihren Status zu sehen.',
  'audit.outcome.unknown': 'Ergebnis unbekannt',
  'audit.label.verification': 'Überprüfung',
  'audit.verification.removed': 'Ergebnis unbekannt → geprüft: entfernt',
  'audit.verification.notRemoved': 'Ergebnis unbekannt → geprüft: nicht entfernt',
  'audit.verification.unknown': 'Ergebnis unbekannt → weiterhin unbekannt',
  'remove.result.cancelledTitle': 'Abgebrochen',
  'remove.result.cancelled': 'Die Beziehung zu {name} wurde nicht entfernt.',
  'remove.result.startAgain': 'Geben Sie **{command}** ein, um neu zu beginnen.',
  'audit.title': 'Protokoll',
  'audit.subtitle': 'Die {count} neuesten Einträge, der neueste zuerst.',
  'audit.empty': 'Das Protokoll enthält noch keine Einträge.',
  'audit.label.by': 'Von',
  'audit.label.customer': 'Kunde',
  'audit.label.statement': 'Erklärung',
  'audit.label.reference': 'Referenz',
  'audit.label.reason': 'Grund',
  'audit.action.relationship.remove': 'Kundenbeziehung entfernen',
  'audit.action.subscriptions.suspend': 'Abonnements anhalten',
  'audit.action.invitation.created': 'Einladung',
  'audit.action.invitation.accepted': 'Einladung angenommen',
  'audit.outcome.succeeded': 'Erfolgreich',
  'audit.outcome.failed': 'Fehlgeschlagen',
  'audit.outcome.cancelled': 'Abgebrochen',
  'audit.outcome.refused': 'Abgelehnt',
  'audit.unknownActor': 'unbekannt',
  'audit.reason.role': 'Rolle nicht berechtigt',
  'audit.reason.notAttested': 'Erklärungen nicht bestätigt',
  'audit.reason.customerMismatch': 'Kartendaten nannten einen anderen Kunden',
  'audit.reason.userCancelled': 'auf der Karte abgebrochen',
  'audit.reason.flowCancelled': 'Vorgang abgebrochen oder ersetzt',
  'audit.reason.alreadyRemoved': '(inzwischen) keine Beziehung',
  'audit.reason.precondition': 'Voraussetzung nicht erfüllt',
  'audit.reason.partnerCenter': 'Partner Center-Fehler',
  'remove.nce.title': 'Abonnements im neuen Commerce-Modell',
  'remove.nce.cancellable':
    '{name}: kann bis {date} noch mit anteiliger Erstattung gekündigt werden; danach wird die gesamte Laufzeit berechnet.',
  'remove.nce.cancellableHint':
    'Kündigen Sie diese im Partner Center, bevor das Fenster schließt, wenn der Kunde den Rest der Laufzeit nicht bezahlen soll: Das Anhalten beendet die Abrechnung im neuen Commerce-Modell nicht.',
  'remove.nce.stillBilled': '{name}: angehalten, wird aber bis {date} weiter berechnet.',
  'remove.nce.stillBilledNoDate': '{name}: angehalten, wird aber bis zum Ende der Laufzeit weiter berechnet.',
  'remove.access.title': 'Administratorzugriff (GDAP)',
  'remove.access.line': '{name}: {roles} · endet am {date}',
  'remove.access.lineNoEnd': '{name}: {roles}',
  'remove.access.none': 'Keine aktiven Beziehungen für Administratorzugriff (GDAP).',
  'remove.access.unavailable': 'Der Administratorzugriff (GDAP) konnte gerade nicht gelesen werden.',
  'remove.access.stays':
    'Das Entfernen der Vertriebspartnerschaft beendet keine GDAP-Beziehungen. Nach dem Entfernen können Sie sie hier beenden.',
  'remove.result.dapRemoved':
    'Partner Center hat die delegierten Administratorrechte (DAP) zusammen mit der Beziehung entfernt.',
  'remove.result.dapUnreported':
    'Partner Center hat nicht gemeldet, ob die delegierten Administratorrechte (DAP) bestehen bleiben; prüfen Sie die Kontoseite des Kunden im Partner Center.',
  'remove.end.title': 'Administratorzugriff (GDAP) ist weiterhin aktiv',
  'remove.end.text':
    'Über diese GDAP-Beziehungen haben Ihre Mitarbeitenden weiterhin Administratorzugriff auf {name}. Wählen Sie die zu beendenden aus; es wird nichts beendet, bevor Sie „Administratorzugriff ebenfalls beenden“ wählen.',
  'remove.end.required': 'Wählen Sie mindestens eine Beziehung aus.',
  'remove.end.button': 'Administratorzugriff ebenfalls beenden',
  'remove.end.keepButton': 'Administratorzugriff behalten',
  'remove.end.retryButton': 'Für die übrigen erneut versuchen',
  'remove.end.none':
    'Für diesen Kunden bestehen keine aktiven Beziehungen für Administratorzugriff (GDAP) mehr.',
  'remove.end.noneSelected': 'Es wurde nichts beendet: Wählen Sie zuerst mindestens eine Beziehung aus.',
  'remove.end.doneTitle': 'Administratorzugriff beendet',
  'remove.end.partialTitle': 'Administratorzugriff nur teilweise beendet',
  'remove.end.ended': 'Beendet: {names}.',
  'remove.end.notEnded': 'Nicht beendet: {names}. {error}',
  'remove.end.unconfirmed':
    'Microsoft Graph hat das Beenden dieser Beziehungen nicht bestätigt, und sie konnten nicht erneut gelesen werden: {names}.',
  'remove.end.retryHint': 'Wählen Sie „Für die übrigen erneut versuchen“, um die restlichen zu beenden.',
  'remove.end.kept':
    'Der Administratorzugriff wurde nicht geändert. Sie können ihn später im Partner Center beenden.',
  'remove.end.stale':
    'Diese Karte ist nicht mehr aktuell; es wurde nichts beendet. Verwenden Sie die neueste Karte.',
  'remove.end.inProgress':
    'Das Beenden des Administratorzugriffs wird bereits ausgeführt. Sonst wurde nichts getan.',
  'remove.end.error.forbidden':
    'Microsoft Graph hat abgelehnt: Der App fehlt die Berechtigung, Administratorzugriff zu beenden (DelegatedAdminRelationship.ReadWrite.All).',
  'remove.end.error.conflict': 'Ihr Status erlaubt kein Beenden.',
  'remove.end.error.unavailable':
    'Microsoft Graph ist gerade nicht erreichbar; versuchen Sie es gleich noch einmal.',
  'remove.end.error.other': 'Microsoft Graph hat die Anfrage abgelehnt.',
  'audit.action.adminAccess.terminate': 'Administratorzugriff (GDAP) beenden',
  'audit.label.ended': 'Beendet',
  'audit.label.notEnded': 'Nicht beendet',
};
