namespace PresenceBot.Bot.Conversation;

/// <summary>The "/enhet" card's button and its data.</summary>
internal static class UnitVerbs
{
    public const string AskStaff = "unit.askStaff";
    public const string UnitKey = "unitId";
    public const string FromKey = "from";
    public const string ToKey = "to";
}
