namespace PresenceBot.Switchboard;

public sealed class SwitchboardOptions
{
    public const string SectionName = "Switchboard";

    /// <summary>Keys accepted in <c>X-Api-Key</c>. Empty: the API is open (a warning is logged at start).</summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];
}
