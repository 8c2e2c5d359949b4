// Key Vault holding every secret the app reads (Azure RBAC, no access policies). The app reads them through
// Key Vault references in its app settings, as its user-assigned managed identity ("Key Vault Secrets User").

param name string
param location string
param tags object

@description('Name of the user-assigned managed identity (in this resource group) that reads the secrets.')
param readerIdentityName string

@description('Keep deleted vaults and secrets recoverable and unpurgeable for 90 days (recommended for prod).')
param purgeProtection bool

@description('The PostgreSQL connection string (ConnectionStrings:PresenceBot).')
@secure()
param connectionString string

@description('Switchboard:WebhookSecret: the secret the switchboard signs voicemail webhooks with.')
@secure()
param webhookSecret string

@description('Switchboard:ApiKeys: accepted X-Api-Key values by name, as a JSON object {"trio": "<key>"} (names of letters, digits and hyphens: they become Key Vault secret names).')
@secure()
param apiKeysJson string

@description('Further secrets (publishing secrets and the like): app setting name (with __) → value.')
@secure()
param additionalSecrets object

// Key Vault secret names allow letters, digits and hyphens: ConnectionStrings__PresenceBot → ConnectionStrings--PresenceBot.
var apiKeys = json(apiKeysJson)
// The app setting each secret stands for; the values are picked by index (a list of names alone is no secret).
var settingNames = concat(
  ['ConnectionStrings__PresenceBot', 'Switchboard__WebhookSecret'],
  map(objectKeys(apiKeys), keyName => 'Switchboard__ApiKeys__${keyName}'),
  objectKeys(additionalSecrets)
)
var secretValues = concat([connectionString, webhookSecret], map(objectKeys(apiKeys), keyName => apiKeys[keyName]), map(objectKeys(additionalSecrets), k => additionalSecrets[k]))

// Built-in role "Key Vault Secrets User": read secret contents.
var secretsUserRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: '${name}-kv'
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = [for (setting, i) in settingNames: {
  parent: vault
  name: replace(setting, '__', '--')
  properties: {
    value: secretValues[i]
  }
}]

resource reader 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: readerIdentityName
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, reader.id, secretsUserRoleId)
  properties: {
    roleDefinitionId: secretsUserRoleId
    principalId: reader.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('App settings that point at the secrets: name → @Microsoft.KeyVault(...) reference.')
output references object = toObject(settingNames, s => s, s => '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${replace(s, '__', '--')})')
output name string = vault.name
