using Microsoft.Data.Sqlite;

namespace PresenceBot.Tests;

/// <summary>Reads the test host's SQLite file directly, to assert on what was (not) stored.</summary>
public static class TestDatabase
{
    public static async Task<long> CountAsync(string databasePath, string table, string where = "1 = 1")
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table and filter are test constants, not user input.
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
