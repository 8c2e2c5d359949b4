using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

/// <summary>
/// The claim insert of <see cref="EfReminderLog"/> as SQL, with table and column names read from the model (so a
/// renamed property is followed) and the claim time converted as the provider stores it (Unix ticks on SQLite).
/// </summary>
internal sealed class ClaimInsert
{
    private readonly IProperty _claimedAt;

    private ClaimInsert(string sql, IProperty claimedAt)
    {
        Sql = sql;
        _claimedAt = claimedAt;
    }

    /// <summary>Parameters, in order: id, kind, recipient, subject, slot, claimed at.</summary>
    public string Sql { get; }

    public static ClaimInsert For(PresenceBotDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(SentReminderRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
        var columns = string.Join(", ", new[]
        {
            nameof(SentReminderRow.Id), nameof(SentReminderRow.Kind), nameof(SentReminderRow.RecipientId),
            nameof(SentReminderRow.Subject), nameof(SentReminderRow.Slot), nameof(SentReminderRow.ClaimedAt),
        }.Select(Column));
        var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
        return new ClaimInsert(
            $"INSERT INTO {name} ({columns}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}) ON CONFLICT DO NOTHING",
            entity.FindProperty(nameof(SentReminderRow.ClaimedAt))!);
    }

    /// <summary>The claim time as the provider stores it.</summary>
    public object ClaimedAt(Instant instant) => _claimedAt.GetTypeMapping().Converter?.ConvertToProvider(instant) ?? instant;
}
