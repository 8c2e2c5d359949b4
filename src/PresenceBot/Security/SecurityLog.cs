namespace PresenceBot.Security;

/// <summary>Security and sign-in messages (event ids 1080–1099). Never names a person, a key or a secret.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(1080, LogLevel.Warning, "Security:AllowInsecure is true in {Environment}: the service starts without the settings that close it. Open: {Open}")]
    public static partial void RunningInsecure(ILogger logger, string environment, string open);

    [LoggerMessage(1081, LogLevel.Information, "Operator sign-in with Entra ID is configured: /hangfire requires the role Switchboard.Admin.")]
    public static partial void SignInConfigured(ILogger logger);

    [LoggerMessage(1082, LogLevel.Information, "Operator sign-in is not configured (AzureAd:ClientId): /hangfire answers loopback requests only, never through a proxy.")]
    public static partial void SignInNotConfigured(ILogger logger);

    [LoggerMessage(1083, LogLevel.Warning, "Switchboard:AcceptUnsignedTimestamp is true: voicemail webhooks signed over the body alone are accepted, and such a call can be replayed.")]
    public static partial void VoicemailWebhookReplayable(ILogger logger);
}
