namespace PresenceBot.Bot.Channel;

internal enum InboundVerdict
{
    Accepted,
    Unauthorized,
    Forbidden,
}
