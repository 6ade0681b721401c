// The Function App gets every setting the code reads in Azure, secrets only as Key Vault references.
import type { Node } from 'web-tree-sitter';
import { infraFile, literalString, objectKeys, resource, valueAt, valueText, variable } from './bicep';
import { SETTING_NAMES } from '../../shared/config';
import { AZURE_APP_SETTINGS, FORBIDDEN_APP_SETTINGS, SECRET_APP_SETTINGS } from './expected';

async function appSettings(): Promise<Node> {
  const settings = resource(await infraFile('modules/functionApp.bicep'), 'Microsoft.Web/sites/config', 'appsettings');
  const properties = valueAt(settings.body, 'properties');
  if (properties?.type !== 'object') throw new Error('appsettings properties must be an object literal');
  return properties;
}

describe('Function App settings', () => {
  it('sets every application setting the code reads in Azure', async () => {
    expect(objectKeys(await appSettings())).toEqual(expect.arrayContaining([...AZURE_APP_SETTINGS]));
  });

  it('sets none of the local-only or Flex-deprecated settings', async () => {
    const keys = objectKeys(await appSettings()).map((key) => key.toLowerCase());
    expect(FORBIDDEN_APP_SETTINGS.filter((name) => keys.includes(name.toLowerCase()))).toEqual([]);
  });

  it('reads secrets from Key Vault through references, never as values', async () => {
    const settings = await appSettings();
    const reference = /^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\}\)'$/;
    expect(SECRET_APP_SETTINGS.filter((name) => !reference.test(valueText(settings, name) ?? ''))).toEqual([]);
  });

  it('connects to storage with the managed identity and sends email through ACS', async () => {
    const settings = await appSettings();
    expect(valueText(settings, 'AzureWebJobsStorage__credential')).toBe("'managedidentity'");
    expect(valueText(settings, 'AzureWebJobsStorage__clientId')).toBe('identityClientId');
    expect(valueText(settings, 'AZURE_CLIENT_ID')).toBe('identityClientId');
    expect(valueText(settings, 'EMAIL_TRANSPORT')).toBe("'acs'");
    expect(valueText(settings, 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING')).toBe(
      "'Authorization=AAD;ClientId=${identityClientId}'",
    );
    expect(valueText(settings, 'PUBLIC_BASE_URL')).toContain("'https://${site.properties.defaultHostName}'");
  });

  it("the sign-in's client secret setting is one of the app settings", async () => {
    const file = await infraFile('modules/functionApp.bicep');
    const settingName = literalString(variable(file, 'signInSecretSettingName'));
    expect(objectKeys(await appSettings())).toContain(settingName);
  });
});

describe('settings the code reads', () => {
  it('every setting shared/config.ts reads is in the Azure list above, except the local connection strings', () => {
    const localOnly = ['AzureWebJobsStorage', 'ACS_CONNECTION_STRING'];
    const azure: readonly string[] = AZURE_APP_SETTINGS;
    expect(SETTING_NAMES.filter((name) => !localOnly.includes(name) && !azure.includes(name))).toEqual([]);
  });
});
