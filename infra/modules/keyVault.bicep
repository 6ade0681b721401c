// Key Vault in RBAC mode holding the app's two secrets (app settings reference them by versionless URI) and the
// non-exportable key that signs consent receipts.

@description('Required. Key Vault name (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. The signing key of the app (APP_SECRET), from which consent page form tokens and standing consent links are derived; at least 32 random characters. Changing it replaces every standing link.')
@secure()
@minLength(32)
param appSecret string

@description('Required. Client secret of the sign-in app registration.')
@secure()
param signInClientSecret string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Forbid purging the vault and its secrets during the 90-day retention period.')
param enablePurgeProtection bool = true

@description('Optional. Tags for the resources.')
param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be switched off once on, and the API rejects an explicit false.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource appSecretEntry 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'app-secret'
  properties: {
    value: appSecret
    contentType: 'text/plain'
  }
}

resource signIn 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'sign-in-client-secret'
  properties: {
    value: signInClientSecret
    contentType: 'text/plain'
  }
}

// Receipts are signed in the vault (ES256); the private key never leaves it. Rotating adds a version: the app publishes
// every version's public key, so receipts signed before a rotation stay verifiable (docs/receipts.md).
resource receiptKey 'Microsoft.KeyVault/vaults/keys@2026-05-15' = {
  parent: vault
  name: 'receipt-signing'
  properties: {
    kty: 'EC'
    curveName: 'P-256'
    keyOps: [
      'sign'
      'verify'
    ]
    attributes: {
      enabled: true
      exportable: false
    }
  }
}

@description('The Key Vault name.')
output name string = vault.name

@description('The Key Vault resource id.')
output resourceId string = vault.id

@description('Versionless URI of the APP_SECRET secret (the app follows rotations).')
output appSecretUri string = appSecretEntry.properties.secretUri

@description('Versionless URI of the sign-in client secret.')
output signInClientSecretUri string = signIn.properties.secretUri

@description('Name of the receipt signing key.')
output receiptKeyName string = receiptKey.name

@description('Versionless identifier of the receipt signing key (RECEIPT_SIGNING_KEY_ID): the app signs with its current version.')
output receiptKeyUri string = receiptKey.properties.keyUri
