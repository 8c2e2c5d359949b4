namespace PresenceBot.Bot.Cards;

public enum CardActionStyle
{
    Default,
    Positive,
    Destructive,
}
