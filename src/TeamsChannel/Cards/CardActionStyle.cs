namespace PresenceBot.TeamsChannel.Cards;

public enum CardActionStyle
{
    Default,
    Positive,
    Destructive,
}
