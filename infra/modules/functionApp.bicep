// The Function App on Flex Consumption: Node 22, user-assigned identity, every app setting, the platform sign-in.

import { scaleType, signInType, storageEndpointsType } from '../types.bicep'

@description('Required. Function App name (globally unique; it names <name>.azurewebsites.net).')
param name string

@description('Required. Flex Consumption plan name.')
param planName string

@description('Required. Resource id of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Required. Client id of that identity.')
param identityClientId string

@description('Required. Blob, queue and table endpoints of the storage account.')
param storageEndpoints storageEndpointsType

@description('Required. URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('Required. Application Insights connection string.')
param appInsightsConnectionString string

@description('Required. Versionless Key Vault URI of the APP_SECRET secret.')
param appSecretUri string

@description('Required. Versionless Key Vault URI of the sign-in client secret.')
param signInClientSecretUri string

@description('Required. Versionless identifier of the Key Vault key that signs consent receipts.')
param receiptSigningKeyId string

@description('Required. Communication Services endpoint, https://<name>.<geo>.communication.azure.com.')
param acsEndpoint string

@description('Required. Sender address, DoNotReply@<managed domain>.')
param emailSenderAddress string

@description('Required. The app registration behind the platform sign-in.')
param signIn signInType

@description('Optional. Host name of a custom domain bound to the app; the default host name when empty.')
param customDomain string = ''

@description('Optional. Version reported by /api/health (APP_VERSION).')
param appVersion string = 'unversioned'

@description('Optional. How customers reach support, shown on the consent pages (SUPPORT_CONTACT).')
param supportContact string = ''

@description('Optional. How many invitation emails one partner may queue in any hour (INVITATION_EMAILS_PER_HOUR).')
@minValue(1)
@maxValue(100000)
param invitationEmailsPerHour int = 200

@description('Optional. Days after a consent reaches a final state until its personal data is erased (PERSONAL_DATA_RETENTION_DAYS).')
@minValue(1)
@maxValue(3650)
param personalDataRetentionDays int = 365

@description('Optional. Flex Consumption scale settings.')
param scale scaleType = {
  maximumInstanceCount: 40
  instanceMemoryMB: 2048
}

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resources.')
param tags object = {}

// The platform reads the sign-in client secret from this app setting (a Key Vault reference).
var signInSecretSettingName = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
// The cloud's own sign-in endpoint (login.microsoftonline.com in Azure's public cloud), so sovereign clouds work.
var multiTenantIssuer = '${environment().authentication.loginEndpoint}common/v2.0'

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity, not a system-assigned one.
    keyVaultReferenceIdentity: identityResourceId
    // Flex Consumption rejects ftpsState and most other siteConfig properties (ARM error 51021); FTP is off through
    // the basic publishing credentials policies below instead.
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: scale.maximumInstanceCount
        instanceMemoryMB: scale.instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

// A separate resource so PUBLIC_BASE_URL can name the app's own host name. It replaces the whole settings set.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storageEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storageEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storageEndpoints.table
    PUBLIC_BASE_URL: empty(customDomain) ? 'https://${site.properties.defaultHostName}' : 'https://${customDomain}'
    APP_SECRET: '@Microsoft.KeyVault(SecretUri=${appSecretUri})'
    EMAIL_TRANSPORT: 'acs'
    ACS_ENDPOINT: acsEndpoint
    EMAIL_SENDER_ADDRESS: emailSenderAddress
    SUPPORT_CONTACT: supportContact
    INVITATION_EMAILS_PER_HOUR: string(invitationEmailsPerHour)
    RECEIPT_SIGNING_KEY_ID: receiptSigningKeyId
    PERSONAL_DATA_RETENTION_DAYS: string(personalDataRetentionDays)
    AZURE_CLIENT_ID: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
    APP_VERSION: appVersion
    MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '@Microsoft.KeyVault(SecretUri=${signInClientSecretUri})'
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Platform sign-in: multi-tenant Microsoft Entra ID. Anonymous requests pass (partners may use API keys; the pages
// redirect to /.auth/login/aad themselves). Bearer tokens for the app registration are validated against the
// audiences below (v2 tokens carry the client id) and passed on as the principal; the app checks the tenant (tid) and
// the app roles itself.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  dependsOn: [
    appSettings
  ]
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: signIn.clientId
          clientSecretSettingName: signInSecretSettingName
          openIdIssuer: signIn.?openIdIssuer ?? multiTenantIssuer
        }
        validation: {
          allowedAudiences: [
            signIn.clientId
            'api://${signIn.clientId}'
          ]
        }
        login: {
          loginParameters: [
            'scope=openid profile email'
          ]
        }
      }
    }
    // The app never reads stored tokens, and Flex Consumption has no shared file system to keep them in.
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

@description('The Function App name.')
output name string = site.name

@description('The Function App resource id.')
output resourceId string = site.id

@description('The app\'s default host name.')
output defaultHostName string = site.properties.defaultHostName

@description('The public base URL links are built from.')
output url string = empty(customDomain) ? 'https://${site.properties.defaultHostName}' : 'https://${customDomain}'
