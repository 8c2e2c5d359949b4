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

    /// <summary>Each row's <paramref name="column"/> by its <c>Key</c> (e.g. the work queue's attempts per person).</summary>
    public static async Task<Dictionary<string, long>> ValuesByKeyAsync(string databasePath, string table, string column, string where = "1 = 1")
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table, column and filter are test constants, not user input.
        command.CommandText = $"SELECT Key, {column} FROM {table} WHERE {where}";
#pragma warning restore CA2100
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0), reader.GetInt64(1));
        }

        return values;
    }
}
