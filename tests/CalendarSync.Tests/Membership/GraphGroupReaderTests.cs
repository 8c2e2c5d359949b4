using PresenceBot.CalendarSync.Membership;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.GraphStandIn.Directory;

namespace PresenceBot.CalendarSync.Tests.Membership;

/// <summary>The reader against Graph's groups/delta JSON, through the Graph SDK the product uses.</summary>
public sealed class GraphGroupReaderTests : IAsyncLifetime
{
    private StandInGraph _graph = null!;
    private GraphGroupReader _reader = null!;

    public async Task InitializeAsync()
    {
        _graph = await StandInGraph.StartAsync();
        _reader = new GraphGroupReader(_graph.Client);
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task ReadAll_OfALargeGroup_MergesEveryObjectGraphSplitItsMembersOver()
    {
        var ids = Enumerable.Range(1, 250).Select(i => $"user-{i:000}").ToList();
        _graph.Server.Directory.AddGroupMembers("grp-stor", ids);

        var read = await _reader.ReadAllAsync("grp-stor", CancellationToken.None);

        Assert.NotNull(read);
        Assert.True(read.IsFull);
        Assert.Equal(ids, read.Joined.Order(StringComparer.Ordinal));
        Assert.Empty(read.Left);
        Assert.Contains("$deltatoken=", read.DeltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadChanges_ReturnsJoinersAndLeavers_AndALinkToGoOnFrom()
    {
        _graph.Server.Directory.AddGroupMembers("grp-kansli", ["anna", "bertil"]);
        var first = await _reader.ReadAllAsync("grp-kansli", CancellationToken.None);
        _graph.Server.Directory.AddGroupMembers("grp-kansli", ["cecilia"]);
        _graph.Server.Directory.RemoveGroupMember("grp-kansli", "anna");

        var changes = await _reader.ReadChangesAsync("grp-kansli", first!.DeltaLink, CancellationToken.None);
        var quiet = await _reader.ReadChangesAsync("grp-kansli", changes!.DeltaLink, CancellationToken.None);

        Assert.False(changes.IsFull);
        Assert.Equal(["cecilia"], changes.Joined);
        Assert.Equal(["anna"], changes.Left);
        Assert.Empty(quiet!.Joined);
        Assert.Empty(quiet.Left);
        Assert.Equal(1, _graph.Server.Stats.GroupDeltaCalls["full"]);
        Assert.Equal(2, _graph.Server.Stats.GroupDeltaCalls["changes"]);
    }

    [Fact]
    public async Task ReadAll_OfAGroupGraphDoesNotKnow_IsNull()
    {
        _graph.Server.Directory.AddGroupMembers("grp-annan", ["anna"]);

        Assert.Null(await _reader.ReadAllAsync("grp-okänd", CancellationToken.None));
    }

    [Fact]
    public async Task ReadChanges_WithALinkGraphNoLongerAccepts_AsksForAFullRead()
    {
        _graph.Server.Directory.AddGroupMembers("grp-kansli", ["anna"]);
        var first = await _reader.ReadAllAsync("grp-kansli", CancellationToken.None);
        _graph.Server.ExpireDeltaTokens();

        await Assert.ThrowsAsync<DeltaExpiredException>(() => _reader.ReadChangesAsync("grp-kansli", first!.DeltaLink, CancellationToken.None));
    }

    [Fact]
    public async Task MembersAndUser_GiveTheUpnAndNameThatDeltaLeavesOut()
    {
        _graph.Server.Directory.AddUser(new StandInUser("id-nina", "Nina Nyman", "nina.nyman@lycksele.se"));
        _graph.Server.Directory.AddGroupMembers("grp-kansli", ["id-nina"]);

        var members = await _reader.MembersAsync("grp-kansli", CancellationToken.None);
        var user = await _reader.UserAsync("id-nina", CancellationToken.None);
        var nobody = await _reader.UserAsync("id-nobody", CancellationToken.None);

        Assert.Equal([new("id-nina", "nina.nyman@lycksele.se", "Nina Nyman")], members);
        Assert.Equal(new("id-nina", "nina.nyman@lycksele.se", "Nina Nyman"), user);
        Assert.Null(nobody);
    }
}
