namespace PresenceBot.Bot.Cards;

public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}
