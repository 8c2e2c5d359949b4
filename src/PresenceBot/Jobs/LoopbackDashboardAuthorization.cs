using System.Net;
using Hangfire.Dashboard;

namespace PresenceBot.Jobs;

/// <summary>The job dashboard shows personal data in job arguments: only loopback sees it unless configured otherwise.</summary>
internal sealed class LoopbackDashboardAuthorization(bool allowRemote) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        if (allowRemote)
        {
            return true;
        }

        var remote = context.GetHttpContext().Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote);
    }
}
