using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// One way of writing a command: <see cref="Display"/> as it is shown in suggestions ("/möte"), and
/// <see cref="Folded"/>, its words as the tokenizer folds them ("mote"; "gatt", "for", "dagen").
/// </summary>
internal sealed record CommandWord(string Display, CommandKind Kind, Reason? Reason = null)
{
    public IReadOnlyList<string> Folded { get; } = Display.Split(' ').Select(Folding.Fold).ToArray();
}
