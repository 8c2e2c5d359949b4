using System.Globalization;
using Microsoft.Graph.Models;
using NodaTime;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>
/// What to ask Graph for and how to read the answer. The inbox's unread messages of the voicemail classes, found by
/// the message class (MAPI <c>PR_MESSAGE_CLASS</c>, extended property <c>String 0x001A</c>); only the received time and
/// sender are selected — never subject or body — plus the voice message properties of MS-OXOUM the voicemail service
/// may set: <c>PidTagVoiceMessageDuration</c> (<c>Integer 0x6801</c>) and <c>PidTagSenderTelephoneNumber</c>
/// (<c>String 0x6802</c>). They are often absent; then the caller is the sender's name and the length unknown.
/// </summary>
internal sealed class VoicemailMessageQuery
{
    private const int MessageClassTag = 0x001A;
    private const int DurationTag = 0x6801;
    private const int CallerNumberTag = 0x6802;

    private readonly IReadOnlyList<string> _classes;

    public VoicemailMessageQuery(IReadOnlyList<string> messageClasses)
    {
        ArgumentNullException.ThrowIfNull(messageClasses);
        _classes = messageClasses;
        var anyClass = string.Join(" or ", messageClasses.Select(c =>
            $"singleValueExtendedProperties/any(ep: ep/id eq 'String 0x001A' and ep/value eq '{c.Replace("'", "''", StringComparison.Ordinal)}')"));
        Filter = $"isRead eq false and ({anyClass})";
    }

    public string Filter { get; }

    public IReadOnlyList<string> Select { get; } = ["receivedDateTime", "from"];

    public IReadOnlyList<string> Expand { get; } = ["singleValueExtendedProperties($filter=id eq 'String 0x001A' or id eq 'Integer 0x6801' or id eq 'String 0x6802')"];

    /// <summary>
    /// The voicemail in a listed message; null when it can't be one: no id or time, or a message class that is not a
    /// voicemail's (a Graph that ignored the filter must not fill the ledger with ordinary mail).
    /// </summary>
    public MailboxVoicemail? Read(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Id is not { Length: > 0 } id || message.ReceivedDateTime is not { } received)
        {
            return null;
        }

        var properties = message.SingleValueExtendedProperties ?? [];
        if (Property(properties, "String", MessageClassTag) is { } messageClass && !_classes.Contains(messageClass, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var caller = NonBlank(message.From?.EmailAddress?.Name) ?? NonBlank(Property(properties, "String", CallerNumberTag));
        var seconds = int.TryParse(Property(properties, "Integer", DurationTag), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : (int?)null;
        return new MailboxVoicemail(
            id,
            Instant.FromDateTimeOffset(received),
            caller is { Length: > VoicemailMessage.MaxCallerLength } ? caller[..VoicemailMessage.MaxCallerLength] : caller,
            seconds);
    }

    /// <summary>A tagged property's value by type and tag, however Graph spells the id ("String 0x1a", "String 0x001A").</summary>
    private static string? Property(IEnumerable<SingleValueLegacyExtendedProperty> properties, string type, int tag) =>
        properties.FirstOrDefault(p => IsTag(p.Id, type, tag))?.Value;

    private static bool IsTag(string? id, string type, int tag)
    {
        var parts = (id ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && parts[0].Equals(type, StringComparison.OrdinalIgnoreCase)
            && parts[1].StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(parts[1].AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            && value == tag;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
