// What each catalog role lets a partner do, in the page's language: Microsoft's English (shared/domain/roles.ts) and
// ours in German. Role display names stay Microsoft's English, as the Microsoft Entra admin center shows them.
import type { Locale } from '../domain/consent';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, type CatalogRole } from '../domain/roles';

/** German descriptions by role template id; test/unit/pages/roleDescriptions.test.ts checks every catalog role has one. */
export const GERMAN_ROLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [GLOBAL_ADMINISTRATOR_ROLE_ID]:
    'Kann alle Aspekte von Microsoft Entra ID und der Microsoft-Dienste verwalten, die Microsoft Entra-Identitäten verwenden.',
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451':
    'Kann alles lesen, was ein Konto mit der Rolle „Global Administrator“ lesen kann, aber nichts ändern.',
  '3a2c62db-5318-420d-8d74-23affee5d9d5': 'Kann alle Aspekte von Microsoft Intune verwalten.',
  '7698a772-787b-4ac8-901f-60d6b08affd2': 'Eingeschränkter Zugriff zum Verwalten von Geräten in Microsoft Entra ID.',
  '11451d60-acb2-45eb-a7d6-43d0f0125c13': 'Kann alle Aspekte von Cloud-PCs bereitstellen und verwalten.',
  '729827e3-9c14-49f7-bb1b-9608f156bbb8':
    'Kann Kennwörter von Benutzern ohne Administratorrolle und von Konten mit der Rolle „Helpdesk Administrator“ zurücksetzen.',
  'fe930be7-5e62-47db-91af-98c3a49a38b1':
    'Kann alle Aspekte von Benutzern und Gruppen verwalten, einschließlich des Zurücksetzens von Kennwörtern eingeschränkter Administratoren.',
  '4d6ac14f-3453-41d0-bef9-a3e0c569773a': 'Kann Produktlizenzen von Benutzern und Gruppen verwalten.',
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b':
    'Kann grundlegende Verzeichnisinformationen lesen. Wird meist verwendet, um Anwendungen und Gästen Lesezugriff auf das Verzeichnis zu geben.',
  '9360feb5-f418-4baa-8175-e2a00bac4301':
    'Kann grundlegende Verzeichnisinformationen lesen und schreiben. Für den Zugriff von Anwendungen gedacht, nicht für Benutzer.',
  'f023fd81-a637-4b56-95fd-791ac0226033': 'Kann Informationen zum Dienststatus lesen und Supporttickets verwalten.',
  '5d6b6bb7-de71-4623-b4af-96380a352509':
    'Kann Sicherheitsinformationen und -berichte in Microsoft Entra ID und Office 365 lesen.',
  'e8611ab8-c189-46e8-94e1-60213ab1f814':
    'Kann Rollenzuweisungen in Microsoft Entra ID und alle Aspekte von Privileged Identity Management verwalten.',
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13':
    'Kann die Informationen zu Authentifizierungsmethoden jedes Benutzers (mit oder ohne Administratorrolle) anzeigen, festlegen und zurücksetzen.',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3':
    'Kann alle Aspekte von App-Registrierungen und Unternehmensanwendungen erstellen und verwalten.',
  '158c047a-c907-4556-b7ef-446551a6b5f7':
    'Kann alle Aspekte von App-Registrierungen und Unternehmensanwendungen außer dem Anwendungsproxy erstellen und verwalten.',
};

/** What the role lets a partner do, in this language. */
export function roleDescription(role: CatalogRole, locale: Locale): string {
  return locale === 'de' ? (GERMAN_ROLE_DESCRIPTIONS[role.id] ?? role.description) : role.description;
}
