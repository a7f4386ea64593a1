/**
 * Microsoft Entra built-in roles a GDAP relationship may request, by role template id (the
 * `roleDefinitionId` Graph expects), with English and German display names.
 *
 * Ids checked against Microsoft's documentation: Directory Readers, User Administrator, Helpdesk
 * Administrator, Service Support Administrator, Billing Administrator and Exchange Administrator in
 * the Get-AzureADDirectoryRoleTemplate reference; License Administrator, Global Reader, Global
 * Administrator, Intune Administrator and Security Administrator in the Microsoft Graph GDAP
 * examples (delegatedAdminRelationship / accessAssignment list responses) and Entra role tables.
 * German names follow the German Entra admin center.
 */

export interface EntraRole {
  /** Role template id (GUID, lower case). */
  id: string;
  en: string;
  de: string;
}

export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';

export const ENTRA_ROLES: readonly EntraRole[] = Object.freeze([
  { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', en: 'Directory Readers', de: 'Verzeichnis lesen' },
  { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', en: 'User Administrator', de: 'Benutzeradministrator' },
  { id: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', en: 'License Administrator', de: 'Lizenzadministrator' },
  { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', en: 'Helpdesk Administrator', de: 'Helpdeskadministrator' },
  {
    id: 'f023fd81-a637-4b56-95fd-791ac0226033',
    en: 'Service Support Administrator',
    de: 'Dienstsupportadministrator',
  },
  { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', en: 'Global Reader', de: 'Globaler Leser' },
  { id: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', en: 'Billing Administrator', de: 'Abrechnungsadministrator' },
  { id: '29232cdf-9323-42fd-ade2-1d097af3e4de', en: 'Exchange Administrator', de: 'Exchange-Administrator' },
  { id: '3a2c62db-5318-420d-8d74-23affee5d9d5', en: 'Intune Administrator', de: 'Intune-Administrator' },
  {
    id: '194ae4cb-b126-40b2-bd5b-6091b380977d',
    en: 'Security Administrator',
    de: 'Sicherheitsadministrator',
  },
  { id: GLOBAL_ADMINISTRATOR_ROLE_ID, en: 'Global Administrator', de: 'Globaler Administrator' },
]);

const BY_ID = new Map(ENTRA_ROLES.map((r) => [r.id, r]));

export function findEntraRole(id: string): EntraRole | undefined {
  return BY_ID.get(id.toLowerCase());
}

/** The role's name in the user's language ('de' for German, English otherwise); the id when unknown. */
export function entraRoleName(id: string, language: 'en' | 'de'): string {
  const role = findEntraRole(id);
  return role ? role[language] : id;
}
