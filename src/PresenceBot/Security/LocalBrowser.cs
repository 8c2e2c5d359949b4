using System.Net;

namespace PresenceBot.Security;

/// <summary>
/// What "a browser on this machine" means where no sign-in is configured (the job dashboard, the operator page): a
/// loopback connection that did not come through a proxy. A reverse proxy on the same host connects from loopback too,
/// so a request carrying <c>X-Forwarded-For</c> or <c>Forwarded</c> is refused whatever its address.
/// </summary>
internal static class LocalBrowser
{
    public static bool IsLocal(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote);
    }
}
