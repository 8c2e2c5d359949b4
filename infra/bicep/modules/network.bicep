// A virtual network for private access: the app's outbound traffic enters it (VNet integration) and the
// PostgreSQL server lives in it with no public endpoint, resolved through a private DNS zone.

param name string
param location string
param tags object

@description('Address space of the virtual network (a /24 is enough: two /26 subnets are used).')
param addressPrefix string

var appSubnetPrefix = cidrSubnet(addressPrefix, 26, 0)
var databaseSubnetPrefix = cidrSubnet(addressPrefix, 26, 1)

resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: '${name}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [addressPrefix] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [{ name: 'web', properties: { serviceName: 'Microsoft.Web/serverFarms' } }]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: databaseSubnetPrefix
          delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }]
        }
      }
    ]
  }
}

// The zone name must end in .postgres.database.azure.com for a flexible server with private access.
resource dnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource dnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: dnsZone
  name: '${name}-vnet'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}

output appSubnetId string = vnet.properties.subnets[0].id
output databaseSubnetId string = vnet.properties.subnets[1].id
output dnsZoneId string = dnsZone.id
output dnsLinkName string = dnsLink.name
