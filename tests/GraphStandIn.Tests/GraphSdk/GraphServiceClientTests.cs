using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Graph = Microsoft.Graph.Models;

namespace PresenceBot.GraphStandIn.Tests.GraphSdk;

/// <summary>
/// The real Microsoft.Graph SDK (5.92.0) against the stand-in, with no token: proves the JSON shapes, URL templates
/// (<c>delta()</c>), paging links and batch format are Graph's.
/// </summary>
public sealed class GraphServiceClientTests
{
    internal static GraphServiceClient Client(StandIn standIn, HttpClient http) =>
        // Kiota's templates are "{+baseurl}/users/…": the base URL goes in without its trailing slash.
        new(http, new AnonymousAuthenticationProvider(), standIn.Server.BaseUrl.ToString().TrimEnd('/'));

    [Fact]
    public async Task Sdk_ReadsEvent_PagesCalendarView_AndFollowsDelta()
    {
        await using var standIn = await StandIn.StartAsync();
        using var http = new HttpClient();
        var graph = Client(standIn, http);
        var created = await standIn.Server.Calendars.CreateEventAsync(
            "anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00") with { Sensitivity = "private", ShowAs = "oof" }, CancellationToken.None);
        for (var day = 1; day <= 7; day++)
        {
            await standIn.Server.Calendars.CreateEventAsync(
                "anna", Drafts.Meeting($"2026-11-{day:00}T09:00:00", $"2026-11-{day:00}T10:00:00"), CancellationToken.None);
        }

        var read = await graph.Users["anna"].Events[created.Id].GetAsync(r => r.Headers.Add("Prefer", "outlook.timezone=\"W. Europe Standard Time\""));
        Assert.Equal(created.Id, read!.Id);
        Assert.Equal("2026-11-23T09:00:00.0000000", read.Start!.DateTime);
        Assert.Equal("W. Europe Standard Time", read.Start.TimeZone);
        Assert.Equal(Graph.Sensitivity.Private, read.Sensitivity);
        Assert.Equal(Graph.FreeBusyStatus.Oof, read.ShowAs);
        Assert.Equal(Graph.EventType.SingleInstance, read.Type);
        Assert.Equal(Graph.ResponseType.Organizer, read.ResponseStatus!.Response);

        var first = await graph.Users["anna"].CalendarView.GetAsync(r =>
        {
            r.QueryParameters.StartDateTime = "2026-11-01T00:00:00Z";
            r.QueryParameters.EndDateTime = "2026-12-01T00:00:00Z";
            r.QueryParameters.Top = 3;
        });
        var all = new List<Graph.Event>();
        var iterator = PageIterator<Graph.Event, Graph.EventCollectionResponse>.CreatePageIterator(graph, first!, e =>
        {
            all.Add(e);
            return true;
        });
        await iterator.IterateAsync();
        Assert.Equal(8, all.Count);

        var delta = await graph.Users["anna"].CalendarView.Delta.GetAsDeltaGetResponseAsync(r =>
        {
            r.QueryParameters.StartDateTime = "2026-11-01T00:00:00Z";
            r.QueryParameters.EndDateTime = "2026-12-01T00:00:00Z";
        });
        var seen = delta!.Value!.Count;
        while (delta!.OdataNextLink is { } next)
        {
            delta = await graph.Users["anna"].CalendarView.Delta.WithUrl(next).GetAsDeltaGetResponseAsync();
            seen += delta!.Value!.Count;
        }

