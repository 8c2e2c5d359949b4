namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Commands close to a word that is not one: typos ("semster"), swapped letters ("franvarnade") and beginnings
/// ("tjänst" → /tjänsteresa, /tjänsteärende). Compared folded, by optimal-string-alignment distance.
/// </summary>
internal static class CommandSuggester
{
    private const int MaxSuggestions = 3;

    public static IReadOnlyList<string> Suggest(string word)
    {
        var folded = Folding.Fold(word);
        if (folded.Length == 0)
        {
            return [];
        }

        return CommandVocabulary.Words
            .Select(w => (Word: w, Distance: Distance(folded, string.Join(' ', w.Folded))))
            .Where(c => c.Distance <= (folded.Length <= 4 ? 1 : 2))
            .OrderBy(c => c.Distance)
            .Select(c => "/" + c.Word.Display)
            .Distinct()
            .Take(MaxSuggestions)
            .ToArray();
    }

    private static int Distance(string typed, string command)
    {
        // A beginning of at least three letters is as good as one typo: "/sem" surely meant "/semester".
        if (typed.Length >= 3 && command.StartsWith(typed, StringComparison.Ordinal) && typed != command)
        {
            return 1;
        }

        var d = new int[typed.Length + 1, command.Length + 1];
        for (var i = 0; i <= typed.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= command.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            for (var j = 1; j <= command.Length; j++)
            {
                var cost = typed[i - 1] == command[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == command[j - 2] && typed[i - 2] == command[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[typed.Length, command.Length];
    }
}
