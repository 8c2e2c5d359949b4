using System.ComponentModel.DataAnnotations;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Authentication;

public sealed class BotOptions : IValidatableObject
{
    public const string SectionName = "Bot";

    /// <summary>Entra tenant ids whose activities are accepted; empty: any tenant.</summary>
    public IReadOnlyList<string> AllowedTenants { get; set; } = [];

    /// <summary>Service URLs that may receive the bot's token besides those learned from authenticated activities.</summary>
    public IReadOnlyList<string> TrustedServiceUrls { get; set; } = [];

    /// <summary>Proactive messages (reminders, alerts) in flight to Teams at once; the rest wait, so a throttling Teams does not hold every worker.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSends { get; set; } = 4;

    /// <summary>Consecutive failed sends (429/5xx/timeouts after retries) to one person's chat before it is paused.</summary>
    [Range(1, 100)]
    public int FailuresBeforePause { get; set; } = 5;

    /// <summary>How long a conversation that keeps failing is left alone before the next try.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PauseAfterFailures { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where the Bot Framework publishes the keys of channel tokens (configurable so tests run their own issuer).</summary>
    [Required]
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Entra metadata of the bot's tenant; <c>{tenant}</c> is replaced by <c>MicrosoftAppTenantId</c>.</summary>
    [Required]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, url) in new[] { ("ChannelOpenIdMetadataUrl", ChannelOpenIdMetadataUrl), ("EntraOpenIdMetadataUrl", EntraOpenIdMetadataUrl) })
        {
            if (!Uri.TryCreate(url.Replace("{tenant}", "common", StringComparison.Ordinal), UriKind.Absolute, out var uri) || !IsSafe(uri))
            {
                yield return new ValidationResult($"Bot:{key}: '{url}' must be an absolute https URL (http only on loopback).", [key]);
            }
        }

        for (var i = 0; i < TrustedServiceUrls.Count; i++)
        {
            if (ServiceUrl.Normalize(TrustedServiceUrls[i]) is null)
            {
                yield return new ValidationResult($"Bot:TrustedServiceUrls:{i}: '{TrustedServiceUrls[i]}' is not an absolute http(s) URL.", [nameof(TrustedServiceUrls)]);
            }
        }
    }

    /// <summary>Signing keys fetched over plain http could be swapped on the way; only a local test issuer may use it.</summary>
    internal static bool IsSafe(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}
