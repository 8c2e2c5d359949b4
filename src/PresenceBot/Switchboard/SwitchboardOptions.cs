namespace PresenceBot.Switchboard;

public sealed class SwitchboardOptions
{
    public const string SectionName = "Switchboard";

    /// <summary>Keys accepted in <c>X-Api-Key</c>. Empty: the API is open (a warning is logged at start).</summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// The shared secret the switchboard signs voicemail webhooks with (HMAC-SHA256 of the raw body). Unset: the
    /// webhook refuses every call (a warning is logged at start) — an unsigned webhook would let anyone fill ledgers.
    /// </summary>
    public string? WebhookSecret { get; set; }
}
