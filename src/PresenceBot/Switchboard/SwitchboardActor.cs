namespace PresenceBot.Switchboard;

/// <summary>
/// Who registered a referral through the API, for the audit trail: <c>switchboard[&lt;key name&gt;]:&lt;operator&gt;</c>.
/// The key's name is what the service vouches for; the operator (<c>X-Operator</c>) is what the switchboard says.
/// HTTP headers are ASCII, so names like "Åsa" arrive percent-encoded (UTF-8).
/// </summary>
internal static class SwitchboardActor
{
    public const int MaxOperatorLength = 100;

    public static string Of(string? keyName, string operatorHeader)
    {
        var source = keyName is null ? "switchboard" : $"switchboard[{keyName}]";
        var operatorName = Uri.UnescapeDataString(operatorHeader).Trim();
        return operatorName.Length is > 0 and <= MaxOperatorLength && !operatorName.Any(char.IsControl) ? $"{source}:{operatorName}" : source;
    }
}
