namespace PresenceBot.SignIn;

/// <summary>Authorization policies for pages and endpoints behind the operator sign-in (named after the roles they need).</summary>
internal static class OperatorPolicies
{
    public const string Operator = OperatorRoles.Operator;
    public const string Admin = OperatorRoles.Admin;
}
