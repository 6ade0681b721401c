// The Microsoft Entra built-in directory roles a partner may request as delegated admin, by role template id.

/** A directory role as it appears in a consent: template id and display name. */
export interface DirectoryRole {
  id: string;
  displayName: string;
}

/** A role as the catalog lists it (GET /api/roles): what it lets the partner do, in Microsoft's words. */
export interface CatalogRole extends DirectoryRole {
  description: string;
}

export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';

/** R6, R10: whether these role template ids include Global Administrator (ids compare without regard to case). */
export function includesGlobalAdministrator(roleIds: readonly string[]): boolean {
  return roleIds.some((id) => id.toLowerCase() === GLOBAL_ADMINISTRATOR_ROLE_ID);
}

/**
 * Template ids and descriptions copied from Microsoft's "Microsoft Entra built-in roles" permissions reference
 * (learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference, table "All roles").
 * Template ids are the same in every tenant, which is why a catalog can name them.
 */
export const ROLE_CATALOG: readonly CatalogRole[] = [
  {
    id: GLOBAL_ADMINISTRATOR_ROLE_ID,
    displayName: 'Global Administrator',
    description:
      'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
  },
  {
    id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
    displayName: 'Global Reader',
    description: 'Can read everything that a Global Administrator can, but not update anything.',
  },
  {
    id: '3a2c62db-5318-420d-8d74-23affee5d9d5',
    displayName: 'Intune Administrator',
    description: 'Can manage all aspects of the Intune product.',
  },
  {
    id: '7698a772-787b-4ac8-901f-60d6b08affd2',
    displayName: 'Cloud Device Administrator',
    description: 'Limited access to manage devices in Microsoft Entra ID.',
  },
  {
    id: '11451d60-acb2-45eb-a7d6-43d0f0125c13',
    displayName: 'Windows 365 Administrator',
    description: 'Can provision and manage all aspects of Cloud PCs.',
  },
  {
    id: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
    displayName: 'Helpdesk Administrator',
    description: 'Can reset passwords for non-administrators and Helpdesk Administrators.',
  },
  {
    id: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
    displayName: 'User Administrator',
    description: 'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
  },
  {
    id: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
    displayName: 'License Administrator',
    description: 'Can manage product licenses on users and groups.',
  },
  {
    id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
    displayName: 'Directory Readers',
    description:
      'Can read basic directory information. Commonly used to grant directory read access to applications and guests.',
  },
  {
    id: '9360feb5-f418-4baa-8175-e2a00bac4301',
    displayName: 'Directory Writers',
    description:
      'Can read and write basic directory information. For granting access to applications, not intended for users.',
  },
  {
    id: 'f023fd81-a637-4b56-95fd-791ac0226033',
    displayName: 'Service Support Administrator',
    description: 'Can read service health information and manage support tickets.',
  },
  {
    id: '5d6b6bb7-de71-4623-b4af-96380a352509',
    displayName: 'Security Reader',
    description: 'Can read security information and reports in Microsoft Entra ID and Office 365.',
  },
  {
    id: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
    displayName: 'Privileged Role Administrator',
    description:
      'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.',
  },
  {
    id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    displayName: 'Privileged Authentication Administrator',
    description:
      'Can access to view, set and reset authentication method information for any user (admin or non-admin).',
  },
  {
    id: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    displayName: 'Application Administrator',
    description: 'Can create and manage all aspects of app registrations and enterprise apps.',
  },
  {
    id: '158c047a-c907-4556-b7ef-446551a6b5f7',
    displayName: 'Cloud Application Administrator',
    description: 'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.',
  },
];

const ROLES_BY_ID = new Map(ROLE_CATALOG.map((role) => [role.id, role]));

/**
 * The role a consent records for a template id (any letter case): id and display name only, or undefined when the
 * catalog does not hold it.
 */
export function findRole(id: string): DirectoryRole | undefined {
  const role = ROLES_BY_ID.get(id.toLowerCase());
  return role && { id: role.id, displayName: role.displayName };
}

/** A catalog role as partners read it, Global Administrator marked so that a tool can steer away from it (R10). */
export interface ListedRole extends CatalogRole {
  globalAdministrator: boolean;
}

/** The roles `delegatedAdmin.roles` accepts, in catalog order (GET /api/roles). */
export function listedRoles(): ListedRole[] {
  return ROLE_CATALOG.map((role) => ({ ...role, globalAdministrator: role.id === GLOBAL_ADMINISTRATOR_ROLE_ID }));
}