        Assert.Equal(8, seen);
        Assert.Contains("$deltatoken=", delta.OdataDeltaLink);
        await standIn.Server.Calendars.DeleteEventAsync("anna", created.Id, CancellationToken.None);
        var changes = await graph.Users["anna"].CalendarView.Delta.WithUrl(delta.OdataDeltaLink!).GetAsDeltaGetResponseAsync();
        var removed = Assert.Single(changes!.Value!);
        Assert.Equal(created.Id, removed.Id);
        Assert.True(removed.AdditionalData.ContainsKey("@removed"));
    }

    [Fact]
    public async Task Sdk_CreatesRenewsAndDeletesSubscription_AndParsesTheNotifications()
    {
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { FollowCreatedWithUpdated = false });
        using var http = new HttpClient();
        var graph = Client(standIn, http);

        var subscription = await graph.Subscriptions.PostAsync(new Graph.Subscription
        {
            ChangeType = "created,updated,deleted",
            NotificationUrl = standIn.Receiver.NotificationUrl,
            LifecycleNotificationUrl = standIn.Receiver.LifecycleUrl,
            Resource = "/users/anna/events",
            ExpirationDateTime = TimeProvider.System.GetUtcNow().AddMinutes(4200),
            ClientState = "kiota-state",
        });
        Assert.NotNull(subscription!.Id);
        Assert.Equal("kiota-state", subscription.ClientState);

        var renewed = await graph.Subscriptions[subscription.Id].PatchAsync(new Graph.Subscription
        {
            ExpirationDateTime = TimeProvider.System.GetUtcNow().AddMinutes(4100),
        });
        Assert.Equal(subscription.Id, renewed!.Id);

        await standIn.Server.Calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);
        await WebhookReceiver.WaitUntilAsync(() => !standIn.Receiver.Notifications.IsEmpty, "a notification");
        var json = "{\"value\":[" + standIn.Receiver.Notifications.Single().ToJsonString() + "]}";
        var parsed = await KiotaJsonSerializer.DeserializeAsync<Graph.ChangeNotificationCollection>(json);
        var notification = Assert.Single(parsed!.Value!);
        Assert.Equal(Guid.Parse(subscription.Id!), notification.SubscriptionId);
        Assert.Equal(Graph.ChangeType.Created, notification.ChangeType);
        Assert.Equal("kiota-state", notification.ClientState);
        Assert.NotNull(notification.TenantId);

        await graph.Subscriptions[subscription.Id].DeleteAsync();
        Assert.Empty(standIn.Server.Subscriptions);
        var gone = await Assert.ThrowsAsync<Graph.ODataErrors.ODataError>(() => graph.Subscriptions[subscription.Id].DeleteAsync());
        Assert.Equal(404, gone.ResponseStatusCode);
        Assert.Equal("ResourceNotFound", gone.Error!.Code);
    }

    [Fact]
    public async Task Sdk_BatchRequestContent_ReadsEachResponse()
    {
        await using var standIn = await StandIn.StartAsync();
        using var http = new HttpClient();
        var graph = Client(standIn, http);
        var created = await standIn.Server.Calendars.CreateEventAsync(
            "anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);

        var batch = new BatchRequestContentCollection(graph);
        var eventStep = await batch.AddBatchRequestStepAsync(graph.Users["anna"].Events[created.Id].ToGetRequestInformation());
        var userStep = await batch.AddBatchRequestStepAsync(graph.Users["bertil"].ToGetRequestInformation());
        var response = await graph.Batch.PostAsync(batch);

        var e = await response.GetResponseByIdAsync<Graph.Event>(eventStep);
        var user = await response.GetResponseByIdAsync<Graph.User>(userStep);
        Assert.Equal(created.Id, e.Id);
        Assert.Equal("bertil", user.Id);
    }

    [Fact]
    public async Task Sdk_ThrowsODataErrorWithStatusOnInjected429()
    {
        await using var standIn = await StandIn.StartAsync();
        // The SDK's own retry handler honours Retry-After; one 429 with Retry-After 0 is retried transparently.
        standIn.Server.Faults.Add(new GraphStandIn.Faults.FaultRule { Status = 429, RetryAfterSeconds = 0, Count = 1 });
        using var http = GraphClientFactory.Create();
        var graph = Client(standIn, http);

        var user = await graph.Users["anna"].GetAsync();

        Assert.Equal("anna", user!.Id);
        Assert.Equal(1, standIn.Server.Stats.FaultsInjected);
    }

    [Fact]
    public async Task Sdk_ReadsUnreadVoicemailFromTheInbox_WithFilterSelectExpandAndTop()
    {
        await using var standIn = await StandIn.StartAsync();
        using var http = new HttpClient();
        var graph = Client(standIn, http);
        var voicemail = standIn.Server.Mailboxes.Deliver("anna", Drafts.Voicemail("Kim Krona", new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), seconds: 9));
        standIn.Server.Mailboxes.Deliver("anna", Drafts.Mail("Bo Ek", new DateTimeOffset(2026, 11, 23, 8, 1, 0, TimeSpan.Zero)));

        var page = await graph.Users["anna"].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"isRead eq false and singleValueExtendedProperties/any(ep: ep/id eq 'String 0x001A' and ep/value eq '{Drafts.CallAnswering}')";
            r.QueryParameters.Select = ["receivedDateTime", "from"];
            r.QueryParameters.Expand = ["singleValueExtendedProperties($filter=id eq 'String 0x001A' or id eq 'Integer 0x6801')"];
            r.QueryParameters.Top = 25;
            r.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        });

        var message = Assert.Single(page!.Value!);
        Assert.Equal(voicemail.Id, message.Id);
        Assert.Equal("Kim Krona", message.From!.EmailAddress!.Name);
        Assert.Equal(voicemail.ReceivedDateTime, message.ReceivedDateTime);
        Assert.Null(message.Subject);
        Assert.Equal(["9", Drafts.CallAnswering], message.SingleValueExtendedProperties!.Select(p => p.Value).Order(StringComparer.Ordinal));
    }
}
