using System.Net;
using System.Text.Json.Nodes;

namespace PresenceBot.GraphStandIn.Tests.Directory;

/// <summary>
/// <c>GET /groups/delta?$filter=id eq '…'&amp;$select=members</c> in Graph's shapes: the first round is every
/// current member, a deltaLink round only joiners and leavers, an unknown token 410.
/// </summary>
public sealed class GroupsDeltaTests
{
    private const string KansliOnly = "groups/delta?$filter=id eq 'kansli'&$select=members";

    [Fact]
    public async Task FirstRound_ReturnsTheFilteredGroupsWithMemberIdsOnly_AndADeltaLink()
    {
        await using var standIn = await StandIn.StartAsync();
        await AddAsync(standIn, "kansli", "anna", "bertil");
        await AddAsync(standIn, "ekonomi", "cecilia");
        await AddAsync(standIn, "tom", "david");
        await RemoveAsync(standIn, "tom", "david");

        var page = await standIn.GetJsonAsync("groups/delta?$filter=id eq 'kansli' or id eq 'tom' or id eq 'okänd'&$select=members");

        var groups = page["value"]!.AsArray();
        Assert.Equal(["kansli", "tom"], groups.Select(g => (string?)g!["id"]));
        var members = groups[0]!["members@delta"]!.AsArray();
        Assert.Equal(["anna", "bertil"], members.Select(m => (string?)m!["id"]));
        Assert.All(members, m => Assert.Equal("#microsoft.graph.user", (string?)m!["@odata.type"]));
        Assert.All(members, m => Assert.Equal(2, m!.AsObject().Count));
        Assert.False(groups[1]!.AsObject().ContainsKey("members@delta"), "a group without members has no members@delta");
        Assert.EndsWith("$metadata#groups", (string?)page["@odata.context"]);
        Assert.Contains("/v1.0/groups/delta?$deltatoken=", (string?)page["@odata.deltaLink"]);
        Assert.Null(page["@odata.nextLink"]);
    }

