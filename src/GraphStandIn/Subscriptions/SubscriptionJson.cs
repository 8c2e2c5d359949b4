using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Subscriptions;

/// <summary>Graph's subscription resource shape.</summary>
internal static class SubscriptionJson
{
    private const string CreatorId = "5c2b1d0e-3a4f-4e6b-9c8d-7f1a2b3c4d5e";

    public static JsonObject Render(StandInSubscription s, Guid applicationId) => new()
    {
        ["id"] = s.Id,
        ["resource"] = s.Resource,
        ["applicationId"] = applicationId.ToString(),
        ["changeType"] = s.ChangeType,
        ["clientState"] = s.ClientState,
        ["notificationUrl"] = s.NotificationUrl,
        ["notificationQueryOptions"] = null,
        ["lifecycleNotificationUrl"] = s.LifecycleNotificationUrl,
        ["expirationDateTime"] = GraphJson.Instant(s.ExpirationDateTime),
        ["creatorId"] = CreatorId,
        ["includeResourceData"] = null,
        ["latestSupportedTlsVersion"] = "v1_2",
        ["encryptionCertificate"] = null,
        ["encryptionCertificateId"] = null,
        ["notificationUrlAppId"] = null,
    };
}
