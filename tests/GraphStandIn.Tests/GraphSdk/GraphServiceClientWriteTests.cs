using Microsoft.Graph;
using Microsoft.Graph.Users.Item.Presence.SetStatusMessage;
using Graph = Microsoft.Graph.Models;

namespace PresenceBot.GraphStandIn.Tests.GraphSdk;

/// <summary>
/// The real Microsoft.Graph SDK writing to the stand-in: events with an extended property (create, read expanded,
/// find by filter, move, delete, in a batch) and the Teams status message.
/// </summary>
public sealed class GraphServiceClientWriteTests
{
    private const string ReferralProperty = "String {00020329-0000-0000-C000-000000000046} Name PresenceBotReferralId";

    private static readonly string Expand = $"singleValueExtendedProperties($filter=id eq '{ReferralProperty}')";

    private static Graph.Event Referral(string referralId) => new()
    {
        Subject = "SAM: Sammanträde",
        Start = new Graph.DateTimeTimeZone { DateTime = "2026-11-23T09:00:00", TimeZone = "W. Europe Standard Time" },
        End = new Graph.DateTimeTimeZone { DateTime = "2026-11-23T15:00:00", TimeZone = "W. Europe Standard Time" },
        ShowAs = Graph.FreeBusyStatus.Busy,
        Sensitivity = Graph.Sensitivity.Private,
        IsReminderOn = false,
        Body = new Graph.ItemBody { ContentType = Graph.BodyType.Text, Content = "" },
        SingleValueExtendedProperties = [new Graph.SingleValueLegacyExtendedProperty { Id = ReferralProperty, Value = referralId }],
    };

    [Fact]
    public async Task Sdk_CreatesReadsFindsMovesAndDeletesAnEvent_WithItsExtendedProperty()
    {
        await using var standIn = await StandIn.StartAsync();
        using var http = new HttpClient();
        var graph = GraphServiceClientTests.Client(standIn, http);

        var created = await graph.Users["anna"].Events.PostAsync(Referral("ref-1"));
        await graph.Users["anna"].Events.PostAsync(Referral("ref-2"));
        var read = await graph.Users["anna"].Events[created!.Id].GetAsync(r => r.QueryParameters.Expand = [Expand]);
        var found = await graph.Users["anna"].Events.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"singleValueExtendedProperties/any(ep: ep/id eq '{ReferralProperty}' and ep/value eq 'ref-1')";
            r.QueryParameters.Expand = [Expand];
        });
        var moved = await graph.Users["anna"].Events[created.Id].PatchAsync(new Graph.Event
        {
            End = new Graph.DateTimeTimeZone { DateTime = "2026-11-23T11:00:00", TimeZone = "W. Europe Standard Time" },
        });

        Assert.Equal(Graph.Sensitivity.Private, created.Sensitivity);
        Assert.Equal(Graph.FreeBusyStatus.Busy, created.ShowAs);
        Assert.False(created.IsReminderOn);
        Assert.True(created.IsOrganizer);
        Assert.Empty(created.Attendees!);
        var property = Assert.Single(read!.SingleValueExtendedProperties!);
        Assert.Equal(ReferralProperty, property.Id);
        Assert.Equal("ref-1", property.Value);
        Assert.Equal(created.Id, Assert.Single(found!.Value!).Id);
        Assert.Equal("ref-1", found.Value![0].SingleValueExtendedProperties![0].Value);
        Assert.Equal("2026-11-23T10:00:00.0000000", moved!.End!.DateTime);
        Assert.Equal("UTC", moved.End.TimeZone);

        await graph.Users["anna"].Events[created.Id].DeleteAsync();
        var gone = await Assert.ThrowsAsync<Graph.ODataErrors.ODataError>(() => graph.Users["anna"].Events[created.Id].DeleteAsync());
        Assert.Equal(404, gone.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", gone.Error!.Code);
        Assert.Equal("ref-2", Assert.Single(standIn.Server.Calendars.Events("anna")).ExtendedProperties.Single().Value);
    }

    [Fact]
    public async Task Sdk_SetsReadsAndClearsTheStatusMessage()
    {
        await using var standIn = await StandIn.StartAsync();
        using var http = new HttpClient();
        var graph = GraphServiceClientTests.Client(standIn, http);

        var before = await graph.Users["anna"].Presence.GetAsync();
        await graph.Users["anna"].Presence.SetStatusMessage.PostAsync(new SetStatusMessagePostRequestBody
        {
            StatusMessage = new Graph.PresenceStatusMessage
            {
                Message = new Graph.ItemBody { Content = "Är på sammanträde och återkommer klockan 15.00", ContentType = Graph.BodyType.Text },
                ExpiryDateTime = new Graph.DateTimeTimeZone { DateTime = "2099-11-23T15:00:00", TimeZone = "W. Europe Standard Time" },
            },
        });
        var set = await graph.Users["anna"].Presence.GetAsync();
        await graph.Users["anna"].Presence.SetStatusMessage.PostAsync(new SetStatusMessagePostRequestBody
        {
            StatusMessage = new Graph.PresenceStatusMessage { Message = new Graph.ItemBody { Content = "", ContentType = Graph.BodyType.Text } },
        });
        var cleared = await graph.Users["anna"].Presence.GetAsync();

        Assert.Equal("anna", before!.Id);
        Assert.Equal("Available", before.Availability);
        Assert.Null(before.StatusMessage);
        Assert.Equal("Är på sammanträde och återkommer klockan 15.00", set!.StatusMessage!.Message!.Content);
        Assert.Equal(Graph.BodyType.Text, set.StatusMessage.Message.ContentType);
        Assert.Equal("2099-11-23T15:00:00", set.StatusMessage.ExpiryDateTime!.DateTime);
        Assert.NotNull(set.StatusMessage.PublishedDateTime);
        Assert.Null(cleared!.StatusMessage);
    }

    [Fact]
    public async Task Sdk_BatchesAnEventWriteAndAStatusMessage()
    {
        await using var standIn = await StandIn.StartAsync();
        using var http = new HttpClient();
        var graph = GraphServiceClientTests.Client(standIn, http);

        var batch = new BatchRequestContentCollection(graph);
        var eventStep = await batch.AddBatchRequestStepAsync(graph.Users["anna"].Events.ToPostRequestInformation(Referral("ref-3")));
        var statusStep = await batch.AddBatchRequestStepAsync(graph.Users["bertil"].Presence.SetStatusMessage.ToPostRequestInformation(new SetStatusMessagePostRequestBody
        {
            StatusMessage = new Graph.PresenceStatusMessage { Message = new Graph.ItemBody { Content = "Har semester", ContentType = Graph.BodyType.Text } },
        }));
        var response = await graph.Batch.PostAsync(batch);

        var created = await response.GetResponseByIdAsync<Graph.Event>(eventStep);
        var statusCodes = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, statusCodes[statusStep]);
        Assert.Equal("ref-3", standIn.Server.Calendars.FindEvent("anna", created.Id!)!.ExtendedProperties.Single().Value);
        Assert.Equal("Har semester", standIn.Server.Presence.Current("bertil")!.Content);
    }
}
