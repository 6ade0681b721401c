// Log Analytics and workspace-based Application Insights; telemetry is accepted only with a Microsoft Entra token.

@description('Required. Name of the Application Insights component.')
param name string

@description('Required. Name of the Log Analytics workspace.')
param workspaceName string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Optional. Tags for the resources.')
param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: name
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Local (instrumentation key) authentication off: the app authenticates with its managed identity.
    DisableLocalAuth: true
  }
}

@description('The Application Insights component name.')
output name string = appInsights.name

@description('The Application Insights component resource id.')
output resourceId string = appInsights.id

@description('The connection string the app sends telemetry with (not a secret: local auth is disabled).')
output connectionString string = appInsights.properties.ConnectionString

@description('The Log Analytics workspace resource id.')
output workspaceResourceId string = workspace.id
