// The test environment: one small instance, a burstable database. Secrets come from the environment of whoever
// deploys (never from this file): POSTGRES_ADMIN_PASSWORD, SWITCHBOARD_WEBHOOK_SECRET, SWITCHBOARD_API_KEYS (a JSON object of named keys, e.g. {"trio":"<key>"}, at least one).
using 'main.bicep'

param name = 'presencebot-test'
param environmentName = 'test'
param planSku = 'B1'
param instanceCount = 1
param postgresTier = 'Burstable'
param postgresSku = 'Standard_B1ms'
param keyVaultPurgeProtection = false
param postgresAdministratorPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param switchboardWebhookSecret = readEnvironmentVariable('SWITCHBOARD_WEBHOOK_SECRET')
param switchboardApiKeysJson = readEnvironmentVariable('SWITCHBOARD_API_KEYS')
// The key named 'ops' in SWITCHBOARD_API_KEYS is the admins' (dead-letter replay); start-up stops if there is none.
param additionalSettings = {
  Switchboard__AdminKeys__0: 'ops'
}
