using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>A phone-hour gap managers were told about and that has not closed yet; needed for "täckt igen" after a restart.</summary>
internal sealed class AlertedGapRow
{
    public required string UnitId { get; set; }

    public Instant From { get; set; }

    public Instant To { get; set; }
}
