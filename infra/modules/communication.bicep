// Email Communication Service with an Azure-managed domain, linked to a Communication Services resource (no keys).

import { emailType } from '../types.bicep'

@description('Required. Name of the Communication Services resource (globally unique; it names the endpoint).')
param name string

@description('Required. Name of the Email Communication Service.')
param emailServiceName string

@description('Required. Sender display name and data location.')
param email emailType

@description('Optional. Tags for the resources.')
param tags object = {}

resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: email.dataLocation
  }
}

// An Azure-managed domain (<guid>.azurecomm.net) needs no DNS records; the sender is DoNotReply@ that domain.
resource managedDomain 'Microsoft.Communication/emailServices/domains@2025-09-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

// ACS takes the sender's display name from this resource, not from the message. An Azure-managed domain comes with
// DoNotReply; declaring it sets its display name.
resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2025-09-01' = {
  parent: managedDomain
  name: 'DoNotReply'
  properties: {
    username: 'DoNotReply'
    displayName: email.senderName
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    dataLocation: email.dataLocation
    linkedDomains: [
      managedDomain.id
    ]
    // Keys and connection strings off: the app sends with its managed identity.
    disableLocalAuth: true
  }
}

@description('The Communication Services resource name.')
output name string = communicationService.name

@description('The Communication Services resource id.')
output resourceId string = communicationService.id

@description('The endpoint the app sends through (ACS_ENDPOINT).')
output endpoint string = 'https://${communicationService.properties.hostName}'

@description('The sender address (EMAIL_SENDER_ADDRESS); its display name is the sender username\'s.')
output senderAddress string = '${sender.properties.username}@${managedDomain.properties.mailFromSenderDomain}'
