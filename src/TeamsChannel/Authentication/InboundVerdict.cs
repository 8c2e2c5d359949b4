namespace PresenceBot.TeamsChannel.Authentication;

internal enum InboundVerdict
{
    /// <summary>Accepted, and a channel token's <c>serviceurl</c> claim vouches for the activity's service URL: it may be learned.</summary>
    Vouched,

    /// <summary>Accepted, but nothing vouches for the service URL (an Entra token, or anonymous): answered only where already trusted.</summary>
    Accepted,
    Unauthorized,
    Forbidden,
}
