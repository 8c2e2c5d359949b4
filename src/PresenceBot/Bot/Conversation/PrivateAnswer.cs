using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// Personal answers (one's own reason and note, voicemail callers, coupling) asked for in a group chat or channel go to
/// the person's 1:1 chat with the bot; the group only hears that they were sent there.
/// </summary>
internal sealed class PrivateAnswer(ITeamsNotifier notifier, ILogger<PrivateAnswer> logger)
{
    public const string SentPrivately = "Jag har skickat svaret till dig privat.";

    public const string NotSentPrivately =
        "Svaret är personligt, så jag skickar det bara i din egen chatt med PresenceBot. Jag når dig inte där just nu: skriv till mig direkt i stället.";

    public async Task<BotMessage> SendAsync(string personId, BotMessage details, CancellationToken cancellationToken)
    {
        var delivery = await notifier.SendAsync(personId, details, cancellationToken).ConfigureAwait(false);
        ConversationLog.AnsweredPrivately(logger, personId, delivery.ToString());
        return BotMessage.FromText(delivery == TeamsDelivery.Sent ? SentPrivately : NotSentPrivately);
    }
}
