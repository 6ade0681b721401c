import { findRole, GLOBAL_ADMINISTRATOR_ROLE_ID, listedRoles, ROLE_CATALOG } from '../../../shared/domain/roles';

// Pinned from Microsoft's "Microsoft Entra built-in roles" permissions reference, table "All roles".
const PUBLISHED_TEMPLATE_IDS: ReadonlyArray<[string, string]> = [
  ['Global Administrator', '62e90394-69f5-4237-9190-012177145e10'],
  ['Global Reader', 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'],
  ['Intune Administrator', '3a2c62db-5318-420d-8d74-23affee5d9d5'],
  ['Cloud Device Administrator', '7698a772-787b-4ac8-901f-60d6b08affd2'],
  ['Windows 365 Administrator', '11451d60-acb2-45eb-a7d6-43d0f0125c13'],
  ['Helpdesk Administrator', '729827e3-9c14-49f7-bb1b-9608f156bbb8'],
  ['User Administrator', 'fe930be7-5e62-47db-91af-98c3a49a38b1'],
  ['License Administrator', '4d6ac14f-3453-41d0-bef9-a3e0c569773a'],
  ['Directory Readers', '88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
  ['Directory Writers', '9360feb5-f418-4baa-8175-e2a00bac4301'],
  ['Service Support Administrator', 'f023fd81-a637-4b56-95fd-791ac0226033'],
  ['Security Reader', '5d6b6bb7-de71-4623-b4af-96380a352509'],
  ['Privileged Role Administrator', 'e8611ab8-c189-46e8-94e1-60213ab1f814'],
  ['Privileged Authentication Administrator', '7be44c8a-adaf-4e2a-84d6-ab2649e08a13'],
  ['Application Administrator', '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3'],
  ['Cloud Application Administrator', '158c047a-c907-4556-b7ef-446551a6b5f7'],
];

describe('role catalog', () => {
  it.each(PUBLISHED_TEMPLATE_IDS)('R3: the catalog holds %s with its published template id %s', (displayName, id) => {
    expect(findRole(id)).toEqual({ id, displayName });
  });

  it('R3: the catalog holds exactly the pinned roles, each id once, in lower case', () => {
    expect(ROLE_CATALOG.map((role) => [role.displayName, role.id])).toEqual(PUBLISHED_TEMPLATE_IDS);
    expect(new Set(ROLE_CATALOG.map((role) => role.id)).size).toBe(ROLE_CATALOG.length);
    for (const role of ROLE_CATALOG)
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("R6: Global Administrator's template id is the one API.md names", () => {
    expect(GLOBAL_ADMINISTRATOR_ROLE_ID).toBe('62e90394-69f5-4237-9190-012177145e10');
  });

  it('R3: a role id is found in any letter case and answered in lower case', () => {
    expect(findRole('3A2C62DB-5318-420D-8D74-23AFFEE5D9D5')?.id).toBe('3a2c62db-5318-420d-8d74-23affee5d9d5');
  });

  it('R3: an id outside the catalog is not a role, even a real Entra role the catalog leaves out', () => {
    expect(findRole('b79fbf4d-3ef9-4689-8143-76b194e85509')).toBeUndefined();
    expect(findRole('not-a-guid')).toBeUndefined();
  });

  it('R3: every role says what it lets the partner do, and a consent records only its id and display name', () => {
    for (const role of ROLE_CATALOG) expect(role.description).toMatch(/^[A-Z].{20,}\.$/);
    expect(Object.keys(findRole(GLOBAL_ADMINISTRATOR_ROLE_ID)!)).toEqual(['id', 'displayName']);
  });

  it('R10: the listed catalog marks Global Administrator, and only it', () => {
    const marked = listedRoles().filter((role) => role.globalAdministrator);
    expect(marked.map((role) => role.id)).toEqual([GLOBAL_ADMINISTRATOR_ROLE_ID]);
    expect(listedRoles().map((role) => role.id)).toEqual(ROLE_CATALOG.map((role) => role.id));
  });
});
