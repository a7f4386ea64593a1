/**
 * Acceptance notifications, reminders and the `notifications on|off` channel command.
 * English is the reference; German has exactly the same keys. Placeholders: `{name}`.
 */
export const en = {
  'notifications.accepted.titleInviter': '{company} accepted your invitation',
  'notifications.accepted.titleChannel': '{company} accepted an invitation',
  'notifications.accepted.titleUnmatched': '{company} is now your customer',
  'notifications.accepted.textInviter':
    'The customer accepted the reseller relationship and now appears on your Customers page.',
  'notifications.accepted.textChannel':
    'The customer accepted the reseller relationship requested by {inviter} and now appears on the Customers page.',
  'notifications.accepted.textUnmatched':
    'Partner Center reports a new reseller relationship. It matches none of the invitations sent with this bot.',
  'notifications.accepted.someone': 'a colleague',
  'notifications.fact.customer': 'Customer',
  'notifications.fact.domain': 'Domain',
  'notifications.fact.relationship': 'Relationship',
  'notifications.fact.provider': 'Indirect provider',
  'notifications.fact.invitedBy': 'Invited by',
  'notifications.fact.invitedOn': 'Invited on',
  'notifications.fact.contact': 'Contact',
  'notifications.kind.reseller': 'Reseller relationship with you',
  'notifications.kind.indirectReseller': 'Reseller relationship with you and your indirect provider',
  'notifications.open': 'Open customer',
  'notifications.reminder.title': 'Your invitation is still pending',
  'notifications.reminder.text':
    'You invited {customer} {days} days ago and the invitation has not been accepted yet. Send it again, or withdraw it if it is no longer needed.',
  'notifications.reminder.aCustomer': 'a customer',
  'notifications.reminder.resend': 'Resend',
  'notifications.reminder.withdraw': 'Withdraw',
  'notifications.reminder.withdrawn':
    'You withdrew this invitation; it no longer counts as pending. If the customer still accepts the link, you will be told.',
  'notifications.reminder.alreadyAccepted': 'This invitation has been accepted meanwhile. Nothing to do.',
  'notifications.reminder.alreadyWithdrawn': 'This invitation was already withdrawn.',
  'notifications.reminder.notFound': 'This invitation no longer exists, so nothing was changed.',
  'notifications.resend.title': 'Draft email to send again',
  'notifications.resend.intro':
    'Send this text to the customer again, or open it in your email program. The personalized link is the same as before; keep it unchanged.',
  'notifications.resend.to': 'To',
  'notifications.resend.noRecipient': '(enter the recipient in your email program)',
  'notifications.resend.subjectLabel': 'Subject',
  'notifications.resend.subject': 'Reminder: request for a reseller relationship',
  'notifications.resend.body':
    'Hello,\n\nthis is a friendly reminder of our request to become your Microsoft Cloud Solution Provider partner. To accept, please open the following link as a Global administrator of your organization:\n\n{link}\n\nKind regards',
  'notifications.resend.bodyLabel': 'Text',
  'notifications.resend.link': 'Personalized link',
  'notifications.resend.open': 'Open in email',
  'notifications.cmd.channelOnly':
    'Notifications are switched on per team channel: type **notifications on** in a channel where I am installed. In this chat you are told about your own invitations anyway.',
  'notifications.cmd.usage': 'Type **notifications on** or **notifications off**.',
  'notifications.cmd.on': 'Done: this channel will be told whenever a customer accepts an invitation.',
  'notifications.cmd.off': 'Done: this channel no longer gets acceptance notifications.',
  'notifications.cmd.statusOn':
    'Acceptance notifications are **on** for this channel. Type **notifications off** to stop them.',
  'notifications.cmd.statusOff':
    'Acceptance notifications are **off** for this channel. Type **notifications on** to get them.',
  'notifications.cmd.notStored': 'I do not know this channel yet. Please send the command again.',
} as const;