    [Fact]
    public async Task FirstRound_OfALargeGroup_SplitsItsMembersOverPages_WithTheGroupRepeated()
    {
        await using var standIn = await StandIn.StartAsync();
        await AddAsync(standIn, "kansli", "m1", "m2", "m3", "m4", "m5");

        // Two members per group object, two objects per page: kansli three times, over two pages.
        var first = await standIn.GetJsonAsync(KansliOnly, prefer: "odata.maxpagesize=2");
        var second = await standIn.GetJsonAsync((string)first["@odata.nextLink"]!);

        var objects = first["value"]!.AsArray().Concat(second["value"]!.AsArray()).ToList();
        Assert.Equal(3, objects.Count);
        Assert.All(objects, g => Assert.Equal("kansli", (string?)g!["id"]));
        var members = objects.SelectMany(g => g!["members@delta"]!.AsArray()).Select(m => (string?)m!["id"]);
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], members);
        Assert.Null(first["@odata.deltaLink"]);
        Assert.NotNull(second["@odata.deltaLink"]);
        Assert.Equal(1, standIn.Server.Stats.GroupDeltaCalls["full"]);
        Assert.Equal(1, standIn.Server.Stats.GroupDeltaCalls["page"]);
    }

    [Fact]
    public async Task DeltaLink_ReturnsOnlyJoinersAndLeavers_OfChangedGroups()
    {
        await using var standIn = await StandIn.StartAsync();
        await AddAsync(standIn, "kansli", "anna", "bertil");
        await AddAsync(standIn, "ekonomi", "cecilia");
        var initial = await standIn.GetJsonAsync("groups/delta?$filter=id eq 'kansli' or id eq 'ekonomi'&$select=members");

        await AddAsync(standIn, "kansli", "david");
        await RemoveAsync(standIn, "kansli", "anna");
        await AddAsync(standIn, "annan", "erik");
        var changes = await standIn.GetJsonAsync((string)initial["@odata.deltaLink"]!);

        var group = Assert.Single(changes["value"]!.AsArray());
        Assert.Equal("kansli", (string?)group!["id"]);
        var members = group["members@delta"]!.AsArray();
        Assert.Equal(["david", "anna"], members.Select(m => (string?)m!["id"]));
        Assert.Null(members[0]!["@removed"]);
        Assert.Equal("deleted", (string?)members[1]!["@removed"]!["reason"]);
        Assert.Equal(1, standIn.Server.Stats.GroupDeltaCalls["changes"]);

        var quiet = await standIn.GetJsonAsync((string)changes["@odata.deltaLink"]!);
        Assert.Empty(quiet["value"]!.AsArray());
        Assert.NotEqual((string?)changes["@odata.deltaLink"], (string?)quiet["@odata.deltaLink"]);
    }

    [Fact]
    public async Task DeltaLink_ThroughTheDevApi_ReportsAMemberWhoLeftAndCameBackOnlyAsMember()
    {
        await using var standIn = await StandIn.StartAsync();
        await AddAsync(standIn, "kansli", "anna");
        var initial = await standIn.GetJsonAsync(KansliOnly);

        await RemoveAsync(standIn, "kansli", "anna");
        await AddAsync(standIn, "kansli", "anna");
        var changes = await standIn.GetJsonAsync((string)initial["@odata.deltaLink"]!);

        var member = Assert.Single(Assert.Single(changes["value"]!.AsArray())!["members@delta"]!.AsArray());
        Assert.Equal("anna", (string?)member!["id"]);
        Assert.Null(member["@removed"]);
    }

    [Fact]
    public async Task ExpiredOrUnknownToken_Answers410SyncStateNotFound()
    {
        await using var standIn = await StandIn.StartAsync();
        await AddAsync(standIn, "kansli", "anna");
        var initial = await standIn.GetJsonAsync(KansliOnly);

        standIn.Server.ExpireDeltaTokens();
        using var expired = await standIn.Http.GetAsync((string)initial["@odata.deltaLink"]!);
        using var unknown = await standIn.Http.GetAsync("groups/delta?$deltatoken=never-issued");

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, unknown.StatusCode);
        var error = JsonNode.Parse(await expired.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("syncStateNotFound", (string?)error["code"]);
        Assert.Equal(2, standIn.Server.Stats.GroupDeltaCalls["resync"]);

        var again = await standIn.GetJsonAsync(KansliOnly);
        Assert.Equal(["anna"], Assert.Single(again["value"]!.AsArray())!["members@delta"]!.AsArray().Select(m => (string?)m!["id"]));
    }

    [Fact]
    public async Task ASelectWithoutMembers_TracksNoMemberships()
    {
        await using var standIn = await StandIn.StartAsync();
        await AddAsync(standIn, "kansli", "anna");

        var initial = await standIn.GetJsonAsync("groups/delta?$filter=id eq 'kansli'&$select=displayName");
        await AddAsync(standIn, "kansli", "bertil");
        var changes = await standIn.GetJsonAsync((string)initial["@odata.deltaLink"]!);

        Assert.False(Assert.Single(initial["value"]!.AsArray())!.AsObject().ContainsKey("members@delta"));
        Assert.Empty(changes["value"]!.AsArray());
    }

    [Theory]
    [InlineData("displayName eq 'Kansli'")]
    [InlineData("id eq 'a' and id eq 'b'")]
    [InlineData("startswith(id,'a')")]
    public async Task UnsupportedFilter_Answers400(string filter)
    {
        await using var standIn = await StandIn.StartAsync();

        using var response = await standIn.Http.GetAsync($"groups/delta?$filter={Uri.EscapeDataString(filter)}&$select=members");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Request_UnsupportedQuery", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreThanFiftyFilteredGroups_Answers400()
    {
        await using var standIn = await StandIn.StartAsync();
        var filter = string.Join(" or ", Enumerable.Range(1, 51).Select(i => $"id eq 'g{i}'"));

        using var response = await standIn.Http.GetAsync($"groups/delta?$filter={Uri.EscapeDataString(filter)}&$select=members");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task AddAsync(StandIn standIn, string groupId, params string[] userIds)
    {
        using var response = await standIn.DevAsync(HttpMethod.Post, $"groups/{groupId}/members", new { userIds });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task RemoveAsync(StandIn standIn, string groupId, string userId)
    {
        using var response = await standIn.DevAsync(HttpMethod.Delete, $"groups/{groupId}/members/{userId}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
