using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PresenceBot.CalendarSync.Membership;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Directory;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.Organisation;
using PresenceBot.Tests.Calendar;

namespace PresenceBot.Tests.Membership;

/// <summary>
/// Issue 3 §7: a unit's Entra ID group couples joiners and uncouples leavers without editing the file, kept current
/// with Graph's groups/delta. Graph outlives our process, so each test runs its own stand-in (Graph:BaseUrl) and a
/// restart meets the same Graph, as in production; no Hangfire server, so only the rounds the test runs happen.
/// </summary>
public sealed class GroupMembershipTests : IAsyncLifetime
{
    private const string Nina = "0d6f5a8e-1111-4c5e-9f60-7a8b9c0d1e2f";
    private const string Olle = "0d6f5a8e-2222-4c5e-9f60-7a8b9c0d1e2f";
    private const string Pia = "0d6f5a8e-3333-4c5e-9f60-7a8b9c0d1e2f";
    private const string Quinn = "0d6f5a8e-4444-4c5e-9f60-7a8b9c0d1e2f";
    private const string KimUpn = "kim.krona@lycksele.se";

    private readonly string _folder = Directory.CreateTempSubdirectory("presencebot-groups-").FullName;
    private GraphStandInServer _graph = null!;

    private string OrganisationFile => Path.Combine(_folder, "organisation.json");

    private string HostFolder => Path.Combine(_folder, "host");

