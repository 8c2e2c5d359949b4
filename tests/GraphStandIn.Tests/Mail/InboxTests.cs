using System.Net;
using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Mail;

namespace PresenceBot.GraphStandIn.Tests.Mail;

/// <summary><c>GET /users/{id}/mailFolders/inbox/messages</c>: Graph's shape, the voicemail query, paging, and refusals.</summary>
public sealed class InboxTests
{
    /// <summary>Unread mail of either voicemail class, as the product asks for it.</summary>
    private const string UnreadVoicemail =
        "isRead eq false and (singleValueExtendedProperties/any(ep: ep/id eq 'String 0x001A' and ep/value eq 'IPM.Note.Microsoft.Voicemail.UM.CA')"
        + " or singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x001A' and ep/value eq 'IPM.Note.Microsoft.Voicemail.UM'))";

    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Inbox_ListsNewestFirst_InGraphsMessageShape()
    {
        await using var standIn = await StandIn.StartAsync();
        var older = standIn.Server.Mailboxes.Deliver("anna", Drafts.Mail("Bo Ek", Morning));
        var newer = standIn.Server.Mailboxes.Deliver("anna", Drafts.Voicemail("Kim Krona", Morning.AddMinutes(5)));

        var page = await standIn.GetJsonAsync("users/anna/mailFolders/inbox/messages");

        Assert.EndsWith("$metadata#users('anna')/mailFolders('inbox')/messages", (string?)page["@odata.context"], StringComparison.Ordinal);
        var value = page["value"]!.AsArray();
        Assert.Equal([newer.Id, older.Id], value.Select(m => (string?)m!["id"]));
        var voicemail = value[0]!;
        Assert.Equal("2026-11-23T08:05:00Z", (string?)voicemail["receivedDateTime"]);
        Assert.Equal("Kim Krona", (string?)voicemail["from"]!["emailAddress"]!["name"]);
        Assert.Equal("Röstmeddelande från Kim Krona", (string?)voicemail["subject"]);
        Assert.False((bool)voicemail["isRead"]!);
        Assert.True((bool)voicemail["hasAttachments"]!);
        Assert.StartsWith("W/\"", (string?)voicemail["@odata.etag"], StringComparison.Ordinal);
        Assert.Null(voicemail["singleValueExtendedProperties"]);
        // As long as Graph's own ids, which do not fit in 128 characters.
        Assert.InRange(newer.Id.Length, 140, 160);
    }

