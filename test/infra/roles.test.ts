// The app's identity gets exactly the built-in roles it needs, by their exact ids, each on the resource it is for.
import { infraFile, literalString, objectKeys, resources, valueAt, valueText, variable } from './bicep';
import { BUILT_IN_ROLES } from './expected';

type RoleName = keyof typeof BUILT_IN_ROLES;

/** Which existing resource each role is scoped to. */
const SCOPES: Record<RoleName, string> = {
  storageBlobDataOwner: 'storageAccount',
  storageQueueDataContributor: 'storageAccount',
  storageTableDataContributor: 'storageAccount',
  monitoringMetricsPublisher: 'appInsights',
  communicationAndEmailServiceOwner: 'communicationService',
  keyVaultSecretsUser: 'keyVault',
};

describe('role assignments', () => {
  it('the role definition ids are exactly the built-in ones', async () => {
    const roleIds = variable(await infraFile('modules/roleAssignments.bicep'), 'roleIds')!;
    const declared = Object.fromEntries(objectKeys(roleIds).map((key) => [key, literalString(valueAt(roleIds, key))]));
    expect(declared).toEqual(BUILT_IN_ROLES);
  });

  it('assigns each role once, to the identity as a service principal, on its own resource', async () => {
    const assignments = resources(
      await infraFile('modules/roleAssignments.bicep'),
      'Microsoft.Authorization/roleAssignments',
    );
    const assigned = assignments.map((assignment) => {
      const definition = valueText(assignment.body, 'properties.roleDefinitionId') ?? '';
      const role = /roleIds\.(\w+)\)$/.exec(definition)?.[1] as RoleName;
      expect(definition).toBe(`subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.${role})`);
      expect(valueText(assignment.body, 'properties.principalId')).toBe('principalId');
      expect(valueText(assignment.body, 'properties.principalType')).toBe("'ServicePrincipal'");
      expect({ role, scope: valueText(assignment.body, 'scope') }).toEqual({ role, scope: SCOPES[role] });
      expect(valueText(assignment.body, 'name')).toBe(`guid(${SCOPES[role]}.id, principalId, roleIds.${role})`);
      return role;
    });
    expect(assigned.sort()).toEqual(Object.keys(BUILT_IN_ROLES).sort());
  });

  it('main.bicep grants the roles to the user-assigned identity before the Function App is created', async () => {
    const main = (await infraFile('main.bicep')).root.text;
    expect(main).toMatch(/principalId: identity\.outputs\.principalId/);
    expect(main).toMatch(/module functionApp [^\n]+\n(?:.*\n){0,3}\s+dependsOn: \[\n\s+roleAssignments\n/);
  });
});
