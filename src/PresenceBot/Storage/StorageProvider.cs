namespace PresenceBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
