namespace PresenceBot.Security;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Outside Development the service refuses to start open (no bot app id, no API keys, the Graph stand-in).
    /// True lets it start anyway — for a closed test network only — and logs a warning at every start.
    /// </summary>
    public bool AllowInsecure { get; set; }
}
