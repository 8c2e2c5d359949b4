namespace PresenceBot.WorkQueue;

/// <summary>The work queue's log messages (event ids 1600–1619). Keys are ids (a person's, an event's), never personal data.</summary>
internal static partial class WorkQueueLog
{
    [LoggerMessage(1600, LogLevel.Warning, "Work {Kind}/{Key} failed (attempt {Attempt}); it will be retried.")]
    public static partial void Failed(ILogger logger, string kind, string key, int attempt, Exception exception);

    [LoggerMessage(1601, LogLevel.Error, "Work {Kind}/{Key} failed {Attempt} times or for too long and is now a dead letter.")]
    public static partial void DeadLettered(ILogger logger, string kind, string key, int attempt, Exception exception);

    [LoggerMessage(1602, LogLevel.Error, "The work queue's {Kind} loop failed; it will try again.")]
    public static partial void LoopFailed(ILogger logger, string kind, Exception exception);

    [LoggerMessage(1603, LogLevel.Warning, "Work {Kind}/{Key} ran but its outcome could not be recorded; its lease will run out and it runs again.")]
    public static partial void OutcomeNotRecorded(ILogger logger, string kind, string key, Exception exception);

    [LoggerMessage(1604, LogLevel.Warning, "Instance {Instance} is gone (its database session ended): {Count} work items it had claimed are free again.")]
    public static partial void DeadInstanceLeasesFreed(ILogger logger, string instance, int count);

    [LoggerMessage(1605, LogLevel.Warning, "This instance could not take its liveness lock; it claims no work until it can.")]
    public static partial void LivenessNotHeld(ILogger logger, Exception exception);

    [LoggerMessage(1606, LogLevel.Debug, "Work {Kind}/{Key} waited for a free slot until too little of its lease was left; it goes back to be claimed afresh.")]
    public static partial void GivenBack(ILogger logger, string kind, string key);
}
