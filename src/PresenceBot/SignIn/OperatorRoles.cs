using System.Security.Claims;

namespace PresenceBot.SignIn;

/// <summary>
/// The app roles of the operator sign-in (defined on the Entra app registration, assigned to users or groups):
/// operators see and register referrals; admins also see the job dashboard.
/// </summary>
internal static class OperatorRoles
{
    public const string Operator = "Switchboard.Operator";
    public const string Admin = "Switchboard.Admin";

    /// <summary>Entra puts app roles in <c>roles</c>; mapped or not, and whatever the identity's role claim type.</summary>
    public static bool Has(ClaimsPrincipal user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            && (user.IsInRole(role) || user.HasClaim("roles", role) || user.HasClaim(ClaimTypes.Role, role));
    }

    /// <summary>An admin is an operator too.</summary>
    public static bool IsOperator(ClaimsPrincipal user) => Has(user, Operator) || Has(user, Admin);

    public static bool IsAdmin(ClaimsPrincipal user) => Has(user, Admin);
}
