using PresenceBot.Referrals.Organisation;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot;

/// <summary>
/// Handles card actions whose verb belongs to another feature (e.g. <c>voicemail.heard</c> on a reminder
/// card). The conversation hands an action to the handler that claims its verb, so features add buttons
/// without the conversation knowing them.
/// </summary>
public interface ICardVerbHandler
{
    bool Handles(string verb);

    /// <summary>The answer replaces the card (a card) or shows as a toast (text).</summary>
    Task<BotMessage> HandleAsync(Person person, CardSubmission submission, CancellationToken cancellationToken);
}
