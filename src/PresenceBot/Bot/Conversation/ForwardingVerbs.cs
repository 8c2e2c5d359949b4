namespace PresenceBot.Bot.Conversation;

/// <summary>The buttons of forwarding's cards and the data keys they carry.</summary>
internal static class ForwardingVerbs
{
    public const string Pick = "forward.pick";
    public const string Confirm = "forward.confirm";
    public const string Other = "forward.other";
    public const string End = "forward.end";

    /// <summary>The chosen colleague's person id.</summary>
    public const string ColleagueIdKey = "colleagueId";

    /// <summary>The text input where another colleague is named.</summary>
    public const string ColleagueKey = "colleague";

    /// <summary>The forwarding's end (ISO instant) as proposed, so a choice made later keeps the period asked for.</summary>
    public const string UntilKey = "until";

    public static bool Handles(string? verb) => verb is Pick or Confirm or Other or End;
}
