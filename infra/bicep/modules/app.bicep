// App Service on Linux running the published PresenceBot (.NET 10), as its user-assigned managed identity.

param name string
param location string
param tags object

@description('App Service plan size, e.g. B1 (test) or P1v3 (prod).')
param planSku string

@description('Instances the plan runs; at least 2 in prod so a restart or a crash loses nothing.')
@minValue(1)
param instanceCount int

@description('Spread the instances over availability zones (Premium v3 and at least 2 instances).')
param zoneRedundant bool

@description('Resource id and client id of the user-assigned managed identity.')
param identityId string
param identityClientId string

param subnetId string

@description('App settings besides the ones this module sets (the Key Vault references among them).')
param settings object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references are resolved as this identity (the default would be a system-assigned one, which there is none of).
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: subnetId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet PresenceBot.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      webSocketsEnabled: false
      // Only private (RFC 1918) traffic — the database — goes through the virtual network; Graph, the Bot Framework
      // and Key Vault are reached directly, so the network needs no NAT gateway (new subnets get no default outbound access).
      vnetRouteAllEnabled: false
    }
  }
}

// No FTP and no basic-auth deployment: `az webapp deploy` signs in with Entra ID.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

var publicBaseUrl = 'https://${site.properties.defaultHostName}'

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, {
    // appsettings.json says Urls=http://localhost:5080; App Service forwards to port 8080 on all interfaces.
    Urls: 'http://+:8080'
    WEBSITES_PORT: '8080'
    // App Service's front end is a reverse proxy: take the scheme and client address it forwards (https redirect URIs).
    ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
    Graph__Credential: 'ManagedIdentity'
    Graph__ClientId: identityClientId
    Graph__PublicBaseUrl: publicBaseUrl
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: identityClientId
    MicrosoftAppTenantId: tenant().tenantId
    Bot__AllowedTenants__0: tenant().tenantId
  })
}

output name string = site.name
output publicBaseUrl string = publicBaseUrl
output hostName string = site.properties.defaultHostName
