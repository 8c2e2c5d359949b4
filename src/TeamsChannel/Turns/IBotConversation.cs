namespace PresenceBot.TeamsChannel.Turns;

/// <summary>The bot's conversation (the commands). The channel calls it for every message and card action.</summary>
public interface IBotConversation
{
    /// <summary>A message: typed text, or a card submitted with <c>Action.Submit</c> (then <see cref="IBotTurn.Value"/> is set).</summary>
    Task HandleMessageAsync(IBotTurn turn, CancellationToken cancellationToken);

    /// <summary>An <c>Action.Execute</c>: the answer is shown in place of the card (a card) or as a toast (text).</summary>
    Task<BotMessage> HandleCardActionAsync(IBotTurn turn, CardSubmission submission, CancellationToken cancellationToken);
}
