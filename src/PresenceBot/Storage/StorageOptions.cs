namespace PresenceBot.Storage;

/// <summary>Which database: the embedded SQLite file (default) or PostgreSQL for several instances.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}
