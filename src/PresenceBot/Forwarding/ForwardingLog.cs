namespace PresenceBot.Forwarding;

/// <summary>Forwarding notices' log messages (event ids 1760–1769). Ids only: never names or message texts.</summary>
internal static partial class ForwardingLog
{
    [LoggerMessage(1760, LogLevel.Information, "{Kind} to {RecipientId} waits for working hours, until {DueAt}.")]
    public static partial void PutOff(ILogger logger, string kind, string recipientId, NodaTime.Instant dueAt);

    [LoggerMessage(1761, LogLevel.Information, "{Kind} to {RecipientId} dropped: {Why}.")]
    public static partial void Dropped(ILogger logger, string kind, string recipientId, string why);
}
