namespace PresenceBot.Bot.Conversation.Cards;

/// <summary>Action data with the verb inside it, so the same button works as <c>Action.Execute</c> and <c>Action.Submit</c>.</summary>
internal static class CardActions
{
    public static IReadOnlyDictionary<string, string> Data(string verb, params (string Key, string? Value)[] values)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [CardVerbs.VerbKey] = verb };
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                data[key] = value;
            }
        }

        return data;
    }
}
