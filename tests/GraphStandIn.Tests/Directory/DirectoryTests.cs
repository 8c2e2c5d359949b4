using System.Net;
using System.Text.Json.Nodes;

namespace PresenceBot.GraphStandIn.Tests.Directory;

public sealed class DirectoryTests
{
    [Fact]
    public async Task User_ReadsByIdOrPrincipalName()
    {
        await using var standIn = await StandIn.StartAsync();
        using var created = await standIn.DevAsync(HttpMethod.Post, "users", new { id = "6f1e0c4a-0000-4000-8000-000000000001", displayName = "Anna Andersson", userPrincipalName = "anna@kommun.example" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var byId = await standIn.GetJsonAsync("users/6f1e0c4a-0000-4000-8000-000000000001");
        var byName = await standIn.GetJsonAsync("users/anna@kommun.example");

        Assert.Equal("Anna Andersson", byId["displayName"]!.GetValue<string>());
        Assert.Equal("anna@kommun.example", byId["mail"]!.GetValue<string>());
        Assert.Equal(byId["id"]!.GetValue<string>(), byName["id"]!.GetValue<string>());
        Assert.EndsWith("$metadata#users/$entity", byId["@odata.context"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownUser_Answers404_WhenNotAcceptingUnknownUsers()
    {
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { AcceptUnknownUsers = false });

        using var response = await standIn.Http.GetAsync("users/nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GroupMembers_ListsCurrentMembersAsUsers()
    {
        await using var standIn = await StandIn.StartAsync();
        await standIn.DevAsync(HttpMethod.Post, "groups/team-1/members", new { userIds = new[] { "anna", "bertil", "cecilia" } });
        using var removed = await standIn.DevAsync(HttpMethod.Delete, "groups/team-1/members/bertil");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        var members = await standIn.GetJsonAsync("groups/team-1/members");

        Assert.Equal(["anna", "cecilia"], members["value"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        Assert.Equal("#microsoft.graph.user", members["value"]![0]!["@odata.type"]!.GetValue<string>());
        Assert.Equal("anna@standin.example", members["value"]![0]!["userPrincipalName"]!.GetValue<string>());
    }
}
