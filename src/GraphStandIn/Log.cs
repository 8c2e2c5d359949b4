using Microsoft.Extensions.Logging;

namespace PresenceBot.GraphStandIn;

/// <summary>The stand-in's log messages (event ids 9000-9099). Never logs clientState or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Warning, "Notification to {Url} given up after {Attempts} attempts: {Reason}")]
    public static partial void NotificationGivenUp(ILogger logger, string url, int attempts, string reason);

    [LoggerMessage(9002, LogLevel.Information, "Subscription validation against {Url} failed: {Reason}")]
    public static partial void ValidationFailed(ILogger logger, string url, string reason);

    [LoggerMessage(9003, LogLevel.Information, "Graph stand-in listening on {BaseUrl}")]
    public static partial void Listening(ILogger logger, Uri baseUrl);
}
