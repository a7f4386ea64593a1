/**
 * Admin access over time (GDAP expiry watch): the warnings before a relationship without
 * auto-extend ends, the announcement when it expired or was terminated, and what a click on
 * "Request new admin access" says when the card is out of date. German has the same keys.
 */
export const en = {
  'gdapExpiry.warn.title': 'Admin access to {company} ends in {days} days',
  'gdapExpiry.warn.titleOne': 'Admin access to {company} ends tomorrow',
  'gdapExpiry.warn.text':
    'This GDAP relationship does not extend automatically. When it ends, your staff lose their admin roles at this customer. A new request must be approved by the customer’s Global admin, so send it in time.',
  'gdapExpiry.expired.title': 'Admin access to {company} has expired',
  'gdapExpiry.terminated.title': 'Admin access to {company} was ended',
  'gdapExpiry.ended.text':
    'Your staff no longer have admin roles at this customer. Request new admin access if you still need it.',
  'gdapExpiry.fact.relationship': 'Relationship',
  'gdapExpiry.fact.endedOn': 'Ended on',
  'gdapExpiry.requestNew': 'Request new admin access',
  'gdapExpiry.click.renewed':
    'Admin access to {company} was renewed in the meantime: it now ends on {date}. Nothing was changed.',
  'gdapExpiry.click.autoExtends': 'Admin access to {company} now extends automatically. Nothing was changed.',
  'gdapExpiry.click.newer':
    '{company} already has newer admin access ({status}, ends on {date}). Nothing was changed.',
  'gdapExpiry.click.newerPending':
    'A new admin access request for {company} is already waiting for approval. Nothing was changed.',
  'gdapExpiry.click.statusChanged':
    'This admin access relationship with {company} is now “{status}”, so this warning is out of date. Nothing was changed.',
  'gdapExpiry.click.gone':
    'This admin access relationship no longer exists, so this warning is out of date. Nothing was changed.',
  'gdapExpiry.click.failed':
    'Admin access could not be checked right now, so nothing was started. Please try again in a moment.',
};

export const de: Record<keyof typeof en, string> = {
  'gdapExpiry.warn.title': 'Administratorzugriff bei {company} endet in {days} Tagen',
  'gdapExpiry.warn.titleOne': 'Administratorzugriff bei {company} endet morgen',
  'gdapExpiry.warn.text':
    'Diese GDAP-Beziehung verlängert sich nicht automatisch. Wenn sie endet, verlieren Ihre Mitarbeitenden ihre Administratorrollen bei diesem Kunden. Eine neue Anfrage muss der globale Administrator des Kunden genehmigen – senden Sie sie also rechtzeitig.',
  'gdapExpiry.expired.title': 'Administratorzugriff bei {company} ist abgelaufen',
  'gdapExpiry.terminated.title': 'Administratorzugriff bei {company} wurde beendet',
  'gdapExpiry.ended.text':
    'Ihre Mitarbeitenden haben bei diesem Kunden keine Administratorrollen mehr. Fordern Sie neuen Administratorzugriff an, wenn Sie ihn weiterhin brauchen.',
  'gdapExpiry.fact.relationship': 'Beziehung',
  'gdapExpiry.fact.endedOn': 'Beendet am',
  'gdapExpiry.requestNew': 'Neuen Administratorzugriff anfordern',
  'gdapExpiry.click.renewed':
    'Der Administratorzugriff bei {company} wurde inzwischen verlängert: Er endet jetzt am {date}. Es wurde nichts geändert.',
  'gdapExpiry.click.autoExtends':
    'Der Administratorzugriff bei {company} verlängert sich jetzt automatisch. Es wurde nichts geändert.',
  'gdapExpiry.click.newer':
    '{company} hat bereits neueren Administratorzugriff ({status}, endet am {date}). Es wurde nichts geändert.',
  'gdapExpiry.click.newerPending':
    'Eine neue Anfrage für Administratorzugriff bei {company} wartet bereits auf Genehmigung. Es wurde nichts geändert.',
  'gdapExpiry.click.statusChanged':
    'Diese Beziehung für Administratorzugriff bei {company} ist jetzt „{status}“, diese Warnung ist also veraltet. Es wurde nichts geändert.',
  'gdapExpiry.click.gone':
    'Diese Beziehung für Administratorzugriff gibt es nicht mehr, diese Warnung ist also veraltet. Es wurde nichts geändert.',
  'gdapExpiry.click.failed':
    'Der Administratorzugriff konnte gerade nicht geprüft werden, daher wurde nichts gestartet. Bitte versuchen Sie es gleich noch einmal.',
};
