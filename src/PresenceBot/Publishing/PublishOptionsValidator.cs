using Microsoft.Extensions.Options;

namespace PresenceBot.Publishing;

/// <summary>A receiver without a usable (in production: https) address or with a guessable secret stops start-up, naming the key.</summary>
internal sealed class PublishOptionsValidator(IHostEnvironment environment) : IValidateOptions<PublishOptions>
{
    public const int MinimumSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, PublishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            var key = $"{PublishOptions.SectionName}:{nameof(PublishOptions.Webhooks)}:{i}";
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{key}:Url must be an absolute http(s) address.");
            }
            else if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback && !environment.IsDevelopment())
            {
                // The payload names the person (name, UPN, extension); the signature protects it from change, not from reading.
                problems.Add($"{key}:Url must be https outside Development (http only to loopback).");
            }

            if ((webhook.Secret?.Length ?? 0) < MinimumSecretLength)
            {
                problems.Add($"{key}:Secret must be at least {MinimumSecretLength} characters (give it in the environment or a secret store).");
            }

            if (!System.Text.RegularExpressions.Regex.IsMatch(WebhookNameOf(options, i), "^[A-Za-z0-9_-]{1,40}$"))
            {
                problems.Add($"{key}:Name may hold only letters a–z, digits, '-' and '_' (at most 40).");
            }
            else if (!names.Add(WebhookNameOf(options, i)))
            {
                problems.Add($"{key}:Name '{WebhookNameOf(options, i)}' is used by another receiver.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static string WebhookNameOf(PublishOptions options, int index) =>
        string.IsNullOrWhiteSpace(options.Webhooks[index].Name) ? $"webhook-{index}" : options.Webhooks[index].Name!.Trim();
}
