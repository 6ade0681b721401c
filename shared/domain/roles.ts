// The Microsoft Entra built-in directory roles a partner may request as delegated admin, by role template id.

/** A directory role as it appears in a consent: template id and display name. */
export interface DirectoryRole {
  id: string;
  displayName: string;
}

export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';

/** R6, R10: whether these role template ids include Global Administrator (ids compare without regard to case). */
export function includesGlobalAdministrator(roleIds: readonly string[]): boolean {
  return roleIds.some((id) => id.toLowerCase() === GLOBAL_ADMINISTRATOR_ROLE_ID);
}

/**
 * Template ids copied from Microsoft's "Microsoft Entra built-in roles" permissions reference
 * (learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference, table "All roles").
 * Template ids are the same in every tenant, which is why a catalog can name them.
 */
export const ROLE_CATALOG: readonly DirectoryRole[] = [
  { id: GLOBAL_ADMINISTRATOR_ROLE_ID, displayName: 'Global Administrator' },
  { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', displayName: 'Global Reader' },
  { id: '3a2c62db-5318-420d-8d74-23affee5d9d5', displayName: 'Intune Administrator' },
  { id: '7698a772-787b-4ac8-901f-60d6b08affd2', displayName: 'Cloud Device Administrator' },
  { id: '11451d60-acb2-45eb-a7d6-43d0f0125c13', displayName: 'Windows 365 Administrator' },
  { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', displayName: 'Helpdesk Administrator' },
  { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', displayName: 'User Administrator' },
  { id: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', displayName: 'License Administrator' },
  { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', displayName: 'Directory Readers' },
  { id: '9360feb5-f418-4baa-8175-e2a00bac4301', displayName: 'Directory Writers' },
  { id: 'f023fd81-a637-4b56-95fd-791ac0226033', displayName: 'Service Support Administrator' },
  { id: '5d6b6bb7-de71-4623-b4af-96380a352509', displayName: 'Security Reader' },
  { id: 'e8611ab8-c189-46e8-94e1-60213ab1f814', displayName: 'Privileged Role Administrator' },
  { id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', displayName: 'Privileged Authentication Administrator' },
  { id: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', displayName: 'Application Administrator' },
  { id: '158c047a-c907-4556-b7ef-446551a6b5f7', displayName: 'Cloud Application Administrator' },
];

const ROLES_BY_ID = new Map(ROLE_CATALOG.map((role) => [role.id, role]));

/** The catalog entry for a role template id (any letter case), or undefined when the catalog does not hold it. */
export function findRole(id: string): DirectoryRole | undefined {
  return ROLES_BY_ID.get(id.toLowerCase());
}
