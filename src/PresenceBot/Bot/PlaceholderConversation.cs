namespace PresenceBot.Bot;

/// <summary>
/// Stands in until the commands exist (the conversation issue replaces this registration), so the
/// channel can be installed and tested end to end: every message and card action gets the same answer.
/// </summary>
internal sealed class PlaceholderConversation : IBotConversation
{
    public const string Text = "PresenceBot är installerad. Kommandon kommer snart.";

    public async Task HandleMessageAsync(IBotTurn turn, CancellationToken cancellationToken) =>
        await turn.ReplyAsync(BotMessage.FromText(Text), cancellationToken).ConfigureAwait(false);

    public Task<BotMessage> HandleCardActionAsync(IBotTurn turn, CardSubmission submission, CancellationToken cancellationToken) =>
        Task.FromResult(BotMessage.FromText(Text));
}
