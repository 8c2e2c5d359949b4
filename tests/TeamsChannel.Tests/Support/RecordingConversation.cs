using System.Collections.Concurrent;
using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>A conversation that remembers what reached it and answers with a fixed text (or a card for the verb "card").</summary>
public sealed class RecordingConversation : IBotConversation
{
    public const string Answer = "Uppfattat.";

    public ConcurrentQueue<IBotTurn> Messages { get; } = new();

    public ConcurrentQueue<(IBotTurn Turn, CardSubmission Submission)> CardActions { get; } = new();

    public bool Fail { get; set; }

    public async Task HandleMessageAsync(IBotTurn turn, CancellationToken cancellationToken)
    {
        Messages.Enqueue(turn);
        if (Fail)
        {
            throw new InvalidOperationException("The conversation broke (test).");
        }

        var sent = await turn.ReplyAsync(BotMessage.FromText(Answer), cancellationToken);
        if (turn.Text == "uppdatera" && sent is not null)
        {
            await turn.UpdateAsync(sent, BotMessage.FromCard(new AdaptiveCard { Body = [new TextBlock("Uppdaterad.")] }), cancellationToken);
        }
    }

    public Task<BotMessage> HandleCardActionAsync(IBotTurn turn, CardSubmission submission, CancellationToken cancellationToken)
    {
        CardActions.Enqueue((turn, submission));
        return Task.FromResult(submission.Verb == "card"
            ? BotMessage.FromCard(new AdaptiveCard { Body = [new TextBlock("Hänvisning sparad.")] })
            : BotMessage.FromText(Answer));
    }
}
