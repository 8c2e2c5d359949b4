namespace PresenceBot.GraphStandIn.Subscriptions;

/// <summary>A change-notification subscription as Graph stores it.</summary>
public sealed record StandInSubscription
{
    public required string Id { get; init; }

    public required string Resource { get; init; }

    /// <summary>Comma-separated: created, updated, deleted.</summary>
    public required string ChangeType { get; init; }

    public required string NotificationUrl { get; init; }

    public string? LifecycleNotificationUrl { get; init; }

    public string? ClientState { get; init; }

    public required DateTimeOffset ExpirationDateTime { get; init; }

    public bool Includes(string changeType) =>
        ChangeType.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(changeType, StringComparer.OrdinalIgnoreCase);

    /// <summary>The user of an <c>/users/{id}/events</c> resource, or null for any other resource.</summary>
    public string? EventsUser()
    {
        var parts = Resource.Trim().Trim('/').Split('/');
        return parts.Length == 3
            && parts[0].Equals("users", StringComparison.OrdinalIgnoreCase)
            && parts[2].Equals("events", StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(parts[1])
            : null;
    }
}
