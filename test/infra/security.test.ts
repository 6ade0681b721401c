// The security settings the issue asks for are in the templates, on the resources they belong to.
import { infraFile, literalString, resource, valueText, variable } from './bicep';

describe('infra security settings', () => {
  it('the storage account is HTTPS-only, TLS 1.2, without public blob access or shared keys', async () => {
    const storage = resource(await infraFile('modules/storage.bicep'), 'Microsoft.Storage/storageAccounts');
    expect(valueText(storage.body, 'properties.supportsHttpsTrafficOnly')).toBe('true');
    expect(valueText(storage.body, 'properties.minimumTlsVersion')).toBe("'TLS1_2'");
    expect(valueText(storage.body, 'properties.allowBlobPublicAccess')).toBe('false');
    expect(valueText(storage.body, 'properties.allowSharedKeyAccess')).toBe('false');
    expect(valueText(storage.body, 'properties.defaultToOAuthAuthentication')).toBe('true');
  });

  it('the Function App is HTTPS-only, TLS 1.2, FTP off, and basic publishing credentials are off for ftp and scm', async () => {
    const file = await infraFile('modules/functionApp.bicep');
    const site = resource(file, 'Microsoft.Web/sites');
    expect(valueText(site.body, 'properties.httpsOnly')).toBe('true');
    expect(valueText(site.body, 'properties.siteConfig.minTlsVersion')).toBe("'1.2'");
    expect(valueText(site.body, 'properties.siteConfig.ftpsState')).toBe("'Disabled'");
    for (const name of ['ftp', 'scm']) {
      const policy = resource(file, 'Microsoft.Web/sites/basicPublishingCredentialsPolicies', name);
      expect({ name, allow: valueText(policy.body, 'properties.allow') }).toEqual({ name, allow: 'false' });
    }
  });

  it('runs on Flex Consumption (FC1), Node 22, as the user-assigned identity, deploying with that identity', async () => {
    const file = await infraFile('modules/functionApp.bicep');
    const plan = resource(file, 'Microsoft.Web/serverfarms');
    expect(valueText(plan.body, 'sku.name')).toBe("'FC1'");
    expect(valueText(plan.body, 'sku.tier')).toBe("'FlexConsumption'");
    const site = resource(file, 'Microsoft.Web/sites');
    expect(valueText(site.body, 'identity.type')).toBe("'UserAssigned'");
    expect(valueText(site.body, 'properties.keyVaultReferenceIdentity')).toBe('identityResourceId');
    expect(valueText(site.body, 'properties.functionAppConfig.runtime.name')).toBe("'node'");
    expect(valueText(site.body, 'properties.functionAppConfig.runtime.version')).toBe("'22'");
    const storage = 'properties.functionAppConfig.deployment.storage';
    expect(valueText(site.body, `${storage}.type`)).toBe("'blobContainer'");
    expect(valueText(site.body, `${storage}.authentication.type`)).toBe("'UserAssignedIdentity'");
    expect(valueText(site.body, `${storage}.authentication.userAssignedIdentityResourceId`)).toBe('identityResourceId');
  });

  it('Application Insights accepts only Microsoft Entra authenticated telemetry', async () => {
    const appInsights = resource(await infraFile('modules/monitoring.bicep'), 'Microsoft.Insights/components');
    expect(valueText(appInsights.body, 'properties.DisableLocalAuth')).toBe('true');
    expect(valueText(appInsights.body, 'properties.WorkspaceResourceId')).toBe('workspace.id');
  });

  it('Key Vault uses RBAC authorization and soft delete', async () => {
    const vault = resource(await infraFile('modules/keyVault.bicep'), 'Microsoft.KeyVault/vaults');
    expect(valueText(vault.body, 'properties.enableRbacAuthorization')).toBe('true');
    expect(valueText(vault.body, 'properties.enableSoftDelete')).toBe('true');
  });

  it('Communication Services has keys switched off and sends from an Azure-managed domain', async () => {
    const file = await infraFile('modules/communication.bicep');
    const acs = resource(file, 'Microsoft.Communication/communicationServices');
    expect(valueText(acs.body, 'properties.disableLocalAuth')).toBe('true');
    expect(valueText(acs.body, 'properties.linkedDomains')).toContain('managedDomain.id');
    const domain = resource(file, 'Microsoft.Communication/emailServices/domains');
    expect(valueText(domain.body, 'properties.domainManagement')).toBe("'AzureManaged'");
  });

  it('the platform sign-in is Microsoft Entra ID, multi-tenant, lets anonymous requests through, keeps tokens', async () => {
    const file = await infraFile('modules/functionApp.bicep');
    const auth = resource(file, 'Microsoft.Web/sites/config', 'authsettingsV2');
    expect(valueText(auth.body, 'properties.platform.enabled')).toBe('true');
    expect(valueText(auth.body, 'properties.globalValidation.requireAuthentication')).toBe('false');
    expect(valueText(auth.body, 'properties.globalValidation.unauthenticatedClientAction')).toBe("'AllowAnonymous'");
    expect(valueText(auth.body, 'properties.httpSettings.requireHttps')).toBe('true');
    expect(valueText(auth.body, 'properties.login.tokenStore.enabled')).toBe('true');
    const aad = 'properties.identityProviders.azureActiveDirectory';
    expect(valueText(auth.body, `${aad}.enabled`)).toBe('true');
    expect(valueText(auth.body, `${aad}.registration.clientId`)).toBe('signIn.clientId');
    expect(valueText(auth.body, `${aad}.registration.openIdIssuer`)).toContain('multiTenantIssuer');
    expect(literalString(variable(file, 'multiTenantIssuer'))).toBe('https://login.microsoftonline.com/common/v2.0');
    expect(valueText(auth.body, `${aad}.registration.clientSecretSettingName`)).toBe('signInSecretSettingName');
  });
});
