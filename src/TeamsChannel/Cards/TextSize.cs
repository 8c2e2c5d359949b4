namespace PresenceBot.TeamsChannel.Cards;

public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}
