namespace PresenceBot.TeamsChannel.Authentication;

internal enum InboundVerdict
{
    Accepted,
    Unauthorized,
    Forbidden,
}
