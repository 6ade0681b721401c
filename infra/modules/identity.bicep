// The user-assigned identity the Function App runs as: it exists before the app, so its roles are in place at first start.

@description('Required. Name of the user-assigned managed identity.')
param name string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resource.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('The identity name.')
output name string = identity.name

@description('The identity resource id.')
output resourceId string = identity.id

@description('The client (application) id the app passes to DefaultAzureCredential and the host.')
output clientId string = identity.properties.clientId

@description('The principal (object) id that role assignments name.')
output principalId string = identity.properties.principalId
