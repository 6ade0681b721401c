// Autopilot Consent in one resource group: identity, monitoring, storage, secrets, email, permissions, the Function App.
targetScope = 'resourceGroup'

import { emailType, scaleType, signInType } from 'types.bicep'

@description('Required. Short base name for every resource: 3-12 lowercase letters, digits or single hyphens, starting with a letter and ending with a letter or digit (storage account and Key Vault names are made from it).')
@minLength(3)
@maxLength(12)
param name string

@description('Required. The multi-tenant Microsoft Entra app registration behind the platform sign-in.')
param signIn signInType

@description('Required. Client secret of that app registration; stored in Key Vault.')
@secure()
param signInClientSecret string

@description('Required. The signing key of the app (APP_SECRET): consent page form tokens and consent links are derived from it; at least 32 random characters (openssl rand -base64 48); stored in Key Vault. Changing it replaces every standing link.')
@secure()
@minLength(32)
param appSecret string

@description('Optional. Azure region of the regional resources; it must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Optional. Sender display name and where Communication Services keeps data at rest.')
param email emailType = {
  senderName: 'Autopilot Consent'
  dataLocation: 'Europe'
}

@description('Optional. Custom host name bound to the app after deployment; links use the default host name when empty.')
param customDomain string = ''

@description('Optional. Version reported by /api/health.')
param appVersion string = 'unversioned'

@description('Optional. How customers reach your support (an email address or a URL), shown where a page tells them to ask support, for example to remove an OEM (R13).')
param supportContact string = ''

@description('Optional. How many invitation emails one partner may queue in any hour (INVITATION_EMAILS_PER_HOUR); past it the API answers 429.')
@minValue(1)
@maxValue(100000)
param invitationEmailsPerHour int = 200

@description('Optional. Days after a consent reaches a final state until its personal data (contact email and name, user names, partner message) is erased (PERSONAL_DATA_RETENTION_DAYS).')
@minValue(1)
@maxValue(3650)
param personalDataRetentionDays int = 365

@description('Optional. Flex Consumption scale settings.')
param scale scaleType = {
  maximumInstanceCount: 40
  instanceMemoryMB: 2048
}

@description('Optional. Key Vault purge protection; leave on outside throwaway environments.')
param enablePurgeProtection bool = true

@description('Optional. Tags for every resource.')
param tags object = {}

// Table and queue names live in one file that the code imports too (the code's name for each, then the resource's).
var storageNames = loadJsonContent('storage-names.json')
// Bicep has no pattern decorator, so a name that would make an invalid storage account, Key Vault or app name stops the
// deployment here, with a message, before anything is created.
var nameCharacters = 'abcdefghijklmnopqrstuvwxyz0123456789-'
var nameIsValid = empty(filter(range(0, length(name)), i => !contains(nameCharacters, substring(name, i, 1)))) && contains(
  'abcdefghijklmnopqrstuvwxyz',
  first(name)
) && last(name) != '-' && !contains(name, '--')
var baseName = nameIsValid
  ? name
  : fail('The parameter name must be 3-12 lowercase letters, digits or single hyphens, start with a letter and end with a letter or digit')
var suffix = uniqueString(resourceGroup().id, baseName)
var compactName = replace(baseName, '-', '')
var deploymentContainerName = 'app-package'

module identity 'modules/identity.bicep' = {
  name: '${deployment().name}-identity'
  params: {
    name: 'id-${baseName}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: '${deployment().name}-monitoring'
  params: {
    name: 'appi-${baseName}'
    workspaceName: 'log-${baseName}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: '${deployment().name}-storage'
  params: {
    name: 'st${take(compactName, 10)}${take(suffix, 12)}'
    storageNames: {
      tables: map(items(storageNames.tables), entry => entry.value)
      queues: map(items(storageNames.queues), entry => entry.value)
    }
    deploymentContainerName: deploymentContainerName
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: '${deployment().name}-keyvault'
  params: {
    name: 'kv-${take(compactName, 8)}-${take(suffix, 10)}'
    appSecret: appSecret
    signInClientSecret: signInClientSecret
    enablePurgeProtection: enablePurgeProtection
    location: location
    tags: tags
  }
}

module communication 'modules/communication.bicep' = {
  name: '${deployment().name}-communication'
  params: {
    name: 'acs-${baseName}-${take(suffix, 8)}'
    emailServiceName: 'ecs-${baseName}-${take(suffix, 8)}'
    email: email
    tags: tags
  }
}

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: '${deployment().name}-roles'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.name
    communicationServiceName: communication.outputs.name
    keyVaultName: keyVault.outputs.name
    receiptKeyName: keyVault.outputs.receiptKeyName
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: '${deployment().name}-functionapp'
  // The app's first start needs its storage, Key Vault and telemetry permissions already in place.
  dependsOn: [
    roleAssignments
  ]
  params: {
    name: 'func-${baseName}-${take(suffix, 8)}'
    planName: 'plan-${baseName}'
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageEndpoints: {
      blob: storage.outputs.blobEndpoint
      queue: storage.outputs.queueEndpoint
      table: storage.outputs.tableEndpoint
    }
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    appSecretUri: keyVault.outputs.appSecretUri
    signInClientSecretUri: keyVault.outputs.signInClientSecretUri
    receiptSigningKeyId: keyVault.outputs.receiptKeyUri
    acsEndpoint: communication.outputs.endpoint
    emailSenderAddress: communication.outputs.senderAddress
    signIn: signIn
    customDomain: customDomain
    appVersion: appVersion
    supportContact: supportContact
    invitationEmailsPerHour: invitationEmailsPerHour
    personalDataRetentionDays: personalDataRetentionDays
    scale: scale
    location: location
    tags: tags
  }
}

@description('The Function App name (for az functionapp commands).')
output functionAppName string = functionApp.outputs.name

@description('The app\'s public URL.')
output functionAppUrl string = functionApp.outputs.url

@description('The sign-in redirect URI to register on the app registration.')
output signInRedirectUri string = 'https://${functionApp.outputs.defaultHostName}/.auth/login/aad/callback'

@description('The address invitation emails are sent from.')
output emailSenderAddress string = communication.outputs.senderAddress

@description('The storage account name (tables, queues, deployment package).')
output storageAccountName string = storage.outputs.name

@description('The table endpoint, for the admin CLI (AzureWebJobsStorage__tableServiceUri).')
output tableServiceUri string = storage.outputs.tableEndpoint

@description('The Key Vault name.')
output keyVaultName string = keyVault.outputs.name

@description('Client id of the app\'s user-assigned identity.')
output identityClientId string = identity.outputs.clientId
