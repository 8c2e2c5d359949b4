using Hangfire.Dashboard;
using PresenceBot.SignIn;

namespace PresenceBot.Jobs;

/// <summary>
/// With operator sign-in the dashboard's endpoint requires the <see cref="OperatorPolicies.Admin"/> policy (which
/// challenges a visitor to sign in); this is Hangfire's own check of the same, so the dashboard is never open by mistake.
/// </summary>
internal sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => OperatorRoles.IsAdmin(context.GetHttpContext().User);
}
