/**
 * Texts of the search-based message extension ("Customers" / "Kunden" in the compose box) and of
 * the compact customer card it inserts. German uses Partner Center's German UI words.
 */
export const en = {
  'search.unknownCommand': 'Customer Connect does not offer this search. Please update the app in Teams.',
  'search.hint': 'Type the start of a company name or domain, e.g. "contoso".',
  'search.none': 'No customer has a company name or domain starting with "{search}".',
  'search.tooLong': 'The search text is too long ({length} characters; at most {max}). Please shorten it.',
  'search.capped': 'More customers match; these are the first {count}. Type more to narrow the search.',
  'search.preview.text': '{domain} · {relationship} · Admin access: {adminAccess}',
  'search.card.open': 'Open in Customer Connect',
  'search.adminAccess.active': 'Active until {date}',
  'search.adminAccess.activeNoDate': 'Active',
  'search.adminAccess.pending': 'Requested, waiting for approval',
  'search.adminAccess.none': 'None',
  'search.adminAccess.unknown': 'Could not be read',
} as const;

export const de: Record<keyof typeof en, string> = {
  'search.unknownCommand':
    'Customer Connect bietet diese Suche nicht an. Bitte aktualisieren Sie die App in Teams.',
  'search.hint': 'Geben Sie den Anfang eines Firmennamens oder einer Domäne ein, z. B. „contoso“.',
  'search.none': 'Kein Kunde hat einen Firmennamen oder eine Domäne, die mit „{search}“ beginnt.',
  'search.tooLong': 'Der Suchtext ist zu lang ({length} Zeichen; höchstens {max}). Bitte kürzen Sie ihn.',
  'search.capped':
    'Es passen weitere Kunden; dies sind die ersten {count}. Geben Sie mehr ein, um die Suche einzugrenzen.',
  'search.preview.text': '{domain} · {relationship} · Administratorzugriff: {adminAccess}',
  'search.card.open': 'In Customer Connect öffnen',
  'search.adminAccess.active': 'Aktiv bis {date}',
  'search.adminAccess.activeNoDate': 'Aktiv',
  'search.adminAccess.pending': 'Angefragt, wartet auf Genehmigung',
  'search.adminAccess.none': 'Keiner',
  'search.adminAccess.unknown': 'Konnte nicht gelesen werden',
};
