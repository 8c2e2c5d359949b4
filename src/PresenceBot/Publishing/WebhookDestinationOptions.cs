namespace PresenceBot.Publishing;

/// <summary>One receiver of the signed webhook (<c>Publish:Webhooks:{i}</c>).</summary>
public sealed class WebhookDestinationOptions
{
    /// <summary>Names the receiver in logs, metrics and dead letters; defaults to <c>webhook-{i}</c>.</summary>
    public string? Name { get; init; }

    public string? Url { get; init; }

    /// <summary>The HMAC key, at least <see cref="PublishOptionsValidator.MinimumSecretLength"/> characters.</summary>
    public string? Secret { get; init; }

    /// <summary>Only people of these municipalities (ids); empty = everyone.</summary>
    public List<string> Municipalities { get; init; } = [];
}
