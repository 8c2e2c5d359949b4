using PresenceBot.Referrals.Organisation;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// The bot's conversation: who is writing (their Entra object id, mapped by the channel), then the command or the
/// pressed button. Someone not in the organisation is told whom to contact, and nothing is stored for them.
/// Outside the person's 1:1 chat (a group chat or channel) only general answers (help, not understood) are given where
/// asked; anything personal goes to the 1:1 chat (<see cref="PrivateAnswer"/>).
/// </summary>
internal sealed class TeamsConversation(
    CommandHandler commands,
    CardActionHandler cardActions,
    PrivateAnswer privately,
    ConversationTime time,
    IOrganisationSource organisation,
    ILogger<TeamsConversation> logger)
    : IBotConversation
{
    public const string NotSetUp =
        "Hej! Du är inte upplagd i PresenceBot ännu, så jag kan inte ändra din hänvisning. Kontakta kundtjänst/IT så lägger de till dig.";

    public async Task HandleMessageAsync(IBotTurn turn, CancellationToken cancellationToken)
    {
        if (Context(turn) is not { } context)
        {
            await turn.ReplyAsync(BotMessage.FromText(NotSetUp), cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = turn.Text ?? string.Empty;
        // Action.Submit arrives as a message whose value holds the card's data, the verb included.
        var answer = turn.Value is { } value
            ? await cardActions.HandleAsync(context, new CardSubmission(null, value), cancellationToken).ConfigureAwait(false)
            : await commands.HandleAsync(context, text, cancellationToken).ConfigureAwait(false);
        var general = turn.Value is null && CommandHandler.IsGeneral(text, context.Time);
        await turn.ReplyAsync(await WhereAskedOrPrivatelyAsync(turn, context, answer, general, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<BotMessage> HandleCardActionAsync(IBotTurn turn, CardSubmission submission, CancellationToken cancellationToken)
    {
        if (Context(turn) is not { } context)
        {
            return BotMessage.FromText(NotSetUp);
        }

        var answer = await cardActions.HandleAsync(context, submission, cancellationToken).ConfigureAwait(false);
        return await WhereAskedOrPrivatelyAsync(turn, context, answer, general: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Card answers show one's own referral, so only help and "not understood" count as general.</summary>
    private Task<BotMessage> WhereAskedOrPrivatelyAsync(IBotTurn turn, ConversationContext context, BotMessage answer, bool general, CancellationToken cancellationToken) =>
        turn.IsPersonal || general ? Task.FromResult(answer) : privately.SendAsync(context.Person.Id, answer, cancellationToken);

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
