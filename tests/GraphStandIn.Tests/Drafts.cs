using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Mail;

namespace PresenceBot.GraphStandIn.Tests;

/// <summary>Event and message drafts the tests book and deliver.</summary>
internal static class Drafts
{
    public const string CallAnswering = "IPM.Note.Microsoft.Voicemail.UM.CA";

    public static EventDraft Meeting(string start, string end, string zone = "W. Europe Standard Time", string subject = "SAM: Budget") => new()
    {
        Subject = subject,
        Start = new DateTimeTimeZone(start, zone),
        End = new DateTimeTimeZone(end, zone),
        ShowAs = "busy",
    };

    /// <summary>A Teams voicemail as it lands in the inbox: its own message class, the caller as sender, the audio attached.</summary>
    public static MessageDraft Voicemail(string caller, DateTimeOffset receivedAt, string messageClass = CallAnswering, int? seconds = null) => new()
    {
        Subject = $"Röstmeddelande från {caller}",
        From = new Recipient(new EmailAddress(caller, null)),
        ReceivedDateTime = receivedAt,
        HasAttachments = true,
        MessageClass = messageClass,
        SingleValueExtendedProperties = seconds is { } s ? [new ExtendedProperty("Integer 0x6801", s.ToString(System.Globalization.CultureInfo.InvariantCulture))] : null,
    };

    public static MessageDraft Mail(string from, DateTimeOffset receivedAt) => new()
    {
        Subject = "Protokoll",
        From = new Recipient(new EmailAddress(from, from.Replace(' ', '.') + "@lycksele.se")),
        ReceivedDateTime = receivedAt,
    };
}
