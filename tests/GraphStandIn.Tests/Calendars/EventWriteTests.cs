using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Tests.Calendars;

/// <summary>Graph's own calendar writes over HTTP: POST/PATCH/DELETE /users/{id}/events with extended properties.</summary>
public sealed class EventWriteTests
{
    private const string ReferralProperty = "String {00020329-0000-0000-C000-000000000046} Name PresenceBotReferralId";

    private static object Referral(string referralId = "ref-42") => new
    {
        subject = "SAM: Sammanträde",
        start = new { dateTime = "2026-11-23T09:00:00", timeZone = "W. Europe Standard Time" },
        end = new { dateTime = "2026-11-23T15:00:00", timeZone = "W. Europe Standard Time" },
        showAs = "busy",
        sensitivity = "private",
        isReminderOn = false,
        categories = new[] { "PresenceBot" },
        body = new { contentType = "text", content = "" },
        singleValueExtendedProperties = new[] { new { id = ReferralProperty, value = referralId } },
    };

    private static string Expand(string id) => $"$expand=singleValueExtendedProperties($filter=id eq '{id}')";

    private static async Task<JsonObject> CreateAsync(StandIn standIn, string userId = "anna", object? body = null)
    {
        using var response = await standIn.Http.PostAsJsonAsync($"users/{userId}/events", body ?? Referral());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task Post_Answers201WithTheEvent_OrganizerWithoutAttendees_PropertiesOnlyWhenExpanded()
    {
        await using var standIn = await StandIn.StartAsync();

        var created = await CreateAsync(standIn);

        var id = created["id"]!.GetValue<string>();
        Assert.EndsWith("/$metadata#users('anna')/events/$entity", created["@odata.context"]!.GetValue<string>());
        Assert.Equal("SAM: Sammanträde", created["subject"]!.GetValue<string>());
        Assert.Equal("2026-11-23T08:00:00.0000000", created["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("private", created["sensitivity"]!.GetValue<string>());
        Assert.False(created["isReminderOn"]!.GetValue<bool>());
        Assert.True(created["isOrganizer"]!.GetValue<bool>());
        Assert.Empty(created["attendees"]!.AsArray());
        Assert.Equal("PresenceBot", Assert.Single(created["categories"]!.AsArray())!.GetValue<string>());
        Assert.False(created.ContainsKey("singleValueExtendedProperties"));
        Assert.NotNull(standIn.Server.Calendars.FindEvent("anna", id));

        var read = await standIn.GetJsonAsync($"users/anna/events/{id}?{Expand(ReferralProperty.ToLowerInvariant())}");
        var property = Assert.Single(read["singleValueExtendedProperties"]!.AsArray())!;
        Assert.Equal(ReferralProperty, property["id"]!.GetValue<string>());
        Assert.Equal("ref-42", property["value"]!.GetValue<string>());
        var other = await standIn.GetJsonAsync($"users/anna/events/{id}?{Expand("String {00020329-0000-0000-C000-000000000046} Name Other")}");
        Assert.Empty(other["singleValueExtendedProperties"]!.AsArray());
    }

    [Fact]
    public async Task Patch_MovesAndShortens_KeepsUnnamedProperties_Answers200()
    {
        await using var standIn = await StandIn.StartAsync();
        var id = (await CreateAsync(standIn))["id"]!.GetValue<string>();

        using var response = await standIn.Http.PatchAsJsonAsync($"users/anna/events/{id}", new
        {
            end = new { dateTime = "2026-11-23T11:30:00", timeZone = "Europe/Stockholm" },
            showAs = "oof",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(id, patched["id"]!.GetValue<string>());
        Assert.Equal("2026-11-23T10:30:00.0000000", patched["end"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("oof", patched["showAs"]!.GetValue<string>());
        Assert.Equal("SAM: Sammanträde", patched["subject"]!.GetValue<string>());
        Assert.Equal("ref-42", Assert.Single(standIn.Server.Calendars.FindEvent("anna", id)!.ExtendedProperties).Value);

        using var replaced = await standIn.Http.PatchAsJsonAsync($"users/anna/events/{id}", new
        {
            singleValueExtendedProperties = new[] { new { id = ReferralProperty.ToUpperInvariant(), value = "ref-43" } },
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("ref-43", Assert.Single(standIn.Server.Calendars.FindEvent("anna", id)!.ExtendedProperties).Value);
    }

    [Fact]
    public async Task Delete_Answers204_ThenUnknownIs404ErrorItemNotFound()
    {
        await using var standIn = await StandIn.StartAsync();
        var id = (await CreateAsync(standIn))["id"]!.GetValue<string>();

        using var deleted = await standIn.Http.DeleteAsync($"users/anna/events/{id}");
        using var again = await standIn.Http.DeleteAsync($"users/anna/events/{id}");
        using var patchGone = await standIn.Http.PatchAsJsonAsync($"users/anna/events/{id}", new { subject = "x" });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(standIn.Server.Calendars.FindEvent("anna", id));
        foreach (var response in new[] { again, patchGone })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("ErrorItemNotFound", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task PatchAndDelete_WithAStaleChangeKey_Answer412_WithTheCurrentOne_Succeed()
    {
        await using var standIn = await StandIn.StartAsync();
        var created = await CreateAsync(standIn);
        var id = created["id"]!.GetValue<string>();
        var ours = created["changeKey"]!.GetValue<string>();
        Assert.Equal($"W/\"{ours}\"", created["@odata.etag"]!.GetValue<string>());
        // The person moves it in Outlook: a new version with a new change key.
        var theirs = await standIn.Server.Calendars.UpdateEventAsync("anna", id, new EventDraft { End = new DateTimeTimeZone("2026-11-23T16:00:00", "W. Europe Standard Time") }, CancellationToken.None);

        using var stalePatch = await SendAsync(standIn, HttpMethod.Patch, id, $"W/\"{ours}\"", new { subject = "SAM: Sammanträde", end = new { dateTime = "2026-11-23T10:00:00", timeZone = "UTC" } });
        using var staleDelete = await SendAsync(standIn, HttpMethod.Delete, id, $"W/\"{ours}\"");

        foreach (var response in new[] { stalePatch, staleDelete })
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
            Assert.Equal("ErrorIrresolvableConflict", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        }

        Assert.Equal("2026-11-23T16:00:00", standIn.Server.Calendars.FindEvent("anna", id)!.End.DateTime);
        using var patched = await SendAsync(standIn, HttpMethod.Patch, id, $"W/\"{theirs!.ChangeKey}\"", new { subject = "DIS; Distans" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var now = standIn.Server.Calendars.FindEvent("anna", id)!;
        Assert.Equal("DIS; Distans", now.Subject);
        using var deleted = await SendAsync(standIn, HttpMethod.Delete, id, now.ChangeKey);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(standIn.Server.Calendars.FindEvent("anna", id));
    }

    [Fact]
    public async Task Post_RepeatedTransactionId_AnswersTheEventTheFirstMade_AnotherIdMakesAnother()
    {
        await using var standIn = await StandIn.StartAsync();
        var first = await CreateAsync(standIn, body: WithTransaction("tx-1"));
        var repeated = await CreateAsync(standIn, body: WithTransaction("tx-1"));
        var other = await CreateAsync(standIn, body: WithTransaction("tx-2"));

        Assert.Equal(first["id"]!.GetValue<string>(), repeated["id"]!.GetValue<string>());
        Assert.Equal("tx-1", repeated["transactionId"]!.GetValue<string>());
        Assert.NotEqual(first["id"]!.GetValue<string>(), other["id"]!.GetValue<string>());
        Assert.Equal(2, standIn.Server.Calendars.Events("anna").Count);
    }

    private static JsonObject WithTransaction(string transactionId)
    {
        var body = JsonSerializer.SerializeToNode(Referral())!.AsObject();
        body["transactionId"] = transactionId;
        return body;
    }

    private static async Task<HttpResponseMessage> SendAsync(StandIn standIn, HttpMethod method, string id, string ifMatch, object? body = null)
    {
        using var request = new HttpRequestMessage(method, $"users/anna/events/{id}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await standIn.Http.SendAsync(request);
    }

    [Fact]
    public async Task Post_BadPropertyIdOrWithoutEnd_Answers400()
    {
        await using var standIn = await StandIn.StartAsync();

        using var badId = await standIn.Http.PostAsJsonAsync("users/anna/events", new
        {
            start = new { dateTime = "2026-11-23T09:00:00", timeZone = "UTC" },
            end = new { dateTime = "2026-11-23T10:00:00", timeZone = "UTC" },
            singleValueExtendedProperties = new[] { new { id = "PresenceBotReferralId", value = "1" } },
        });
        using var noEnd = await standIn.Http.PostAsJsonAsync("users/anna/events", new { subject = "x", start = new { dateTime = "2026-11-23T09:00:00", timeZone = "UTC" } });

        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEnd.StatusCode);
        Assert.Empty(standIn.Server.Calendars.Events("anna"));
    }

    [Fact]
    public async Task ListEvents_FilteredOnTheExtendedProperty_FindsOurOwnEvent()
    {
        await using var standIn = await StandIn.StartAsync();
        await standIn.Server.Calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);
        var ours = (await CreateAsync(standIn, body: Referral("ref-7")))["id"]!.GetValue<string>();
        await CreateAsync(standIn, body: Referral("ref-8"));

        var filter = Uri.EscapeDataString($"singleValueExtendedProperties/any(ep: ep/id eq '{ReferralProperty}' and ep/value eq 'REF-7')");
        var found = await standIn.GetJsonAsync($"users/anna/events?$filter={filter}&{Expand(ReferralProperty)}&$select=subject");
        var all = await standIn.GetJsonAsync("users/anna/events");

        var only = Assert.Single(found["value"]!.AsArray())!;
        Assert.Equal(ours, only["id"]!.GetValue<string>());
        Assert.Equal("SAM: Sammanträde", only["subject"]!.GetValue<string>());
        Assert.False(only.AsObject().ContainsKey("start"));
        Assert.Equal("ref-7", only["singleValueExtendedProperties"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(3, all["value"]!.AsArray().Count);

        using var unsupported = await standIn.Http.GetAsync("users/anna/events?$filter=" + Uri.EscapeDataString("subject eq 'x'"));
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
    }

    [Fact]
    public async Task CreatedEvent_IsOrdinary_InCalendarViewAndDelta_WhichCannotExpandProperties()
    {
        await using var standIn = await StandIn.StartAsync();
        const string Window = "startDateTime=2026-11-23T00:00:00Z&endDateTime=2026-11-24T00:00:00Z";
        var first = await standIn.GetJsonAsync($"users/anna/calendarView/delta?{Window}");
        var id = (await CreateAsync(standIn))["id"]!.GetValue<string>();

        var view = await standIn.GetJsonAsync($"users/anna/calendarView?{Window}&{Expand(ReferralProperty)}");
        var changes = await standIn.GetJsonAsync(first["@odata.deltaLink"]!.GetValue<string>());
        using var expanded = await standIn.Http.GetAsync($"users/anna/calendarView/delta?{Window}&{Expand(ReferralProperty)}");

        Assert.Equal("ref-42", Assert.Single(view["value"]!.AsArray())!["singleValueExtendedProperties"]![0]!["value"]!.GetValue<string>());
        var change = Assert.Single(changes["value"]!.AsArray())!;
        Assert.Equal(id, change["id"]!.GetValue<string>());
        Assert.False(change.AsObject().ContainsKey("singleValueExtendedProperties"));
        Assert.Equal(HttpStatusCode.BadRequest, expanded.StatusCode);
    }

    [Fact]
    public async Task DevEvents_ShowExtendedPropertiesAndSensitivity()
    {
        await using var standIn = await StandIn.StartAsync();
        await CreateAsync(standIn);

        using var response = await standIn.DevAsync(HttpMethod.Get, "users/anna/events");

        var only = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.AsArray())!;
        Assert.Equal("private", only["sensitivity"]!.GetValue<string>());
        Assert.Equal(ReferralProperty, only["singleValueExtendedProperties"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("ref-42", only["singleValueExtendedProperties"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Writes_InsideBatch_CreatePatchDelete()
    {
        await using var standIn = await StandIn.StartAsync();
        var existing = (await CreateAsync(standIn))["id"]!.GetValue<string>();
        var gone = (await CreateAsync(standIn, body: Referral("ref-9")))["id"]!.GetValue<string>();

        using var response = await standIn.Http.PostAsJsonAsync("$batch", new
        {
            requests = new object[]
            {
                new { id = "1", method = "POST", url = "/users/anna/events", body = Referral("ref-10"), headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } },
                new { id = "2", method = "PATCH", url = $"/users/anna/events/{existing}", body = new { subject = "DIS; Distans" }, headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } },
                new { id = "3", method = "DELETE", url = $"/users/anna/events/{gone}" },
                new { id = "4", method = "GET", url = $"/users/anna/events/{existing}?{Expand(ReferralProperty)}" },
            },
        });

        var responses = (await response.Content.ReadFromJsonAsync<JsonObject>())!["responses"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>());
        Assert.Equal(201, responses["1"]!["status"]!.GetValue<int>());
        Assert.Equal(200, responses["2"]!["status"]!.GetValue<int>());
        Assert.Equal(204, responses["3"]!["status"]!.GetValue<int>());
        Assert.Equal(200, responses["4"]!["status"]!.GetValue<int>());
        Assert.Equal("ref-42", responses["4"]!["body"]!["singleValueExtendedProperties"]![0]!["value"]!.GetValue<string>());
        var events = standIn.Server.Calendars.Events("anna");
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.Id == responses["1"]!["body"]!["id"]!.GetValue<string>() && e.ExtendedProperties.Single().Value == "ref-10");
        Assert.Equal("DIS; Distans", standIn.Server.Calendars.FindEvent("anna", existing)!.Subject);
    }

    [Fact]
    public async Task Fault_AppliesToEventWrites()
    {
        await using var standIn = await StandIn.StartAsync();
        await standIn.DevAsync(HttpMethod.Post, "faults", new { status = 429, retryAfterSeconds = 3, count = 1, pathPrefix = "/users/anna/events" });

        using var throttled = await standIn.Http.PostAsJsonAsync("users/anna/events", Referral());
        var created = await CreateAsync(standIn);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal(created["id"]!.GetValue<string>(), Assert.Single(standIn.Server.Calendars.Events("anna")).Id);
    }

    [Fact]
    public async Task UnknownUser_WhenNotAccepted_Answers404ErrorInvalidUser()
    {
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { AcceptUnknownUsers = false });

        using var response = await standIn.Http.PostAsJsonAsync("users/nobody/events", Referral());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ErrorInvalidUser", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }
}
