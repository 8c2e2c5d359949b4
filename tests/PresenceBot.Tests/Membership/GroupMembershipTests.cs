using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Calendar;
using PresenceBot.CalendarSync.Membership;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Directory;

namespace PresenceBot.Tests.Membership;

/// <summary>Issue 3 §7: a unit's Entra ID group adds and removes people without editing the file.</summary>
public sealed class GroupMembershipTests : IAsyncLifetime
{
    private const string Nina = "0d6f5a8e-1111-4c5e-9f60-7a8b9c0d1e2f";
    private readonly string _folder = Directory.CreateTempSubdirectory("presencebot-groups-").FullName;
    private PresenceBotApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var file = Path.Combine(_folder, "organisation.json");
        await File.WriteAllTextAsync(file, """
            {
              "municipalities": [ { "id": "lycksele", "name": "Lycksele kommun" } ],
              "units": [ { "id": "kansli", "name": "Kansli", "municipality": "lycksele", "entraGroupId": "grp-kansli" } ],
              "people": [ { "id": "p1", "upn": "kim.krona@lycksele.se", "name": "Kim Krona", "unit": "kansli" } ]
            }
            """);
        _app = new PresenceBotApplication(new Dictionary<string, string?> { ["Organisation:File"] = file });
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Joiner_IsKnownAndSubscribed_Leaver_IsForgottenAndUnsubscribed()
    {
        var graph = StandIn();
        graph.Directory.AddUser(new StandInUser(Nina, "Nina Nyman", "nina.nyman@lycksele.se"));
        graph.Directory.AddGroupMembers("grp-kansli", [Nina]);

        await RunMembershipJobAsync();

        var (status, body) = await _client.GetJsonAsync("/api/referrals/nina.nyman@lycksele.se");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Nina Nyman", (string?)body!["person"]!["name"]);
        Assert.True(await EventuallyAsync(() => graph.Subscriptions.Any(s => s.Resource.Contains(Nina, StringComparison.OrdinalIgnoreCase))),
            "the joiner's calendar is subscribed");

        graph.Directory.RemoveGroupMember("grp-kansli", Nina);
        await RunMembershipJobAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync("/api/referrals/nina.nyman@lycksele.se")).Status);
        Assert.True(await EventuallyAsync(() => !graph.Subscriptions.Any(s => s.Resource.Contains(Nina, StringComparison.OrdinalIgnoreCase))),
            "the leaver's subscription is removed");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetJsonAsync("/api/referrals/kim.krona@lycksele.se")).Status);
    }

    private GraphStandInServer StandIn() => _app.Services.GetRequiredService<GraphStandInHost>().Server!;

    private Task RunMembershipJobAsync() =>
        _app.Services.GetRequiredService<GroupMembershipJob>().RunAsync(CancellationToken.None);

    /// <summary>Reconciling happens in a job; wait for it, bounded (200 × 50 ms).</summary>
    private async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var round = 0; round < 200; round++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
