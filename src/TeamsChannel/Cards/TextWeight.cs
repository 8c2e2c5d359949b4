namespace PresenceBot.TeamsChannel.Cards;

public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}
