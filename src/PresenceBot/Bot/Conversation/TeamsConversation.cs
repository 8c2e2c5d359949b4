using PresenceBot.Referrals.Organisation;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// The bot's conversation: who is writing (their Entra object id, mapped by the channel), then the command or the
/// pressed button. Someone not in the organisation is told whom to contact, and nothing is stored for them.
/// </summary>
internal sealed class TeamsConversation(
    CommandHandler commands, CardActionHandler cardActions, ConversationTime time, IOrganisationSource organisation, ILogger<TeamsConversation> logger)
    : IBotConversation
{
    public const string NotSetUp =
        "Hej! Du är inte upplagd i PresenceBot ännu, så jag kan inte ändra din hänvisning. Kontakta kundtjänst/IT så lägger de till dig.";

    public async Task HandleMessageAsync(IBotTurn turn, CancellationToken cancellationToken)
    {
        var answer = Context(turn) is not { } context ? BotMessage.FromText(NotSetUp)
            // Action.Submit arrives as a message whose value holds the card's data, the verb included.
            : turn.Value is { } value ? await cardActions.HandleAsync(context, new CardSubmission(null, value), cancellationToken).ConfigureAwait(false)
            : await commands.HandleAsync(context, turn.Text ?? string.Empty, cancellationToken).ConfigureAwait(false);
        await turn.ReplyAsync(answer, cancellationToken).ConfigureAwait(false);
    }

    public Task<BotMessage> HandleCardActionAsync(IBotTurn turn, CardSubmission submission, CancellationToken cancellationToken) =>
        Context(turn) is { } context
            ? cardActions.HandleAsync(context, submission, cancellationToken)
            : Task.FromResult(BotMessage.FromText(NotSetUp));

    private ConversationContext? Context(IBotTurn turn)
    {
        if (turn.PersonId is not { } id || organisation.Current.FindPerson(id) is not Person person)
        {
            ConversationLog.NotSetUp(logger, turn.AadObjectId);
            return null;
        }

        return new ConversationContext(person, time.For(turn));
    }
}
