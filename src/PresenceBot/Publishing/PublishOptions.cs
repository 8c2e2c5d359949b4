namespace PresenceBot.Publishing;

/// <summary>Where referrals are published besides our own API (the <c>Publish</c> section).</summary>
public sealed class PublishOptions
{
    public const string SectionName = "Publish";

    /// <summary>Signed outbound webhooks: every change of a covered person is POSTed to each.</summary>
    public List<WebhookDestinationOptions> Webhooks { get; init; } = [];

    /// <summary>Set the person's Teams status message to what callers hear while a referral is in force.</summary>
    public bool TeamsStatusMessage { get; init; }
}
