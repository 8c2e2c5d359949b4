namespace PresenceBot.TeamsChannel.Cards;

public enum ChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}