export const de: Record<keyof typeof en, string> = {
  'notifications.accepted.titleInviter': '{company} hat Ihre Einladung angenommen',
  'notifications.accepted.titleChannel': '{company} hat eine Einladung angenommen',
  'notifications.accepted.titleUnmatched': '{company} ist jetzt Ihr Kunde',
  'notifications.accepted.textInviter':
    'Der Kunde hat die Vertriebspartnerschaft angenommen und wird jetzt auf Ihrer Seite **Kunden** angezeigt.',
  'notifications.accepted.textChannel':
    'Der Kunde hat die von {inviter} beantragte Vertriebspartnerschaft angenommen und wird jetzt auf der Seite **Kunden** angezeigt.',
  'notifications.accepted.textUnmatched':
    'Partner Center meldet eine neue Vertriebspartnerschaft. Sie passt zu keiner der mit diesem Bot gesendeten Einladungen.',
  'notifications.accepted.someone': 'einem Kollegen',
  'notifications.fact.customer': 'Kunde',
  'notifications.fact.domain': 'Domäne',
  'notifications.fact.relationship': 'Beziehung',
  'notifications.fact.provider': 'Indirekter Anbieter',
  'notifications.fact.invitedBy': 'Eingeladen von',
  'notifications.fact.invitedOn': 'Eingeladen am',
  'notifications.fact.contact': 'Kontakt',
  'notifications.kind.reseller': 'Vertriebspartnerschaft mit Ihnen',
  'notifications.kind.indirectReseller': 'Vertriebspartnerschaft mit Ihnen und Ihrem indirekten Anbieter',
  'notifications.open': 'Kunden öffnen',
  'notifications.reminder.title': 'Ihre Einladung ist noch ausstehend',
  'notifications.reminder.text':
    'Sie haben {customer} vor {days} Tagen eingeladen, und die Einladung wurde noch nicht angenommen. Senden Sie sie erneut, oder ziehen Sie sie zurück, wenn sie nicht mehr benötigt wird.',
  'notifications.reminder.aCustomer': 'einen Kunden',
  'notifications.reminder.resend': 'Erneut senden',
  'notifications.reminder.withdraw': 'Zurückziehen',
  'notifications.reminder.withdrawn':
    'Sie haben diese Einladung zurückgezogen; sie gilt nicht mehr als ausstehend. Wenn der Kunde den Link dennoch annimmt, erfahren Sie es.',
  'notifications.reminder.alreadyAccepted':
    'Diese Einladung wurde inzwischen angenommen. Es ist nichts zu tun.',
  'notifications.reminder.alreadyWithdrawn': 'Diese Einladung wurde bereits zurückgezogen.',
  'notifications.reminder.notFound': 'Diese Einladung gibt es nicht mehr; es wurde nichts geändert.',
  'notifications.resend.title': 'E-Mail-Entwurf zum erneuten Senden',
  'notifications.resend.intro':
    'Senden Sie diesen Text erneut an den Kunden, oder öffnen Sie ihn in Ihrem E-Mail-Programm. Der personalisierte Link ist derselbe wie zuvor; lassen Sie ihn unverändert.',
  'notifications.resend.to': 'An',
  'notifications.resend.noRecipient': '(Empfänger im E-Mail-Programm eingeben)',
  'notifications.resend.subjectLabel': 'Betreff',
  'notifications.resend.subject': 'Erinnerung: Anfrage für eine Vertriebspartnerschaft',
  'notifications.resend.body':
    'Guten Tag,\n\nwir möchten Sie freundlich an unsere Anfrage erinnern, Ihr Microsoft Cloud Solution Provider-Partner zu werden. Um sie anzunehmen, öffnen Sie bitte als globaler Administrator Ihrer Organisation den folgenden Link:\n\n{link}\n\nMit freundlichen Grüßen',
  'notifications.resend.bodyLabel': 'Text',
  'notifications.resend.link': 'Personalisierter Link',
  'notifications.resend.open': 'In E-Mail öffnen',
  'notifications.cmd.channelOnly':
    'Benachrichtigungen werden pro Teamkanal eingeschaltet: Geben Sie **benachrichtigungen an** in einem Kanal ein, in dem ich installiert bin. In diesem Chat erfahren Sie von Ihren eigenen Einladungen ohnehin.',
  'notifications.cmd.usage': 'Geben Sie **benachrichtigungen an** oder **benachrichtigungen aus** ein.',
  'notifications.cmd.on': 'Erledigt: Dieser Kanal erfährt künftig, wenn ein Kunde eine Einladung annimmt.',
  'notifications.cmd.off':
    'Erledigt: Dieser Kanal erhält keine Benachrichtigungen über angenommene Einladungen mehr.',
  'notifications.cmd.statusOn':
    'Benachrichtigungen über angenommene Einladungen sind für diesen Kanal **an**. Geben Sie **benachrichtigungen aus** ein, um sie abzustellen.',
  'notifications.cmd.statusOff':
    'Benachrichtigungen über angenommene Einladungen sind für diesen Kanal **aus**. Geben Sie **benachrichtigungen an** ein, um sie zu erhalten.',
  'notifications.cmd.notStored':
    'Ich kenne diesen Kanal noch nicht. Bitte senden Sie den Befehl noch einmal.',
};
