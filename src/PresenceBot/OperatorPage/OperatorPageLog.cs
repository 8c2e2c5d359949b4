namespace PresenceBot.OperatorPage;

/// <summary>The operator page's log messages (event ids 1740–1759). Never names a person or an operator.</summary>
internal static partial class OperatorPageLog
{
    [LoggerMessage(1740, LogLevel.Warning, "Reading the audit trail for the operator pages' live updates failed; the next read tries again.")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(1741, LogLevel.Information, "Operator page at /switchboard: {Access}.")]
    public static partial void PageAccess(ILogger logger, string access);
}