    public async Task InitializeAsync()
    {
        _graph = await GraphStandInServer.StartAsync(
            new GraphStandInOptions { Port = 0, TimeProvider = new FakeTimeProvider(PresenceBotApplication.MondayMorning) }, CancellationToken.None);
        _graph.Directory.AddUser(new StandInUser(Nina, "Nina Nyman", "nina.nyman@lycksele.se"));
        _graph.Directory.AddUser(new StandInUser(Olle, "Olle Ohlsson", "olle.ohlsson@lycksele.se"));
        _graph.Directory.AddUser(new StandInUser(Pia, "Pia Persson", "pia.persson@lycksele.se"));
        _graph.Directory.AddUser(new StandInUser(Quinn, "Quinn Qvist", "quinn.qvist@lycksele.se"));
        await WriteOrganisationAsync(("kansli", "grp-kansli"));
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_joiner_is_coupled_and_a_leaver_uncoupled_by_a_delta_round()
    {
        _graph.Directory.AddGroupMembers("grp-kansli", [Nina]);
        await using var host = await StartAsync(coupled: 2);
        var (status, body) = await host.Client.GetJsonAsync("/api/referrals/nina.nyman@lycksele.se");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Nina Nyman", (string?)body!["person"]!["name"]);
        await SubscribedAsync(host, Nina);

        _graph.Directory.AddGroupMembers("grp-kansli", [Olle]);
        _graph.Directory.RemoveGroupMember("grp-kansli", Nina);
        await RunRoundAsync(host);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "olle.ohlsson@lycksele.se"));
        await SubscribedAsync(host, Olle);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, "nina.nyman@lycksele.se"));
        await UnsubscribedAsync(host, Nina);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, KimUpn));
        Assert.Equal(1, Calls("full"));
        Assert.Equal(1, Calls("changes"));
        Assert.Equal(1, await host.CountAsync("group_members"));
        Assert.Equal(1, await host.CountAsync("group_members", $"UserId = '{Olle}' AND Upn = 'olle.ohlsson@lycksele.se'"));
    }

    [Fact]
    public async Task After_a_restart_the_stored_members_count_before_Graph_answers_and_the_stored_delta_link_is_used()
    {
        _graph.Directory.AddGroupMembers("grp-kansli", [Nina]);
        await using (var first = await StartAsync(coupled: 2))
        {
            await SubscribedAsync(first, Nina);
        }

        _graph.Directory.AddGroupMembers("grp-kansli", [Olle]);
        var fullReads = Calls("full");
        _graph.Faults.Add(new FaultRule { Status = 403, PathPrefix = "/groups/delta" });
        await using var second = await StartAsync(coupled: 2);
        await Eventually.TrueAsync(() => Task.FromResult(second.App.Logs.Lines.Any(l => l.Contains("[1113]", StringComparison.Ordinal))), "the start-up round refused by Graph");

        // Known from the database alone: Graph has not answered this process about the group.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(second, "nina.nyman@lycksele.se"));
        Assert.NotNull(await second.FindSubscriptionAsync(Nina));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(second, "olle.ohlsson@lycksele.se"));

        await RunRoundAsync(second);

        Assert.Equal(fullReads, Calls("full"));
        Assert.Equal(1, Calls("changes"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(second, "olle.ohlsson@lycksele.se"));
        await SubscribedAsync(second, Olle);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(second, "nina.nyman@lycksele.se"));
    }

    [Fact]
    public async Task When_Graph_refuses_the_delta_link_the_group_is_read_in_full_again()
    {
        _graph.Directory.AddGroupMembers("grp-kansli", [Nina]);
        await using var host = await StartAsync(coupled: 2);

        _graph.ExpireDeltaTokens();
        _graph.Directory.RemoveGroupMember("grp-kansli", Nina);
        _graph.Directory.AddGroupMembers("grp-kansli", [Olle]);
        await RunRoundAsync(host);

        Assert.Equal(1, Calls("resync"));
        Assert.Equal(2, Calls("full"));
        Assert.Contains(host.App.Logs.Lines, l => l.Contains("[1115]", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "olle.ohlsson@lycksele.se"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, "nina.nyman@lycksele.se"));
        await SubscribedAsync(host, Olle);
        await UnsubscribedAsync(host, Nina);

        // The new link works: the next round is a delta round again.
        await RunRoundAsync(host);
        Assert.Equal(1, Calls("changes"));
        Assert.Equal(2, Calls("full"));
    }

    [Fact]
    public async Task A_group_Graph_refuses_keeps_its_members_and_holds_up_no_other_group()
    {
        await WriteOrganisationAsync(("kansli", "grp-kansli"), ("ekonomi", "grp-ekonomi"));
        _graph.Directory.AddGroupMembers("grp-kansli", [Nina]);
        _graph.Directory.AddGroupMembers("grp-ekonomi", [Olle]);
        await using var host = await StartAsync(coupled: 3);

        _graph.Directory.AddGroupMembers("grp-kansli", [Pia]);
        _graph.Directory.AddGroupMembers("grp-ekonomi", [Quinn]);
        // Groups are read in the file's order: the first one's round is refused.
        _graph.Faults.Add(new FaultRule { Status = 403, PathPrefix = "/groups/delta" });
        await RunRoundAsync(host);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "quinn.qvist@lycksele.se"));
        await SubscribedAsync(host, Quinn);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, "pia.persson@lycksele.se"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "nina.nyman@lycksele.se"));
        Assert.Contains(host.App.Logs.Lines, l => l.Contains("[1113]", StringComparison.Ordinal) && l.Contains("grp-kansli", StringComparison.Ordinal));

        await RunRoundAsync(host);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "pia.persson@lycksele.se"));
        await SubscribedAsync(host, Pia);
    }

    [Fact]
    public async Task A_group_the_file_no_longer_names_takes_its_members_and_its_stored_state_with_it()
    {
        _graph.Directory.AddGroupMembers("grp-kansli", [Nina]);
        await using var host = await StartAsync(coupled: 2);
        Assert.Equal(1, await host.CountAsync("group_membership_states"));

        await WriteOrganisationAsync(("kansli", null));
        host.App.Services.GetRequiredService<FileOrganisationSource>().Reload();

        // At once, by the file: no Graph round needed to uncouple.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, "nina.nyman@lycksele.se"));
        await UnsubscribedAsync(host, Nina);

        await RunRoundAsync(host);

        Assert.Equal(0, await host.CountAsync("group_membership_states"));
        Assert.Equal(0, await host.CountAsync("group_members"));
        Assert.Contains(host.App.Logs.Lines, l => l.Contains("[1117]", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, KimUpn));
    }

    [Fact]
    public async Task Each_group_is_read_in_full_again_once_GroupMembership_FullReadHours_have_passed()
    {
        _graph.Directory.AddGroupMembers("grp-kansli", [Nina]);
        await using var host = await StartAsync(coupled: 2, new Dictionary<string, string?> { ["GroupMembership:FullReadHours"] = "2" });

        await RunRoundAsync(host);
        host.App.Clock.Advance(TimeSpan.FromHours(1));
        await RunRoundAsync(host);
        Assert.Equal(1, Calls("full"));
        Assert.Equal(2, Calls("changes"));

        host.App.Clock.Advance(TimeSpan.FromHours(1));
        await RunRoundAsync(host);

        Assert.Equal(2, Calls("full"));
        Assert.Equal(2, Calls("changes"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "nina.nyman@lycksele.se"));
    }

    private Task<CalendarTestHost> StartAsync(int coupled, IDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Organisation:File"] = OrganisationFile };
        return CalendarTestHost.StartAsync(merged, HostFolder, runServer: false, graph: _graph, coupled: coupled);
    }

    /// <summary>The organisation file: Kim in the first unit, each unit naming the group given (or none).</summary>
    private Task WriteOrganisationAsync(params (string Unit, string? Group)[] units)
    {
        var unitJson = string.Join(",\n", units.Select(u =>
            $$"""    { "id": "{{u.Unit}}", "name": "{{u.Unit}}", "municipality": "lycksele"{{(u.Group is null ? "" : $", \"entraGroupId\": \"{u.Group}\"")}} }"""));
        return File.WriteAllTextAsync(OrganisationFile, $$"""
            {
              "municipalities": [ { "id": "lycksele", "name": "Lycksele kommun" } ],
              "units": [
            {{unitJson}}
              ],
              "people": [ { "id": "p1", "upn": "{{KimUpn}}", "name": "Kim Krona", "unit": "{{units[0].Unit}}" } ]
            }
            """);
    }

    private static Task RunRoundAsync(CalendarTestHost host) =>
        host.App.Services.GetRequiredService<GroupMembershipJob>().RunAsync(CancellationToken.None);

    private static async Task<HttpStatusCode> StatusAsync(CalendarTestHost host, string upn) =>
        (await host.Client.GetJsonAsync($"/api/referrals/{upn}")).Status;

    private long Calls(string round) => _graph.Stats.GroupDeltaCalls.GetValueOrDefault(round);

    /// <summary>Reconciling runs beside the round; wait for its result in our database and at Graph.</summary>
    private async Task SubscribedAsync(CalendarTestHost host, string personId) =>
        await Eventually.TrueAsync(
            async () => await host.FindSubscriptionAsync(personId) is not null && _graph.Subscriptions.Any(s => s.Resource.Contains(personId, StringComparison.OrdinalIgnoreCase)),
            $"{personId} subscribed");

    private async Task UnsubscribedAsync(CalendarTestHost host, string personId) =>
        await Eventually.TrueAsync(
            async () => await host.FindSubscriptionAsync(personId) is null && !_graph.Subscriptions.Any(s => s.Resource.Contains(personId, StringComparison.OrdinalIgnoreCase)),
            $"{personId} unsubscribed");
}
