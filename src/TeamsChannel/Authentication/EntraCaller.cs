using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace PresenceBot.TeamsChannel.Authentication;

/// <summary>
/// An Entra token of the bot's tenant is only the Bot Framework's when the bot's own app asked for it: <c>appid</c>
/// (v1 tokens) or <c>azp</c> (v2) must be <c>MicrosoftAppId</c>, as the Bot Framework SDK checks. Audience and tenant
/// alone would let any app of the tenant that may ask for a token to the bot's app id speak as the channel.
/// </summary>
internal static class EntraCaller
{
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";
    private const string VersionClaim = "ver";

    public static Task CheckAsync(TokenValidatedContext context)
    {
        var appId = context.HttpContext.RequestServices.GetRequiredService<IOptions<MicrosoftAppOptions>>().Value.MicrosoftAppId;
        var caller = CallerAppId(context.Principal);
        if (caller is null || !string.Equals(caller, appId, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail("The Entra token was not requested by the bot's own app.");
        }

        return Task.CompletedTask;
    }

    /// <summary>v1 tokens (no <c>ver</c>, or <c>1.0</c>) name the caller in <c>appid</c>, v2 tokens in <c>azp</c>; any other version names nobody.</summary>
    private static string? CallerAppId(ClaimsPrincipal? principal) => principal?.FindFirstValue(VersionClaim) switch
    {
        null or "1.0" => principal?.FindFirstValue(AppIdClaim),
        "2.0" => principal.FindFirstValue(AuthorizedPartyClaim),
        _ => null,
    };
}
