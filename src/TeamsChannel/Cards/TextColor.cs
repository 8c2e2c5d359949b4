namespace PresenceBot.TeamsChannel.Cards;

public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}
