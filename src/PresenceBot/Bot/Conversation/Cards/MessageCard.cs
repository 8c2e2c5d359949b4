using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot.Conversation.Cards;

/// <summary>
/// A card that is the whole answer: a heading and its sentences (and any inputs and buttons). The heading doubles as the
/// notification's preview text, so nothing is said outside the card that could go stale when a button replaces it.
/// </summary>
internal static class MessageCard
{
    public static BotMessage Answer(string heading, IEnumerable<string> lines, IReadOnlyList<CardAction>? actions = null, IEnumerable<CardElement>? more = null) =>
        BotMessage.FromCard(Build(heading, lines, actions, more), heading);

    public static AdaptiveCard Build(string heading, IEnumerable<string> lines, IReadOnlyList<CardAction>? actions = null, IEnumerable<CardElement>? more = null)
    {
        var body = new List<CardElement> { new TextBlock(heading) { Weight = TextWeight.Bolder, Size = TextSize.Medium } };
        body.AddRange(lines.Select(line => new TextBlock(line)));
        body.AddRange(more ?? []);
        return new AdaptiveCard { Body = body, Actions = actions is { Count: > 0 } ? actions : null };
    }
}
