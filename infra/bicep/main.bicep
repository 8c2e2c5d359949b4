// PresenceBot on Azure: App Service on Linux (.NET 10), PostgreSQL flexible server with private access, Key Vault
// for every secret, a user-assigned managed identity for Graph and the bot, an Azure Bot with the Teams channel,
// and Log Analytics with Application Insights. Deploy into an existing resource group:
//   az deployment group create -g <group> -f infra/bicep/main.bicep -p infra/bicep/prod.bicepparam
// The steps before and after (Graph permissions, the Teams app, the organisation file) are in the repository
// README, section Deployment (Azure); what this template sets and why: infra/bicep/README.md.

targetScope = 'resourceGroup'

@description('Prefix of every resource name; also the app\'s host name (<name>.azurewebsites.net), so globally unique. At most 21 characters: letters, digits and hyphens.')
@minLength(3)
@maxLength(21)
param name string

@description('Azure region of everything but the bot (global).')
param location string = resourceGroup().location

@description('test or prod (a tag; the parameter files choose the sizes).')
@allowed(['test', 'prod'])
param environmentName string

@description('App Service plan size (B1 and up: VNet integration and Always On need it).')
param planSku string

@description('App instances; at least 2 in prod.')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Spread the instances over availability zones (Premium v3, at least 2 instances, a region with zones).')
param zoneRedundant bool = false

@description('Address space of the virtual network the app and the database share (a /24).')
param vnetAddressPrefix string = '10.40.0.0/24'

@description('PostgreSQL compute tier: Burstable, GeneralPurpose or MemoryOptimized.')
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string

@description('PostgreSQL compute size, e.g. Standard_B1ms or Standard_D2ds_v5.')
param postgresSku string

@description('PostgreSQL storage in GiB.')
@minValue(32)
param postgresStorageGB int = 32

@description('PostgreSQL zone-redundant standby (not with Burstable).')
param postgresHighAvailability bool = false

@description('PostgreSQL administrator login (the app uses it; not postgres, azure_superuser, admin, root, guest or public).')
param postgresAdministratorLogin string = 'presencebot'

@description('PostgreSQL administrator password: 8–128 characters from three of upper case, lower case, digits and symbols; no ; \' or " (it goes into a connection string).')
@secure()
@minLength(8)
param postgresAdministratorPassword string

@description('Switchboard:WebhookSecret: the secret the switchboard signs voicemail webhooks with (at least 32 characters).')
@secure()
@minLength(32)
param switchboardWebhookSecret string

@description('Switchboard:ApiKeys as a JSON object of named keys, e.g. {"trio": "<at least 32 characters>"}; names of letters, digits and hyphens, not only digits. The service refuses to start without one.')
@secure()
param switchboardApiKeysJson string

@description('Further secrets for Key Vault (publishing secrets and the like): app setting name with __ for nesting → value.')
@secure()
param additionalSecrets object = {}

@description('Other app settings, not secret (e.g. Reminders__VoicemailLastCallAt): name with __ for nesting → value.')
param additionalSettings object = {}

@description('The organisation file, relative to the app folder (publish it with the app, see the README).')
param organisationFile string = 'Organisation/organisation.json'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free on either) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Key Vault purge protection (cannot be turned off again; recommended for prod).')
param keyVaultPurgeProtection bool

@description('Days Log Analytics keeps data.')
param logRetentionDays int = 30

var tags = {
  application: 'PresenceBot'
  environment: environmentName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${name}-id'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
    tags: tags
    retentionDays: logRetentionDays
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    name: name
    location: location
    tags: tags
    addressPrefix: vnetAddressPrefix
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: name
    location: location
    tags: tags
    skuTier: postgresTier
    skuName: postgresSku
    storageSizeGB: postgresStorageGB
    highAvailability: postgresHighAvailability
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    databaseName: 'presencebot'
    subnetId: network.outputs.databaseSubnetId
    dnsZoneId: network.outputs.dnsZoneId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: name
    location: location
    tags: tags
    readerIdentityName: identity.name
    purgeProtection: keyVaultPurgeProtection
    connectionString: 'Host=${postgres.outputs.host};Port=5432;Database=${postgres.outputs.databaseName};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};SSL Mode=VerifyFull'
    webhookSecret: switchboardWebhookSecret
    apiKeysJson: switchboardApiKeysJson
    additionalSecrets: additionalSecrets
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: name
    location: location
    tags: tags
    planSku: planSku
    instanceCount: instanceCount
    zoneRedundant: zoneRedundant
    identityId: identity.id
    identityClientId: identity.properties.clientId
    subnetId: network.outputs.appSubnetId
    settings: union(additionalSettings, keyVault.outputs.references, {
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      Storage__Provider: 'Postgres'
      Graph__BaseUrl: 'https://graph.microsoft.com/v1.0'
      Organisation__File: organisationFile
    })
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: name
    tags: tags
    sku: botSku
    messagingEndpoint: '${app.outputs.publicBaseUrl}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
  }
}

@description('The Azure Bot\'s messaging endpoint (set on the bot already).')
output messagingEndpoint string = '${app.outputs.publicBaseUrl}/api/messages'

@description('Where Graph delivers change notifications (Graph:PublicBaseUrl + /api/graph/notifications).')
output graphNotificationsUrl string = '${app.outputs.publicBaseUrl}/api/graph/notifications'

@description('Where Graph delivers subscription lifecycle events.')
output graphLifecycleUrl string = '${app.outputs.publicBaseUrl}/api/graph/lifecycle'

@description('The switchboard\'s signed voicemail webhook.')
output voicemailWebhookUrl string = '${app.outputs.publicBaseUrl}/api/switchboard/voicemail'

@description('The app\'s address: check /readyz here after deploying.')
output appUrl string = app.outputs.publicBaseUrl

@description('The web app\'s name (for az webapp deploy).')
output appName string = app.outputs.name

@description('The managed identity\'s client id: MicrosoftAppId, Graph:ClientId and the Teams app package\'s bot id.')
output identityClientId string = identity.properties.clientId

@description('The managed identity\'s object (service principal) id: grant the Graph application permissions to it.')
output identityPrincipalId string = identity.properties.principalId

@description('The Key Vault holding the secrets.')
output keyVaultName string = keyVault.outputs.name

@description('The Azure Bot resource.')
output botName string = bot.outputs.name
