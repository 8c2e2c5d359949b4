using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Organisation;
using PresenceBot.Referrals.Organisation;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>"/koppling": shows or sets the person's own calendar coupling.</summary>
internal sealed class CouplingReplies(CouplingOverrides overrides, ILogger<CouplingReplies> logger)
{
    public static BotMessage Show(Person person) =>
        BotMessage.FromCard(CouplingCard.Build(person.CalendarCoupling, $"Kalenderkoppling: {CouplingCard.Word(person.CalendarCoupling)}"),
            CouplingCard.Explain(person.CalendarCoupling));

    public async Task<BotMessage> SetAsync(Person person, CalendarCoupling coupling, CancellationToken cancellationToken)
    {
        var updated = await overrides.SetAsync(person.Id, coupling, cancellationToken).ConfigureAwait(false) ?? person;
        ConversationLog.CouplingChanged(logger, person.Id, coupling);
        return BotMessage.FromCard(CouplingCard.Build(updated.CalendarCoupling, $"Kalenderkoppling ändrad till {CouplingCard.Word(coupling)}"),
            CouplingCard.Explain(coupling));
    }
}
