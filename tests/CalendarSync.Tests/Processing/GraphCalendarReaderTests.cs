using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.Tests.Membership;
using PresenceBot.GraphStandIn.Directory;

namespace PresenceBot.CalendarSync.Tests.Processing;

public sealed class GraphCalendarReaderTests
{
    /// <summary>
    /// The window's first delta page is built by hand, without the SDK's reflecting configuration callback; this holds
    /// it to what that callback would have asked (the query's names come from the SDK's URL template).
    /// </summary>
    [Fact]
    public void A_window_request_built_by_hand_asks_Graph_what_the_SDK_would()
    {
        using var metrics = new GraphMetrics();
        var endpoint = new GraphEndpoint();
        endpoint.Use(new Uri("http://127.0.0.1:9/v1.0/"));
        using var graph = new GraphClientProvider(endpoint, Options.Create(new GraphOptions()), metrics);
        var reader = new GraphCalendarReader(graph, TimeProvider.System);
        var window = new Interval(Instant.FromUtc(2026, 12, 3, 23, 0), Instant.FromUtc(2026, 12, 17, 23, 0));

        var byHand = reader.WindowRequest("kim.krona@lycksele.se", window);
        var bySdk = graph.Client.Users["kim.krona@lycksele.se"].CalendarView.Delta.ToGetRequestInformation(request =>
        {
            request.QueryParameters.StartDateTime = "2026-12-03T23:00:00Z";
            request.QueryParameters.EndDateTime = "2026-12-17T23:00:00Z";
        });

        Assert.Equal(bySdk.URI, byHand.URI);
        Assert.Equal(["outlook.timezone=\"UTC\"", "odata.maxpagesize=50"], byHand.Headers["Prefer"]);
    }

    /// <summary>The hand-built requests against the stand-in: a window, its delta link, and Graph's 410 once the link expired.</summary>
    [Fact]
    public async Task A_window_then_its_delta_link_are_read_and_an_expired_link_asks_for_a_full_read()
    {
        await using var graph = await StandInGraph.StartAsync();
        graph.Server.Directory.AddUser(new StandInUser("id-kim", "Kim Krona", "kim.krona@lycksele.se"));
        var reader = new GraphCalendarReader(graph.Client, TimeProvider.System);
        var window = new Interval(Instant.FromUtc(2026, 12, 2, 23, 0), Instant.FromUtc(2026, 12, 17, 23, 0));

        var full = await reader.ReadWindowAsync("id-kim", window, CancellationToken.None);
        var changes = await reader.ReadChangesAsync("id-kim", full.DeltaLink, CancellationToken.None);
        graph.Server.ExpireDeltaTokens();

        Assert.True(full.IsFull);
        Assert.False(changes.IsFull);
        Assert.Empty(changes.Events);
        await Assert.ThrowsAsync<DeltaExpiredException>(() => reader.ReadChangesAsync("id-kim", changes.DeltaLink, CancellationToken.None));
    }
}
