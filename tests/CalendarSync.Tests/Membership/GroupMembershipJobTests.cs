using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.CalendarSync.Coordination;
using PresenceBot.CalendarSync.Membership;
using PresenceBot.GraphStandIn.Directory;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Tests.Membership;

/// <summary>The round over the real reader and a loopback Graph, with the stores it needs held in memory.</summary>
public sealed class GroupMembershipJobTests : IAsyncLifetime
{
    private readonly InMemoryGroupMembershipStateStore _store = new();
    private readonly PublishedMembers _published = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private StandInGraph _graph = null!;

    public async Task InitializeAsync() => _graph = await StandInGraph.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task FirstRound_OfAGroupWithManyUnknownMembers_LooksThemUpInOneListing_AndAJoinerOnItsOwn()
    {
        _graph.Server.Directory.AddGroupMembers("grp-kansli", [.. Enumerable.Range(1, 12).Select(i => $"user-{i:00}")]);

        await RunAsync("grp-kansli");
        _graph.Server.Directory.AddGroupMembers("grp-kansli", ["user-13"]);
        await RunAsync("grp-kansli");

        var requests = _graph.Server.Stats.RequestsByKind;
        Assert.Equal(1, requests["groupMembers"]);
        Assert.Equal(1, requests["user"]);
        var members = _published.Last["grp-kansli"];
        Assert.Equal(13, members.Count);
        Assert.Contains(new GroupMember("user-13", "user-13@standin.example", "user-13"), members);
        Assert.Equal(13, _store.States["grp-kansli"].Members.Count);
    }

    [Fact]
    public async Task AGroupGraphNoLongerKnows_KeepsItsStoredMembers()
    {
        var kim = new GroupMember("id-kim", "kim.krona@lycksele.se", "Kim Krona");
        var link = new Uri(_graph.Server.BaseUrl, "groups/delta?$deltatoken=from-before").AbsoluteUri;
        var stored = new GroupMembershipState("grp-borta", link, [kim], Instant.FromUtc(2026, 11, 23, 7, 0), Instant.FromUtc(2026, 11, 23, 7, 0));
        await _store.SaveAsync(stored, CancellationToken.None);
        _graph.Server.Directory.AddGroupMembers("grp-annan", ["anna"]);

        await RunAsync("grp-borta");

        // The link was refused (410) and a full read found no such group.
        Assert.Equal(1, _graph.Server.Stats.GroupDeltaCalls["resync"]);
        Assert.Equal(1, _graph.Server.Stats.GroupDeltaCalls["full"]);
        Assert.Equal([kim], _published.Last["grp-borta"]);
        Assert.Same(stored, _store.States["grp-borta"]);
    }

    [Fact]
    public async Task AGroupNoUnitNamesAnyMore_IsDroppedFromTheStore()
    {
        _graph.Server.Directory.AddGroupMembers("grp-kvar", ["anna"]);
        await _store.SaveAsync(new GroupMembershipState("grp-gammal", "link", [], Instant.MinValue, Instant.MinValue), CancellationToken.None);

        await RunAsync("grp-kvar");

        Assert.Equal(["grp-kvar"], _store.States.Keys);
        Assert.Equal(["grp-kvar"], _published.Last.Keys);
    }

    private async Task RunAsync(params string[] groupIds)
    {
        using var publisher = new GroupMembershipPublisher(_store, _published);
        var job = new GroupMembershipJob(
            new GraphGroupReader(_graph.Client),
            _store,
            publisher,
            new FixedOrganisation(groupIds),
            new InProcessClusterLock(),
            Options.Create(new GroupMembershipOptions()),
            _clock,
            NullLogger<GroupMembershipJob>.Instance);
        await job.RunAsync(CancellationToken.None);
    }
}
