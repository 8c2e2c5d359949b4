using System.Text;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// How words are compared: lower case, å/ä→a, ö→o (people on English keyboards write "franvarande", "mote"),
/// dots dropped so "t.o.m." and "tom" are the same word.
/// </summary>
internal static class Folding
{
    public static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            switch (char.ToLowerInvariant(c))
            {
                case '.':
                    break;
                case 'å' or 'ä' or 'à' or 'á':
                    folded.Append('a');
                    break;
                case 'ö' or 'ø' or 'ó':
                    folded.Append('o');
                    break;
                case 'é' or 'è':
                    folded.Append('e');
                    break;
                case 'ü':
                    folded.Append('u');
                    break;
                case var other:
                    folded.Append(other);
                    break;
            }
        }

        return folded.ToString();
    }
}
