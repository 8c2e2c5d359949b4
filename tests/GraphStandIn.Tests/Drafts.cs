using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Tests;

/// <summary>Event drafts the tests book.</summary>
internal static class Drafts
{
    public static EventDraft Meeting(string start, string end, string zone = "W. Europe Standard Time", string subject = "SAM: Budget") => new()
    {
        Subject = subject,
        Start = new DateTimeTimeZone(start, zone),
        End = new DateTimeTimeZone(end, zone),
        ShowAs = "busy",
    };
}
