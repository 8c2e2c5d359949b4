namespace PresenceBot.TeamsChannel.Cards;

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
