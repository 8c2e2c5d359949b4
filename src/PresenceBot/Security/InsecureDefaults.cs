using Microsoft.Extensions.Configuration;

namespace PresenceBot.Security;

/// <summary>
/// The settings without which the service is open to anyone: an empty <c>MicrosoftAppId</c> (the bot takes any
/// caller as anyone), empty <c>Switchboard:ApiKeys</c> (the API reads and writes every referral) and an unset
/// <c>Graph:BaseUrl</c> (the built-in stand-in instead of Microsoft Graph). One line per key, for the start-up error.
/// </summary>
internal static class InsecureDefaults
{
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
        {
            problems.Add("MicrosoftAppId is empty: /api/messages would accept anyone as anyone. Set the bot's Entra app id.");
        }

        if (!configuration.GetSection("Switchboard:ApiKeys").GetChildren().Any())
        {
            problems.Add("Switchboard:ApiKeys is empty: the switchboard API would be open. Give at least one named key (Switchboard:ApiKeys:<name>).");
        }

        if (string.IsNullOrWhiteSpace(configuration["Graph:BaseUrl"]))
        {
            problems.Add("Graph:BaseUrl is not set: the built-in Graph stand-in would be used. Set https://graph.microsoft.com/v1.0.");
        }

        return problems;
    }
}
