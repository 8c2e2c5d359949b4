namespace PresenceBot.Bot.Cards;

public enum ChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}
