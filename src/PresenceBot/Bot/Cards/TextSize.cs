namespace PresenceBot.Bot.Cards;

public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}
