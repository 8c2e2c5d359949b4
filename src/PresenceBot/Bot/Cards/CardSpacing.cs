namespace PresenceBot.Bot.Cards;

public enum CardSpacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}
