using System.Security.Claims;

namespace PresenceBot.OperatorPage;

/// <summary>
/// Who works the page: in the audit trail <c>switchboard[page]:&lt;name&gt; (&lt;UPN&gt;)</c> of the signed-in operator,
/// as Entra ID vouches for them; without sign-in (a browser on the server) <c>switchboard[page]:lokal</c>.
/// </summary>
internal static class OperatorActor
{
    private const int MaxLength = 200;

    public static string Of(ClaimsPrincipal user) => "switchboard[page]:" + Truncate(Describe(user) ?? "lokal");

    /// <summary>The operator's name as the page shows it; null when nobody is signed in.</summary>
    public static string? DisplayName(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? Name(user) ?? Upn(user) ?? user.Identity.Name : null;
    }

    private static string? Describe(ClaimsPrincipal user)
    {
        if (DisplayName(user) is not { } name)
        {
            return null;
        }

        return Upn(user) is { } upn && !string.Equals(upn, name, StringComparison.OrdinalIgnoreCase) ? $"{name} ({upn})" : name;
    }

    private static string? Name(ClaimsPrincipal user) => Clean(user.FindFirst("name")?.Value);

    private static string? Upn(ClaimsPrincipal user) =>
        Clean(user.FindFirst("preferred_username")?.Value ?? user.FindFirst(ClaimTypes.Upn)?.Value ?? user.FindFirst("upn")?.Value);

    private static string? Clean(string? value) =>
        value is null || value.Any(char.IsControl) || string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value) => value.Length <= MaxLength ? value : value[..MaxLength];
}
