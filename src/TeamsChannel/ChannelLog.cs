using PresenceBot.TeamsChannel.Activities;
using PresenceBot.TeamsChannel.Authentication;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel;

/// <summary>The Teams channel's log messages (event ids 1200–1299). Never log message text, card values or tokens.</summary>
internal static partial class ChannelLog
{
    [LoggerMessage(1200, LogLevel.Warning, "MicrosoftAppId is not set: /api/messages accepts activities without authentication (Bot Framework Emulator, local runs).")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(1201, LogLevel.Information, "Teams channel ready for app {AppId} ({AppType}).")]
    public static partial void AuthenticatedMode(ILogger logger, string appId, MicrosoftAppType appType);

    [LoggerMessage(1202, LogLevel.Warning, "Activity refused: {Reason}.")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(1203, LogLevel.Warning, "Activity from tenant {TenantId} refused: not in Bot:AllowedTenants.")]
    public static partial void TenantRefused(ILogger logger, string? tenantId);

    [LoggerMessage(1204, LogLevel.Information, "Malformed activity refused: {Reason}.")]
    public static partial void Malformed(ILogger logger, string reason);

    [LoggerMessage(1205, LogLevel.Error, "A {ActivityType} turn failed.")]
    public static partial void TurnFailed(ILogger logger, string activityType, Exception exception);

    [LoggerMessage(1206, LogLevel.Information, "Conversation reference stored for {PersonId}.")]
    public static partial void ReferenceStored(ILogger logger, string personId);

    [LoggerMessage(1207, LogLevel.Information, "Conversation reference forgotten for {PersonId} (app removed).")]
    public static partial void ReferenceForgotten(ILogger logger, string personId);

    [LoggerMessage(1208, LogLevel.Warning, "Teams refused a message to {PersonId} ({Status}); the reference is stale until they are heard from again.")]
    public static partial void ReferenceStale(ILogger logger, string personId, int status);

    [LoggerMessage(1209, LogLevel.Information, "Service URL {ServiceUrl} learned from an authenticated activity.")]
    public static partial void ServiceUrlTrusted(ILogger logger, string serviceUrl);

    [LoggerMessage(1210, LogLevel.Warning, "Service URL {ServiceUrl} is not trusted: nothing is sent there (neither the message nor the bot's token).")]
    public static partial void ServiceUrlUntrusted(ILogger logger, string serviceUrl);

    [LoggerMessage(1211, LogLevel.Warning, "Activity from {AadObjectId}, whom the application does not know.")]
    public static partial void UnknownPerson(ILogger logger, string? aadObjectId);

    [LoggerMessage(1212, LogLevel.Warning, "A {ActivityType} activity came with a token that does not vouch for its service URL, which is not trusted: it is not answered and no conversation reference is stored from it.")]
    public static partial void ServiceUrlNotVouched(ILogger logger, string activityType);

    [LoggerMessage(1213, LogLevel.Warning, "Sends to {PersonId} keep failing (Teams throttling or unavailable): paused for {Pause}.")]
    public static partial void ConversationPaused(ILogger logger, string personId, TimeSpan pause);
}
