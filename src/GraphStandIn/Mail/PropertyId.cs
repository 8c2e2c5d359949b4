using System.Globalization;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// An extended property's id. A tagged one (<c>"String 0x001A"</c>) is its type and tag number, so <c>0x001A</c> and
/// <c>0x1a</c> name the same property, and Graph writes it back short (<c>"String 0x1a"</c>). A named property
/// (<c>"String {00020329-0000-0000-C000-000000000046} Name PresenceBotReferralId"</c>, or <c>"… Id 0x8005"</c>) is
/// compared ignoring case, as Exchange does, and written back as it was first written.
/// </summary>
internal readonly record struct PropertyId(string Type, int? Tag, string Text)
{
    public const string MessageClass = "String 0x1a";

    private static readonly string[] Types =
        ["Binary", "Boolean", "Currency", "Double", "Float", "Integer", "Long", "Short", "String", "SystemTime", "ApplicationTime", "CLSID", "Null", "Object"];

    /// <summary>The id as Graph writes it in responses.</summary>
    public string Canonical => Tag is { } tag ? string.Create(CultureInfo.InvariantCulture, $"{Type} 0x{tag:x}") : Text;

    public static PropertyId? Parse(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var parts = id.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var type = Types.FirstOrDefault(t => t.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
        if (type is null || parts.Length < 2)
        {
            return null;
        }

        var rest = parts[1].Trim();
        if (rest.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(rest[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var tag) && tag is > 0 and <= 0xFFFF
                ? new PropertyId(type, tag, id)
                : null;
        }

        // A named property: {guid} Name x, or {guid} Id 0x…
        return rest.StartsWith('{') ? new PropertyId(type, null, $"{type} {rest}") : null;
    }

    public bool Matches(PropertyId other) => Tag is { } tag
        ? other.Tag == tag && Type.Equals(other.Type, StringComparison.OrdinalIgnoreCase)
        : other.Tag is null && Text.Equals(other.Text, StringComparison.OrdinalIgnoreCase);
}
