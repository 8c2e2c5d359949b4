using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PresenceBot.GraphStandIn.Subscriptions;

namespace PresenceBot.LoadRun.Calendar;

/// <summary>A subscribed person: the stand-in's subscription for their events, and the ids of events they have.</summary>
internal sealed record NotificationTarget(string PersonId, string SubscriptionId, string ClientState, DateTimeOffset ExpiresAt, string[] EventIds);

/// <summary>What the notification load sent and how much of it the webhook accepted.</summary>
internal sealed record NotificationLoadResult(OpenLoopResult Posts, long Accepted);

/// <summary>
/// Posts Graph-shaped change notification collections to the service's webhook on the shared open-loop schedule,
/// each for a random subscribed person and one of their real events, with the subscription's real id and
/// clientState, exactly as Graph would post them. A 202 counts every item of the post as accepted.
/// </summary>
internal sealed class NotificationLoad(HttpClient client, IReadOnlyList<NotificationTarget> targets, int perPost, Guid tenantId)
{
    private static readonly string[] ChangeTypes = ["updated", "updated", "updated", "created", "deleted"];
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static IReadOnlyList<NotificationTarget> Targets(IReadOnlyList<StandInSubscription> subscriptions, IReadOnlyDictionary<string, string[]> eventIds) =>
        subscriptions
            .Select(s => (Subscription: s, Person: s.EventsUser()))
            .Where(s => s.Person is not null && eventIds.ContainsKey(s.Person) && s.Subscription.ClientState is not null)
            .Select(s => new NotificationTarget(s.Person!, s.Subscription.Id, s.Subscription.ClientState!, s.Subscription.ExpirationDateTime, eventIds[s.Person!]))
            .ToList();

    /// <summary>The first <paramref name="focus"/> targets (all when 0): the concentrated pattern aims every notification at them.</summary>
    public static IReadOnlyList<NotificationTarget> Focused(IReadOnlyList<NotificationTarget> targets, int focus) =>
        focus > 0 ? targets.OrderBy(t => t.PersonId, StringComparer.Ordinal).Take(focus).ToList() : targets;

    /// <param name="rate">Notification items per second (POSTs per second: the rate over the items per post).</param>
    public async Task<NotificationLoadResult> RunAsync(double rate, double durationSeconds, int maxNotifications, int workers, CancellationToken cancellationToken)
    {
        long accepted = 0;
        var posts = await OpenLoop.RunAsync(
            rate / perPost,
            durationSeconds,
            Math.Max(1, maxNotifications / perPost),
            workers,
            async (_, random, ct) =>
            {
                using var content = new ByteArrayContent(Body(random));
                content.Headers.ContentType = Json;
                using var response = await client.PostAsync(new Uri("api/graph/notifications", UriKind.Relative), content, ct).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    return $"HTTP {(int)response.StatusCode}";
                }

                Interlocked.Add(ref accepted, perPost);
                return null;
            },
            cancellationToken).ConfigureAwait(false);
        return new NotificationLoadResult(posts, accepted);
    }

    /// <summary>{"value":[…]} with <c>perPost</c> items, shaped like the stand-in's (and Graph's) own notifications.</summary>
    private byte[] Body(Random random)
    {
        using var buffer = new MemoryStream(512 * perPost);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("value");
            for (var i = 0; i < perPost; i++)
            {
                var target = targets[random.Next(targets.Count)];
                var eventId = target.EventIds[random.Next(target.EventIds.Length)];
                var resource = $"Users/{target.PersonId}/Events/{eventId}";
                json.WriteStartObject();
                json.WriteString("subscriptionId", target.SubscriptionId);
                json.WriteString("subscriptionExpirationDateTime", target.ExpiresAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));
                json.WriteString("changeType", ChangeTypes[random.Next(ChangeTypes.Length)]);
                json.WriteString("resource", resource);
                json.WriteStartObject("resourceData");
                json.WriteString("@odata.type", "#Microsoft.Graph.Event");
                json.WriteString("@odata.id", resource);
                json.WriteString("@odata.etag", "W/\"DwAAABYAAAB" + random.Next().ToString("x8", CultureInfo.InvariantCulture) + "\"");
                json.WriteString("id", eventId);
                json.WriteEndObject();
                json.WriteString("clientState", target.ClientState);
                json.WriteString("tenantId", tenantId.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
