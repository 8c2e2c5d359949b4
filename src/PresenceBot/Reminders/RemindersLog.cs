using PresenceBot.Referrals.Reminders;

namespace PresenceBot.Reminders;

/// <summary>The reminder jobs' log messages (event ids 1400–1499). Never log message texts or callers: they are personal.</summary>
internal static partial class RemindersLog
{
    [LoggerMessage(1400, LogLevel.Information, "{Kind} sent to {RecipientId} (slot {Slot}).")]
    public static partial void Sent(ILogger logger, ReminderKind kind, string recipientId, string slot);

    [LoggerMessage(1401, LogLevel.Debug, "{Kind} to {RecipientId} not delivered ({Delivery}); the claim is given back for the next run.")]
    public static partial void NotReachable(ILogger logger, ReminderKind kind, string recipientId, string delivery);

    [LoggerMessage(1402, LogLevel.Warning, "{Kind} to {RecipientId} failed; the claim is given back for the next run.")]
    public static partial void SendFailed(ILogger logger, ReminderKind kind, string recipientId, Exception exception);

    [LoggerMessage(1403, LogLevel.Debug, "Voicemail reminders: {People} people with unheard voicemail, {Sent} reminders sent.")]
    public static partial void VoicemailRound(ILogger logger, int people, int sent);

    [LoggerMessage(1404, LogLevel.Debug, "Coverage: {Gaps} gaps, {Messages} messages due, {Sent} sent.")]
    public static partial void CoverageRound(ILogger logger, int gaps, int messages, int sent);

    [LoggerMessage(1405, LogLevel.Warning, "Voicemail for {PersonId}, who is not in the organisation file: no reminder.")]
    public static partial void UnknownPerson(ILogger logger, string personId);

    [LoggerMessage(1420, LogLevel.Warning, "A deferred coverage evaluation failed; the minute job evaluates again.")]
    public static partial void DeferredCoverageFailed(ILogger logger, Exception exception);
}
