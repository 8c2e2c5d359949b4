using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Bot.Conversation;

/// <summary>The conversation's log messages (event ids 1300–1399). Never log message text, notes or card values.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(1300, LogLevel.Information, "Someone not in the organisation wrote to the bot ({AadObjectId}); told whom to contact.")]
    public static partial void NotSetUp(ILogger logger, string? aadObjectId);

    [LoggerMessage(1301, LogLevel.Information, "{PersonId}: {Command} handled.")]
    public static partial void CommandHandled(ILogger logger, string personId, string command);

    [LoggerMessage(1302, LogLevel.Information, "{PersonId}: referral refused by the rules ({Field}); nothing stored.")]
    public static partial void ReferralRefused(ILogger logger, string personId, string field);

    [LoggerMessage(1303, LogLevel.Information, "{PersonId}: stale card ({Verb}); the referral changed since it was shown, nothing overwritten.")]
    public static partial void StaleCard(ILogger logger, string personId, string verb);

    [LoggerMessage(1304, LogLevel.Warning, "{PersonId}: card action with unknown verb {Verb}.")]
    public static partial void UnknownVerb(ILogger logger, string personId, string? verb);

    [LoggerMessage(1305, LogLevel.Information, "{PersonId}: own calendar coupling set to {Coupling}.")]
    public static partial void CouplingChanged(ILogger logger, string personId, CalendarCoupling coupling);

    [LoggerMessage(1306, LogLevel.Information, "{PersonId}: card action {Verb} handed to {Handler}.")]
    public static partial void HandedOver(ILogger logger, string personId, string verb, string handler);

    [LoggerMessage(1307, LogLevel.Information, "{PersonId}: personal answer asked for in a group chat or channel sent to their 1:1 chat ({Delivery}).")]
    public static partial void AnsweredPrivately(ILogger logger, string personId, string delivery);
}