    [Fact]
    public async Task Filter_UnreadOfEitherVoicemailClass_LeavesOutReadVoicemailAndOrdinaryMail()
    {
        await using var standIn = await StandIn.StartAsync();
        var mailboxes = standIn.Server.Mailboxes;
        var callAnswering = mailboxes.Deliver("anna", Drafts.Voicemail("Kim Krona", Morning));
        var direct = mailboxes.Deliver("anna", Drafts.Voicemail("Sara Nordin", Morning.AddMinutes(1), "ipm.note.microsoft.voicemail.um"));
        var read = mailboxes.Deliver("anna", Drafts.Voicemail("Erik Holm", Morning.AddMinutes(2)) with { IsRead = true });
        mailboxes.Deliver("anna", Drafts.Mail("Bo Ek", Morning.AddMinutes(3)));
        mailboxes.Deliver("anna", Drafts.Voicemail("Fax", Morning.AddMinutes(4), "IPM.Note.Microsoft.Fax.CA"));

        var page = await standIn.GetJsonAsync($"users/anna/mailFolders/inbox/messages?$filter={Uri.EscapeDataString(UnreadVoicemail)}");

        Assert.Equal([direct.Id, callAnswering.Id], page["value"]!.AsArray().Select(m => (string?)m!["id"]));
        Assert.NotNull(mailboxes.MarkRead("anna", callAnswering.Id));
        var after = await standIn.GetJsonAsync($"users/anna/mailFolders/inbox/messages?$filter={Uri.EscapeDataString(UnreadVoicemail)}");
        Assert.Equal([direct.Id], after["value"]!.AsArray().Select(m => (string?)m!["id"]));
        Assert.DoesNotContain(read.Id, after.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectAndExpand_WriteOnlyWhatWasAskedFor_ExtendedPropertiesInGraphsShortForm()
    {
        await using var standIn = await StandIn.StartAsync();
        standIn.Server.Mailboxes.Deliver("anna", Drafts.Voicemail("Kim Krona", Morning, seconds: 17));
        const string expand = "singleValueExtendedProperties($filter=id eq 'String 0x001A' or id eq 'Integer 0x6801' or id eq 'String 0x6802')";

        var page = await standIn.GetJsonAsync(
            $"users/anna/mailFolders/inbox/messages?$select=receivedDateTime,from&$expand={Uri.EscapeDataString(expand)}&$top=10");

        var message = Assert.Single(page["value"]!.AsArray())!.AsObject();
        Assert.Equal(["@odata.etag", "id", "receivedDateTime", "from", "singleValueExtendedProperties"], message.Select(p => p.Key));
        var properties = message["singleValueExtendedProperties"]!.AsArray().ToDictionary(p => (string)p!["id"]!, p => (string?)p!["value"]);
        Assert.Equal(new Dictionary<string, string?> { ["Integer 0x6801"] = "17", ["String 0x1a"] = Drafts.CallAnswering }, properties);
    }

    [Fact]
    public async Task Paging_NextLinksLeadThroughEveryMessageOnce()
    {
        await using var standIn = await StandIn.StartAsync();
        var delivered = Enumerable.Range(0, 5).Select(i => standIn.Server.Mailboxes.Deliver("anna", Drafts.Voicemail($"Ringare {i}", Morning.AddMinutes(i))).Id).ToHashSet();

        var seen = new List<string>();
        var pages = 0;
        string? next = $"users/anna/mailFolders/inbox/messages?$top=2&$filter={Uri.EscapeDataString("isRead eq false")}";
        while (next is not null)
        {
            var page = await standIn.GetJsonAsync(next);
            pages++;
            seen.AddRange(page["value"]!.AsArray().Select(m => (string)m!["id"]!));
            next = (string?)page["@odata.nextLink"];
        }

        Assert.Equal(3, pages);
        Assert.Equal(delivered, seen.ToHashSet());
        Assert.Equal(5, seen.Count);
    }

    [Theory]
    [InlineData("$orderby=receivedDateTime%20desc", "BadRequest")]
    [InlineData("$search=%22kim%22", "BadRequest")]
    [InlineData("$filter=contains(subject,'kim')", "BadRequest")]
    [InlineData("$filter=subject%20eq%20'kim'", "BadRequest")]
    [InlineData("$filter=receivedDateTime%20ge%202026-11-23T00:00:00Z", "BadRequest")]
    [InlineData("$filter=isRead%20eq%20maybe", "BadRequest")]
    [InlineData("$filter=isRead%20eq%20false%20and", "BadRequest")]
    [InlineData("$filter=nosuch%20eq%20true", "RequestBroker--ParseUri")]
    [InlineData("$filter=singleValueExtendedProperties/any(ep:%20ep/id%20eq%20'Colour'%20and%20ep/value%20eq%20'x')", "ErrorInvalidProperty")]
    [InlineData("$select=receivedDateTime,nosuch", "RequestBroker--ParseUri")]
    [InlineData("$expand=attachments", "BadRequest")]
    [InlineData("$expand=singleValueExtendedProperties", "BadRequest")]
    [InlineData("$top=0", "BadRequest")]
    public async Task QueryTheStandInDoesNotServe_IsRefusedWithGraphsError_NotIgnored(string query, string code)
    {
        await using var standIn = await StandIn.StartAsync();
        standIn.Server.Mailboxes.Deliver("anna", Drafts.Voicemail("Kim Krona", Morning));

        using var response = await standIn.Http.GetAsync($"users/anna/mailFolders/inbox/messages?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
    }

    [Fact]
    public async Task OtherFolder_IsRefused_TheInboxByItsIdIsServed()
    {
        await using var standIn = await StandIn.StartAsync();
        var message = standIn.Server.Mailboxes.Deliver("anna", Drafts.Voicemail("Kim Krona", Morning));
        var inboxId = (string)(await standIn.GetJsonAsync("users/anna/mailFolders/inbox/messages"))["value"]![0]!["parentFolderId"]!;

        using var sent = await standIn.Http.GetAsync("users/anna/mailFolders/sentitems/messages");
        var byId = await standIn.GetJsonAsync($"users/anna/mailFolders/{inboxId}/messages");

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Equal(message.Id, (string?)byId["value"]![0]!["id"]);
    }

    [Fact]
    public async Task UnknownUser_WhenUsersMustExist_Is404()
    {
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { AcceptUnknownUsers = false });

        using var response = await standIn.Http.GetAsync("users/nobody/mailFolders/inbox/messages");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ErrorInvalidUser", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Fact]
    public async Task InsideBatch_EachInboxReadHasItsOwnStatus_AFaultHitsOnlyItsMailbox()
    {
        await using var standIn = await StandIn.StartAsync();
        standIn.Server.Mailboxes.Deliver("anna", Drafts.Voicemail("Kim Krona", Morning));
        standIn.Server.Faults.Add(new GraphStandIn.Faults.FaultRule { Status = 429, RetryAfterSeconds = 4, PathPrefix = "/users/bertil/mailFolders" });
        var filter = Uri.EscapeDataString(UnreadVoicemail);

        using var response = await standIn.Http.PostAsync("$batch", System.Net.Http.Json.JsonContent.Create(new
        {
            requests = new[]
            {
                new { id = "1", method = "GET", url = $"/users/anna/mailFolders/inbox/messages?$filter={filter}&$select=receivedDateTime,from" },
                new { id = "2", method = "GET", url = $"/users/bertil/mailFolders/inbox/messages?$filter={filter}" },
            },
        }));

        var responses = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["responses"]!.AsArray().ToDictionary(r => (string)r!["id"]!);
        Assert.Equal(200, (int)responses["1"]!["status"]!);
        Assert.Equal("Kim Krona", (string?)responses["1"]!["body"]!["value"]![0]!["from"]!["emailAddress"]!["name"]);
        Assert.Equal(429, (int)responses["2"]!["status"]!);
        Assert.Equal("4", (string?)responses["2"]!["headers"]!["Retry-After"]);
        Assert.Equal(2, standIn.Server.Stats.RequestsByKind["messages"]);
        Assert.Equal(1, standIn.Server.Stats.FaultsInjected);
    }

    [Fact]
    public async Task DevApi_DeliverThenReadThenDelete_AsInOutlook()
    {
        await using var standIn = await StandIn.StartAsync();

        using var delivered = await standIn.DevAsync(HttpMethod.Post, "users/anna/messages", new
        {
            subject = "Röstmeddelande från 070-123 45 67",
            from = new { emailAddress = new { name = "070-123 45 67" } },
            receivedDateTime = "2026-11-23T08:00:00Z",
            hasAttachments = true,
            messageClass = Drafts.CallAnswering,
            singleValueExtendedProperties = new[] { new { id = "Integer 0x6801", value = "12" } },
        });
        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        var id = (string)JsonNode.Parse(await delivered.Content.ReadAsStringAsync())!["id"]!;

        using var read = await standIn.DevAsync(HttpMethod.Patch, $"users/anna/messages/{id}", new { isRead = true });
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(standIn.Server.Mailboxes.Find("anna", id)!.IsRead);

        using var deleted = await standIn.DevAsync(HttpMethod.Delete, $"users/anna/messages/{id}");
        using var again = await standIn.DevAsync(HttpMethod.Delete, $"users/anna/messages/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(standIn.Server.Mailboxes.Messages("anna"));
    }

    [Theory]
    [InlineData("""{"messageClass":""}""")]
    [InlineData("""{"importance":"urgent"}""")]
    [InlineData("""{"singleValueExtendedProperties":[{"id":"Colour","value":"red"}]}""")]
    public async Task DevApi_BadMessage_Is400AndNothingIsDelivered(string body)
    {
        await using var standIn = await StandIn.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(standIn.Server.DevUrl, "users/anna/messages"))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await standIn.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(standIn.Server.Mailboxes.Messages("anna"));
    }
}
