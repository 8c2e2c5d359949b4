// Production: two instances (a restart or a crash loses nothing; both share the database and its job queue), a
// general-purpose database. Secrets come from the environment of whoever deploys (never from this file):
// POSTGRES_ADMIN_PASSWORD, SWITCHBOARD_WEBHOOK_SECRET, SWITCHBOARD_API_KEYS (a JSON object of named keys, e.g. {"trio":"<key>"}, at least one).
using 'main.bicep'

param name = 'presencebot-prod'
param environmentName = 'prod'
param planSku = 'P1v3'
param instanceCount = 2
param postgresTier = 'GeneralPurpose'
param postgresSku = 'Standard_D2ds_v5'
param postgresStorageGB = 64
param keyVaultPurgeProtection = true
param logRetentionDays = 90
param postgresAdministratorPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param switchboardWebhookSecret = readEnvironmentVariable('SWITCHBOARD_WEBHOOK_SECRET')
param switchboardApiKeysJson = readEnvironmentVariable('SWITCHBOARD_API_KEYS')
// Re-reads wait on Graph's answers, not on the cores: more at once than the two cores of a P1v3.
// The key named 'ops' in SWITCHBOARD_API_KEYS is the admins' (dead-letter replay); start-up stops if there is none.
param additionalSettings = {
  Graph__ConcurrentSyncs: '8'
  Switchboard__AdminKeys__0: 'ops'
}
