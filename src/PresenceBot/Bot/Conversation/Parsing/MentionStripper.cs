using System.Text.RegularExpressions;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Removes a leading bot mention. The channel layer should already have done it, but a mention left in place would
/// make every group-chat command unknown, so the parser does not rely on that.
/// </summary>
internal static partial class MentionStripper
{
    public static string Strip(string text)
    {
        var stripped = text;
        string before;
        do
        {
            before = stripped;
            stripped = LeadingMention().Replace(stripped, "", 1);
        }
        while (stripped != before);

        return stripped.Trim();
    }

    [GeneratedRegex(@"^\s*(<at[^>]*>.*?</at>|@PresenceBot\b)[\s,:]*", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingMention();
}
