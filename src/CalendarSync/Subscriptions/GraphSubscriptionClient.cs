using System.Net;
using Microsoft.Graph.Models.ODataErrors;
using NodaTime;
using PresenceBot.CalendarSync.Graph;
using GraphSubscription = Microsoft.Graph.Models.Subscription;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary><see cref="ISubscriptionClient"/> over the Graph SDK.</summary>
internal sealed class GraphSubscriptionClient(GraphClientProvider graph) : ISubscriptionClient
{
    public const string ChangeTypes = "created,updated,deleted";

    public async Task<(string Id, Instant ExpiresAt)> CreateAsync(
        string resource, Uri notificationUrl, Uri lifecycleUrl, string clientState, Instant expiresAt, CancellationToken cancellationToken)
    {
        var created = await graph.Client.Subscriptions.PostAsync(
            new GraphSubscription
            {
                ChangeType = ChangeTypes,
                Resource = resource,
                NotificationUrl = notificationUrl.AbsoluteUri,
                LifecycleNotificationUrl = lifecycleUrl.AbsoluteUri,
                ClientState = clientState,
                ExpirationDateTime = expiresAt.ToDateTimeOffset(),
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (created?.Id is not { } id)
        {
            throw new InvalidOperationException("Graph created a subscription without an id.");
        }

        return (id, created.ExpirationDateTime is { } expiry ? Instant.FromDateTimeOffset(expiry) : expiresAt);
    }

    public async Task<bool> RenewAsync(string subscriptionId, Instant expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            await graph.Client.Subscriptions[subscriptionId]
                .PatchAsync(new GraphSubscription { ExpirationDateTime = expiresAt.ToDateTimeOffset() }, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await graph.Client.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
