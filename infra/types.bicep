// Shapes shared by main.bicep and its modules.

@export()
@description('The tables and queues the app uses; main.bicep loads them from storage-names.json.')
type storageNamesType = {
  @description('Required. Table names.')
  tables: string[]

  @description('Required. Queue names, poison queues included.')
  queues: string[]
}

@export()
@description('The Microsoft Entra app registration behind the platform sign-in.')
type signInType = {
  @description('Required. Application (client) id of the multi-tenant app registration.')
  clientId: string

  @description('Optional. OpenID issuer; the multi-tenant v2.0 endpoint when omitted.')
  openIdIssuer: string?
}

@export()
@description('How the invitation emails are sent.')
type emailType = {
  @description('Required. Display name of the sender.')
  senderName: string

  @description('Required. Where Communication Services keeps data at rest, for example Europe or United States.')
  dataLocation: string
}

@export()
@description('Flex Consumption scale settings.')
type scaleType = {
  @description('Required. Upper bound of instances (40 to 1000).')
  @minValue(40)
  @maxValue(1000)
  maximumInstanceCount: int

  @description('Required. Memory per instance in MB: 512, 2048 or 4096.')
  instanceMemoryMB: 512 | 2048 | 4096
}

@export()
@description('Service endpoints of the storage account.')
type storageEndpointsType = {
  @description('Required. Blob endpoint.')
  blob: string

  @description('Required. Queue endpoint.')
  queue: string

  @description('Required. Table endpoint.')
  table: string
}
