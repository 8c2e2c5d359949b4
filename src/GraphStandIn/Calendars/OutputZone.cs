using NodaTime;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>The zone a read asked for with <c>Prefer: outlook.timezone</c>, and the name to echo back (Graph echoes it).</summary>
internal sealed record OutputZone(DateTimeZone Zone, string Name)
{
    public static readonly OutputZone Utc = new(DateTimeZone.Utc, "UTC");
}
