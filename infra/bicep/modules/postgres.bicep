// Azure Database for PostgreSQL flexible server, private access only (no public endpoint), TLS required.

param name string
param location string
param tags object

@description('Compute tier and size, e.g. Burstable/Standard_B1ms (test) or GeneralPurpose/Standard_D2ds_v5 (prod).')
param skuTier string
param skuName string

@description('Storage in GiB.')
param storageSizeGB int

@description('Zone-redundant standby (GeneralPurpose or MemoryOptimized only).')
param highAvailability bool

param administratorLogin string

@secure()
param administratorPassword string

param databaseName string
param subnetId string
param dnsZoneId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: '${name}-pg'
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: { storageSizeGB: storageSizeGB }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: highAvailability ? 'ZoneRedundant' : 'Disabled' }
    network: {
      delegatedSubnetResourceId: subnetId
      privateDnsZoneArmResourceId: dnsZoneId
      publicNetworkAccess: 'Disabled'
    }
  }
}

// On by default; set explicitly so a changed default never turns TLS off.
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [requireTls]
}

output host string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
