using PresenceBot.Referrals.Organisation;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// "/röstbrevlåda" is answered by whichever <see cref="ICardVerbHandler"/> claims <see cref="CardVerbs.ShowVoicemail"/>,
/// so the voicemail feature owns its own answer; until one is registered the person hears that it is coming.
/// </summary>
internal sealed class VoicemailSeam(IEnumerable<ICardVerbHandler> handlers)
{
    public const string Placeholder = "Röstbrevlådan visas snart här.";

    public Task<BotMessage> ShowAsync(Person person, CancellationToken cancellationToken) =>
        handlers.FirstOrDefault(h => h.Handles(CardVerbs.ShowVoicemail)) is { } handler
            ? handler.HandleAsync(person, new CardSubmission(CardVerbs.ShowVoicemail, null), cancellationToken)
            : Task.FromResult(BotMessage.FromText(Placeholder));
}
