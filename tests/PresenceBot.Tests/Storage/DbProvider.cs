namespace PresenceBot.Tests.Storage;

/// <summary>The database a storage test runs against; each test gets a fresh, migrated database.</summary>
public enum DbProvider
{
    Sqlite,
    Postgres,
}
