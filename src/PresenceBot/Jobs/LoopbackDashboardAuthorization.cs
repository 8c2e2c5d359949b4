using Hangfire.Dashboard;
using PresenceBot.Security;

namespace PresenceBot.Jobs;

/// <summary>
/// Without operator sign-in the job dashboard (which shows personal data in job arguments) answers only a browser on
/// this machine (<see cref="LocalBrowser"/>): loopback, never through a proxy.
/// </summary>
internal sealed class LoopbackDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => LocalBrowser.IsLocal(context.GetHttpContext());
}
