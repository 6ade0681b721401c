// What ARM would deploy from infra/main.bicepparam (the compiler's own snapshot), checked against Flex Consumption's
// rules, the settings the code reads, and the security the deploy guide promises.
import { SETTING_NAMES } from '../../shared/config';
import {
  describeWithBicep,
  mainParameters,
  PARAMETER_ENVIRONMENT,
  predicted,
  problems,
  snapshot,
  SNAPSHOT_SCOPE,
  type PredictedResource,
} from './bicep';
import {
  APP_QUEUES,
  APP_TABLES,
  AZURE_APP_SETTINGS,
  BUILT_IN_ROLES,
  FLEX_ALLOWED_SITE_CONFIG,
  FLEX_REJECTED_APP_SETTINGS,
  FLEX_REJECTED_SITE_CONFIG,
  LOCAL_ONLY_SETTINGS,
  PLATFORM_APP_SETTINGS,
  SECRET_APP_SETTINGS,
  SET_BY_APP_SERVICE,
} from './expected';

describeWithBicep('the deployment infra/main.bicepparam describes', (bicep) => {
  let resources: PredictedResource[];

  beforeAll(() => {
    const result = snapshot(bicep, mainParameters(), { ...PARAMETER_ENVIRONMENT });
    if (!result.ok) throw new Error(`bicep snapshot failed:\n${result.run.stderr}`);
    expect(problems(result.run)).toEqual([]);
    resources = result.snapshot.predictedResources;
  }, 60_000);

  const site = () => predicted(resources, 'Microsoft.Web/sites');
  const appSettings = (): Record<string, string> =>
    predicted(resources, 'Microsoft.Web/sites/config', 'appsettings').properties as Record<string, string>;
  /** The resource id of the identity the app runs as. */
  const appIdentity = () => Object.keys(site().identity?.userAssignedIdentities as object)[0];
  const identityApiVersion = () => predicted(resources, 'Microsoft.ManagedIdentity/userAssignedIdentities').apiVersion;
  const auth = () => predicted(resources, 'Microsoft.Web/sites/config', 'authsettingsV2').properties;

  describe('Flex Consumption', () => {
    it('runs on a Flex Consumption plan (FC1), Node 22, as the user-assigned identity', () => {
      const plan = predicted(resources, 'Microsoft.Web/serverfarms');
      expect(plan.sku).toEqual({ name: 'FC1', tier: 'FlexConsumption' });
      expect(plan.properties.reserved).toBe(true);
      expect(site().kind).toBe('functionapp,linux');
      expect(site().identity?.type).toBe('UserAssigned');
      expect(site().properties.functionAppConfig.runtime).toEqual({ name: 'node', version: '22' });
      const storage = site().properties.functionAppConfig.deployment.storage;
      expect(storage.type).toBe('blobContainer');
      expect(storage.authentication.type).toBe('UserAssignedIdentity');
    });

    it('sets no siteConfig property Flex Consumption rejects (ARM error 51021): ftpsState and http20Enabled are gone', () => {
      const siteConfig = Object.keys(site().properties.siteConfig ?? {});
      expect(siteConfig.filter((key) => FLEX_REJECTED_SITE_CONFIG.includes(key))).toEqual([]);
      expect(siteConfig.filter((key) => !FLEX_ALLOWED_SITE_CONFIG.includes(key))).toEqual([]);
    });

    it('sets no app setting Flex Consumption rejects, that only applies locally, or that App Service sets itself', () => {
      const keys = Object.keys(appSettings()).map((key) => key.toLowerCase());
      const forbidden = [...FLEX_REJECTED_APP_SETTINGS, ...LOCAL_ONLY_SETTINGS, ...SET_BY_APP_SERVICE];
      expect(forbidden.filter((name) => keys.includes(name.toLowerCase()))).toEqual([]);
    });
  });

  describe('app settings', () => {
    it('are exactly the settings the app needs in Azure', () => {
      expect(Object.keys(appSettings()).sort()).toEqual([...AZURE_APP_SETTINGS].sort());
    });

    it('every setting is read by shared/config.ts or by the platform: nothing is set that nobody reads', () => {
      const readers: readonly string[] = [...SETTING_NAMES, ...PLATFORM_APP_SETTINGS];
      expect(Object.keys(appSettings()).filter((name) => !readers.includes(name))).toEqual([]);
    });

    it('every setting shared/config.ts reads is set, except the local ones and those the platform sets itself', () => {
      const notSet = SETTING_NAMES.filter((name) => !LOCAL_ONLY_SETTINGS.includes(name) && !(name in appSettings()));
      expect(notSet).toEqual([]);
    });

    it('secrets are Key Vault references to their secrets, never values', () => {
      const secrets: Record<(typeof SECRET_APP_SETTINGS)[number], string> = {
        APP_SECRET: 'app-secret',
        MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: 'sign-in-client-secret',
      };
      for (const [setting, secret] of Object.entries(secrets)) {
        // Versionless (secretUri, not secretUriWithVersion), so a rotated secret is picked up.
        const reference = new RegExp(
          `^\\[format\\('@Microsoft\\.KeyVault\\(SecretUri=\\{0\\}\\)', reference\\('[^']*/secrets/${secret}', '[^']+'\\)\\.secretUri\\)\\]$`,
        );
        expect({ setting, value: appSettings()[setting] }).toEqual({
          setting,
          value: expect.stringMatching(reference),
        });
        predicted(resources, 'Microsoft.KeyVault/vaults/secrets', secret);
      }
      const values = JSON.stringify(resources);
      expect(values).not.toContain(PARAMETER_ENVIRONMENT.APP_SECRET);
      expect(values).not.toContain(PARAMETER_ENVIRONMENT.SIGN_IN_CLIENT_SECRET);
    });

    it('storage through the managed identity, email through ACS, links on the app host', () => {
      const settings = appSettings();
      expect(settings.AzureWebJobsStorage__credential).toBe('managedidentity');
      expect(settings.AzureWebJobsStorage__clientId).toBe(
        `[reference('${appIdentity()}', '${identityApiVersion()}').clientId]`,
      );
      expect(settings.AZURE_CLIENT_ID).toBe(settings.AzureWebJobsStorage__clientId);
      expect(settings.EMAIL_TRANSPORT).toBe('acs');
      expect(settings.APPLICATIONINSIGHTS_AUTHENTICATION_STRING).toMatch(
        /^\[format\('Authorization=AAD;ClientId=\{0\}'/,
      );
      expect(settings.PUBLIC_BASE_URL).toMatch(/^\[format\('https:\/\/\{0\}', reference\(.*\)\.defaultHostName\)\]$/);
      expect(settings.APP_VERSION).toBe(PARAMETER_ENVIRONMENT.APP_VERSION);
      expect(settings.SUPPORT_CONTACT).toBe(PARAMETER_ENVIRONMENT.SUPPORT_CONTACT);
    });
  });

  describe('email', () => {
    it('the sender display name is set on the DoNotReply sender username of the managed domain, where ACS reads it', () => {
      const sender = predicted(
        resources,
        'Microsoft.Communication/emailServices/domains/senderUsernames',
        'DoNotReply',
      );
      expect(sender.properties).toEqual({ username: 'DoNotReply', displayName: 'Autopilot Consent' });
      expect(sender.name).toMatch(/\/AzureManagedDomain\/DoNotReply$/);
      expect(appSettings()).not.toHaveProperty('EMAIL_SENDER_NAME');
    });

    it('Communication Services has keys off and sends from the Azure-managed domain', () => {
      const acs = predicted(resources, 'Microsoft.Communication/communicationServices');
      expect(acs.properties.disableLocalAuth).toBe(true);
      expect(acs.properties.linkedDomains).toEqual([expect.stringMatching(/\/domains\/AzureManagedDomain$/)]);
      const domain = predicted(resources, 'Microsoft.Communication/emailServices/domains');
      expect(domain.properties.domainManagement).toBe('AzureManaged');
    });
  });

  describe('the platform sign-in', () => {
    it("is Microsoft Entra ID, multi-tenant from the cloud's own login endpoint, anonymous requests pass, no token store", () => {
      const settings = auth();
      expect(settings.platform.enabled).toBe(true);
      expect(settings.globalValidation).toEqual({
        requireAuthentication: false,
        unauthenticatedClientAction: 'AllowAnonymous',
      });
      expect(settings.httpSettings.requireHttps).toBe(true);
      expect(settings.login.tokenStore.enabled).toBe(false);
      const aad = settings.identityProviders.azureActiveDirectory;
      expect(aad.enabled).toBe(true);
      expect(aad.registration.clientId).toBe(PARAMETER_ENVIRONMENT.SIGN_IN_CLIENT_ID);
      expect(aad.registration.clientSecretSettingName).toBe('MICROSOFT_PROVIDER_AUTHENTICATION_SECRET');
      expect(aad.registration.openIdIssuer).toContain(
        "format('{0}common/v2.0', environment().authentication.loginEndpoint)",
      );
      expect(JSON.stringify(settings)).not.toContain('login.microsoftonline.com');
    });

    it('Identities: bearer tokens for the app registration validate (v2 aud is the client id; v1 the api:// URI), and unauthenticated requests still reach the app (API keys)', () => {
      const settings = auth();
      expect(settings.identityProviders.azureActiveDirectory.validation.allowedAudiences).toEqual([
        PARAMETER_ENVIRONMENT.SIGN_IN_CLIENT_ID,
        `api://${PARAMETER_ENVIRONMENT.SIGN_IN_CLIENT_ID}`,
      ]);
      expect(settings.globalValidation.unauthenticatedClientAction).toBe('AllowAnonymous');
      // Roles and tenants are the app's decision (shared/domain/partnerAccess.ts), not the platform's.
      expect(settings.identityProviders.azureActiveDirectory.validation).not.toHaveProperty(
        'defaultAuthorizationPolicy',
      );
    });
  });

  describe('security', () => {
    it('the storage account is HTTPS-only, TLS 1.2, without public blob access or shared keys', () => {
      const account = predicted(resources, 'Microsoft.Storage/storageAccounts');
      expect(account.properties).toMatchObject({
        supportsHttpsTrafficOnly: true,
        minimumTlsVersion: 'TLS1_2',
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: false,
        defaultToOAuthAuthentication: true,
      });
    });

    it('the app is HTTPS-only with TLS 1.2, and FTP and basic publishing credentials are off', () => {
      expect(site().properties.httpsOnly).toBe(true);
      expect(site().properties.siteConfig.minTlsVersion).toBe('1.2');
      for (const name of ['ftp', 'scm']) {
        const policy = predicted(resources, 'Microsoft.Web/sites/basicPublishingCredentialsPolicies', name);
        expect({ name, allow: policy.properties.allow }).toEqual({ name, allow: false });
      }
    });

    it('Key Vault uses RBAC and soft delete; Application Insights takes only Entra-authenticated telemetry', () => {
      const vault = predicted(resources, 'Microsoft.KeyVault/vaults');
      expect(vault.properties).toMatchObject({ enableRbacAuthorization: true, enableSoftDelete: true });
      expect(vault.properties.tenantId).toBe(SNAPSHOT_SCOPE.tenantId);
      const appInsights = predicted(resources, 'Microsoft.Insights/components');
      expect(appInsights.properties.DisableLocalAuth).toBe(true);
    });

    it('Receipts: the signing key is a non-exportable EC P-256 key that can only sign and verify', () => {
      const key = predicted(resources, 'Microsoft.KeyVault/vaults/keys');
      expect(key.properties).toMatchObject({
        kty: 'EC',
        curveName: 'P-256',
        keyOps: ['sign', 'verify'],
        attributes: { exportable: false },
      });
    });

    it('the identity gets exactly the built-in roles it needs, each once, on the resource it is for', () => {
      const scopes: Record<keyof typeof BUILT_IN_ROLES, string> = {
        storageBlobDataOwner: 'Microsoft.Storage/storageAccounts',
        storageQueueDataContributor: 'Microsoft.Storage/storageAccounts',
        storageTableDataContributor: 'Microsoft.Storage/storageAccounts',
        monitoringMetricsPublisher: 'Microsoft.Insights/components',
        communicationAndEmailServiceOwner: 'Microsoft.Communication/communicationServices',
        keyVaultSecretsUser: 'Microsoft.KeyVault/vaults',
        // Receipt signing: on the one key, the narrowest scope Key Vault RBAC offers.
        keyVaultCryptoUser: '/keys/receipt-signing',
      };
      const definitions = `/subscriptions/${SNAPSHOT_SCOPE.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/`;
      const assigned = resources
        .filter((resource) => resource.type === 'Microsoft.Authorization/roleAssignments')
        .map((assignment) => {
          const roleId = String(assignment.properties.roleDefinitionId).replace(definitions, '');
          const role = Object.entries(BUILT_IN_ROLES).find(([, id]) => id === roleId)?.[0] ?? roleId;
          expect({ role, principalType: assignment.properties.principalType }).toEqual({
            role,
            principalType: 'ServicePrincipal',
          });
          expect({ role, principal: assignment.properties.principalId }).toEqual({
            role,
            principal: `[reference('${appIdentity()}', '${identityApiVersion()}').principalId]`,
          });
          expect({ role, scope: assignment.id }).toEqual({
            role,
            scope: expect.stringContaining(scopes[role as keyof typeof BUILT_IN_ROLES] ?? 'an expected scope'),
          });
          return role;
        });
      expect(assigned.sort()).toEqual(Object.keys(BUILT_IN_ROLES).sort());
    });
  });

  describe('tables and queues', () => {
    it('D5: creates every table and queue the code uses, poison queue included, and nothing else', () => {
      const names = (type: string) =>
        resources.filter((resource) => resource.type === type).map((resource) => resource.name.split('/').pop());
      expect(names('Microsoft.Storage/storageAccounts/tableServices/tables').sort()).toEqual([...APP_TABLES].sort());
      expect(names('Microsoft.Storage/storageAccounts/queueServices/queues').sort()).toEqual([...APP_QUEUES].sort());
    });

    it('the Flex deployment container is private', () => {
      const container = predicted(resources, 'Microsoft.Storage/storageAccounts/blobServices/containers');
      expect(container.properties.publicAccess).toBe('None');
      expect(site().properties.functionAppConfig.deployment.storage.value).toContain(container.name.split('/').pop());
    });
  });
});
