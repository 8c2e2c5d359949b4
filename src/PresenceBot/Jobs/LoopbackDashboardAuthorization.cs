using System.Net;
using Hangfire.Dashboard;

namespace PresenceBot.Jobs;

/// <summary>
/// Without operator sign-in the job dashboard (which shows personal data in job arguments) answers only a browser on
/// this machine: a loopback connection that did not come through a proxy. A reverse proxy on the same host connects
/// from loopback too, so a request carrying <c>X-Forwarded-For</c> or <c>Forwarded</c> is refused whatever its address.
/// </summary>
internal sealed class LoopbackDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote);
    }
}
