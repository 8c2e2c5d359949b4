namespace PresenceBot.Publishing.WriteBack;

/// <summary>Outlook write-back's log messages (event ids 1790–1799). Person ids only: never a subject or a reason.</summary>
internal static partial class WriteBackLog
{
    [LoggerMessage(1790, LogLevel.Information, "A written event of person {PersonId} was changed or deleted in Outlook before our write: it is theirs now and was left as they made it.")]
    public static partial void HandedOver(ILogger logger, string personId);

    [LoggerMessage(1791, LogLevel.Warning, "The clean-up of written events after an organisation change could not be queued; the next change or start-up queues it again.")]
    public static partial void CleanupNotQueued(ILogger logger, Exception exception);

    [LoggerMessage(1792, LogLevel.Information, "Person {PersonId} is no longer written back to: {Count} written events cleaned up.")]
    public static partial void CleanedUp(ILogger logger, string personId, int count);
}
