using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.WorkingTime;
using PresenceBot.TeamsChannel.Tests.Support;
using PresenceBot.Tests.Hosting;
using PresenceBot.Tests.Publishing;
using PresenceBot.Tests.Storage;
using PresenceBot.Voicemail;
using static PresenceBot.Tests.ScaleOut.ScaleOutOrganisation;

namespace PresenceBot.Tests.ScaleOut;

/// <summary>
/// Issue 15 §3: two service processes on one PostgreSQL, behind a loopback front door for Graph. Graph notifications,
/// Teams commands, voicemail events, switchboard writes and publishing are spread over both; one is killed with
/// SIGKILL half-way and started again. Then nothing accepted is lost or done twice, and a "/koppling" taken by one is
/// in force on the other within the refresh interval. Real time, loopback only, bounded.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string ApiKey = "two-instances-api-key-0123456789abcdef";
    private const string WebhookSecret = "two-instances-voicemail-secret-0123456789";
    private const string PublishSecret = "two-instances-publish-secret-0123456789ab";
    private const int RefreshSeconds = 2;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<string> _acceptedCommands = [];
    private readonly Dictionary<string, DateTimeOffset> _bookingEnds = new(StringComparer.Ordinal);
    private Storage.TestDatabase? _database;
    private GraphStandInServer? _graph;
    private ConnectorStandIn? _connector;
    private SigningReceiver? _receiver;
    private FrontDoor? _door;
    private ServiceInstance? _a;
    private ServiceInstance? _b;
    private string _folder = "";
    private int _activities;

    private ServiceInstance A => _a!;

    private ServiceInstance B => _b!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in new[] { _a, _b })
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }

        if (_door is not null)
        {
            await _door.DisposeAsync();
        }

        if (_graph is not null)
        {
            await _graph.DisposeAsync();
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _http.Dispose();
        if (_folder.Length > 0)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [OnPostgres]
    public async Task Two_instances_one_killed_midway_lose_nothing_and_do_nothing_twice(DbProvider provider)
    {
        await StartEverythingAsync(provider);
        var now = TimeProvider.System.GetUtcNow();
        var workingTime = ReminderTimeAhead(now);

        // Both started together: one set of subscriptions (the reconcile lock), made by whichever came first.
        await WaitUntilAsync(() => Task.FromResult(CoupledSubscriptions().Count == CalendarPeople.Count + 1), "everyone coupled is subscribed");

        // 1. Both up: everything spread over both.
        var writes = new List<Task<(DateTimeOffset From, bool Stored)>>();
        await Task.WhenAll(
            NotifyAsync(A, B),
            CommandAsync(BotPeople[0], "/distans idag", A),
            CommandAsync(BotPeople[1], "/distans idag", B),
            CommandAsync(VoicemailPeople[0], "hjälp", A),
            CommandAsync(VoicemailPeople[1], "hjälp", B));
        var voicemailAt = TimeProvider.System.GetUtcNow();
        await Task.WhenAll(VoicemailAsync("vm-0", VoicemailPeople[0], A, B), VoicemailAsync("vm-1", VoicemailPeople[1], B, A));
        writes.AddRange(Enumerable.Range(0, 6).Select(i => WriteSlotAsync(i, i % 2 == 0 ? A : B)));
        await Task.WhenAll(writes);

        // 2. A is killed with whatever it had claimed; B carries on alone, and bookings move (Graph posts via the front door).
        A.Kill();
        await MoveBookingsAsync(now, CalendarPeople.Take(3));
        await Task.WhenAll(
            NotifyAsync(B),
            CommandAsync(BotPeople[0], "/tillbaka", B),
            VoicemailAsync("vm-0", VoicemailPeople[0], B));
        writes.AddRange(Enumerable.Range(6, 3).Select(i => WriteSlotAsync(i, B)));
        await Task.WhenAll(writes);

        // 3. A again, and everything over both once more.
        A.Restart();
        await A.WaitReadyAsync(_http, StartLimit);
        await MoveBookingsAsync(now.AddMinutes(5), CalendarPeople.Skip(3));
        await Task.WhenAll(NotifyAsync(B, A), CommandAsync(BotPeople[1], "/tillbaka", A));
        writes.AddRange(Enumerable.Range(9, 6).Select(i => WriteSlotAsync(i, i % 2 == 0 ? A : B)));
        await Task.WhenAll(writes);

        // 4. "/koppling av" taken by A is in force on B within the refresh interval (B answers "/koppling" from its own state).
        await CommandAsync(CouplingPerson, "/koppling av", A);
        var changed = Stopwatch.GetTimestamp();
        var seenOnB = await WaitForCouplingOnAsync(B, "av", TimeSpan.FromSeconds(RefreshSeconds * 3 + 5));
        Assert.True(seenOnB, $"B still shows the old coupling {Stopwatch.GetElapsedTime(changed).TotalSeconds:F1} s after A took the change");

        // Everything accepted is worked off, on either instance.
        // (Publishing timers for the return times wait in the queue until then: only what is due counts.)
        await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM work_items WHERE \"DueAt\" <= now()") == 0, "the work queue is worked off", SettleLimit, WorkItemsAsync);
        await WaitUntilAsync(() => Task.FromResult(CoupledSubscriptions().Count == CalendarPeople.Count), "the uncoupled person's subscription is gone");

        await AssertCalendarReferralsAsync();
        await AssertCommandsAnsweredOnceAsync();
        await AssertNoWriteLostAsync(await Task.WhenAll(writes));
        await AssertOneSetOfSubscriptionsAsync();
        await AssertPublishedInOrderAndCompleteAsync();
        await AssertRemindersOnceAsync(workingTime, voicemailAt);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM work_dead_letters"));
    }

    private async Task StartEverythingAsync(DbProvider provider)
    {
        _folder = Directory.CreateTempSubdirectory("presencebot-two-instances-").FullName;
        var organisationFile = Path.Combine(_folder, "organisation.json");
        await File.WriteAllTextAsync(organisationFile, Json());
        // Empty: both instances start together and migrate it (one after the other, under the migration lock).
        _database = await Storage.TestDatabase.CreateAsync(provider, migrate: false);
        _graph = await GraphStandInServer.StartAsync(new GraphStandInOptions { Port = 0 }, CancellationToken.None);
        _connector = await ConnectorStandIn.StartAsync();
        _receiver = await SigningReceiver.StartAsync(PublishSecret, () => TimeProvider.System.GetUtcNow());
        _door = await FrontDoor.StartAsync();
        await BookAsync(TimeProvider.System.GetUtcNow(), CalendarPeople);

        string[] settings =
        [
            $"--Organisation:File={organisationFile}",
            $"--Organisation:RefreshSeconds={RefreshSeconds}",
            "--Storage:Provider=Postgres",
            $"--ConnectionStrings:PresenceBot={_database.ConnectionString}",
            $"--Switchboard:ApiKeys:test={ApiKey}",
            $"--Switchboard:WebhookSecret={WebhookSecret}",
            "--Security:AllowInsecure=true",
            $"--Graph:BaseUrl={_graph.BaseUrl.AbsoluteUri.TrimEnd('/')}",
            "--Graph:Credential=None",
            $"--Graph:PublicBaseUrl={_door.BaseUrl}",
            "--Publish:Webhooks:0:Name=vaxeln",
            $"--Publish:Webhooks:0:Url={_receiver.Url}",
            $"--Publish:Webhooks:0:Secret={PublishSecret}",
            $"--Bot:TrustedServiceUrls:0={_connector.ServiceUrl}",
            "--Reminders:VoicemailFirstAfter=00:01:00",
            "--WorkQueue:DeadInstanceCheck=00:00:01",
            "--Logging:LogLevel:Default=Warning",
            // A race of first writes for one person ends in a unique violation the store retries; EF logs each as an error.
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Update=Critical",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Critical",
        ];
        _a = ServiceInstance.Start("A", settings);
        _b = ServiceInstance.Start("B", settings);
        _door.Route(A.BaseAddress, B.BaseAddress);
        await Task.WhenAll(A.WaitReadyAsync(_http, StartLimit), B.WaitReadyAsync(_http, StartLimit));
    }

    /// <summary>A meeting for each person from half an hour ago to a return time of their own, within the hour or two.</summary>
    private async Task BookAsync(DateTimeOffset now, IEnumerable<ScaleOutPerson> people)
    {
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            var end = Minute(now.AddMinutes(60 + (10 * i)));
            await _graph!.Calendars.CreateEventAsync(person.Id, Meeting(now.AddMinutes(-30), end), CancellationToken.None);
            _bookingEnds[person.Id] = end;
        }
    }

    /// <summary>Each person's meeting ends 40 minutes later than it did; the stand-in tells Graph's subscriber.</summary>
    private async Task MoveBookingsAsync(DateTimeOffset now, IEnumerable<ScaleOutPerson> people)
    {
        foreach (var person in people)
        {
            var booked = Assert.Single(_graph!.Calendars.Events(person.Id));
            var end = _bookingEnds[person.Id].AddMinutes(40);
            await _graph.Calendars.UpdateEventAsync(person.Id, booked.Id, Meeting(now.AddMinutes(-30), end), CancellationToken.None);
            _bookingEnds[person.Id] = end;
        }
    }

    private static EventDraft Meeting(DateTimeOffset start, DateTimeOffset end) => new()
    {
        Subject = "SAM: Budgetberedning",
        ShowAs = "busy",
        Start = new DateTimeTimeZone(Wall(start), "UTC"),
        End = new DateTimeTimeZone(Wall(end), "UTC"),
    };

    /// <summary>Two Graph-shaped notifications per subscribed calendar person, each posted to the instances in turn.</summary>
    private async Task NotifyAsync(params ServiceInstance[] instances)
    {
        var subscriptions = CoupledSubscriptions().Where(s => _bookingEnds.ContainsKey(s.Person)).ToList();
        var posts = subscriptions.SelectMany(s => new[] { s, s }).Select(async (s, i) =>
        {
            var eventId = Assert.Single(_graph!.Calendars.Events(s.Person)).Id;
            var body = new JsonObject
            {
                ["value"] = new JsonArray(new JsonObject
                {
                    ["subscriptionId"] = s.Id,
                    ["changeType"] = "updated",
                    ["resource"] = $"Users/{s.Person}/Events/{eventId}",
                    ["resourceData"] = new JsonObject { ["@odata.type"] = "#Microsoft.Graph.Event", ["id"] = eventId },
                    ["clientState"] = s.ClientState,
                    ["tenantId"] = "7b1c7a1e-5d3b-4f57-9d1e-5e0a8f3c2b11",
                }),
            };
            using var response = await _http.PostAsJsonAsync(new Uri(instances[i % instances.Length].BaseAddress, "api/graph/notifications"), body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        });
        await Task.WhenAll(posts);
    }

    private async Task CommandAsync(ScaleOutPerson person, string text, ServiceInstance instance)
    {
        var activityId = $"act-{Interlocked.Increment(ref _activities):D4}";
        var message = Message(person, activityId, text, _connector!.ServiceUrl);
        using var content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(instance.BaseAddress, "api/messages"), content);
        Assert.True(response.IsSuccessStatusCode, $"{text} answered {(int)response.StatusCode}");
        lock (_acceptedCommands)
        {
            _acceptedCommands.Add(activityId);
        }
    }

    /// <summary>The switchboard's signed voicemail event, posted to each of <paramref name="instances"/> (a retried delivery).</summary>
    private async Task VoicemailAsync(string id, ScaleOutPerson person, params ServiceInstance[] instances)
    {
        var bytes = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = id,
            ["person"] = person.Upn,
            ["receivedAt"] = TimeProvider.System.GetUtcNow().AddMinutes(-40).ToString("O", CultureInfo.InvariantCulture),
            ["caller"] = "070-123 45 67",
            ["state"] = "new",
        }.ToJsonString());
        foreach (var instance in instances)
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            content.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeaderName, timestamp);
            content.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(timestamp, bytes, WebhookSecret));
            using var response = await _http.PostAsync(new Uri(instance.BaseAddress, "api/switchboard/voicemail"), content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>
    /// An operator's referral for the switchboard person in an hour-long slot of its own tomorrow, through
    /// <paramref name="instance"/>: all of them race on one person's version. True when it was answered as stored.
    /// </summary>
    private async Task<(DateTimeOffset From, bool Stored)> WriteSlotAsync(int slot, ServiceInstance instance)
    {
        var from = SlotStart(slot);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(instance.BaseAddress, $"api/referrals/{SwitchboardPerson.Upn}/manual"))
        {
            Content = JsonContent.Create(new
            {
                reason = "meeting",
                from = from.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                until = from.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            }),
        };
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await _http.SendAsync(request);
        return (from, response.StatusCode == HttpStatusCode.OK);
    }

    private static DateTimeOffset SlotStart(int slot)
    {
        var tomorrow = TimeProvider.System.GetUtcNow().Date.AddDays(1);
        return new DateTimeOffset(tomorrow, TimeSpan.Zero).AddHours(2 * slot);
    }

    private async Task<bool> WaitForCouplingOnAsync(ServiceInstance instance, string word, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            var before = _connector!.Requests.Count;
            await CommandAsync(CouplingPerson, "/koppling", instance);
            var reply = await ReplyToLastAsync(before);
            if (reply.Contains($"Kalenderkoppling: {word}", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }

    private async Task<string> ReplyToLastAsync(int before)
    {
        var activityId = $"act-{Volatile.Read(ref _activities):D4}";
        string? reply = null;
        await WaitUntilAsync(
            () =>
            {
                reply = _connector!.Requests.Skip(before).FirstOrDefault(r => r.Path.EndsWith("/" + activityId, StringComparison.Ordinal))?.Body?.ToJsonString();
                return Task.FromResult(reply is not null);
            },
            "the reply to " + activityId,
            TimeSpan.FromSeconds(10));
        return reply!;
    }

    private async Task AssertCalendarReferralsAsync()
    {
        foreach (var person in CalendarPeople)
        {
            var status = await StatusAsync(person, A);
            Assert.Equal("referred", (string?)status["state"]);
            Assert.Equal("calendar", (string?)status["source"]);
            Assert.Equal("meeting", (string?)status["reason"]);
            // The meeting's end, or the next working morning when it ends after working hours (rule 4's calendar).
            var expected = Calendar().NormalizeReturn(NodaTime.Instant.FromDateTimeOffset(_bookingEnds[person.Id])).ToDateTimeOffset();
            Assert.Equal(expected, DateTimeOffset.Parse((string)status["returnsAt"]!, CultureInfo.InvariantCulture));
        }

        foreach (var person in BotPeople)
        {
            // "/distans idag" on one instance, "/tillbaka" on the other (or on B while A was dead).
            Assert.Equal("available", (string?)(await StatusAsync(person, B))["state"]);
        }
    }

    private Task AssertCommandsAnsweredOnceAsync()
    {
        var replies = _connector!.Requests.Where(r => r.Method == "POST" && !r.Path.EndsWith("/activities", StringComparison.Ordinal))
            .Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..])
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var activityId in _acceptedCommands)
        {
            Assert.True(replies.TryGetValue(activityId, out var count) && count == 1, $"{activityId} was answered {replies.GetValueOrDefault(activityId)} times");
        }

        return Task.CompletedTask;
    }

    private async Task AssertNoWriteLostAsync(IReadOnlyList<(DateTimeOffset From, bool Stored)> writes)
    {
        var stored = writes.Where(w => w.Stored).Select(w => w.From).ToList();
        Assert.NotEmpty(stored);
        var from = SlotStart(0).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var to = SlotStart(0).AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var timeline = await GetJsonAsync(B, $"api/referrals/{SwitchboardPerson.Upn}/timeline?from={from}&to={to}");
        var starts = timeline["segments"]!.AsArray()
            .Where(s => (string?)s!["source"] == "switchboard")
            .Select(s => DateTimeOffset.Parse((string)s!["from"]!, CultureInfo.InvariantCulture))
            .ToHashSet();
        foreach (var slot in stored)
        {
            Assert.Contains(slot, starts);
        }
    }

    private async Task AssertOneSetOfSubscriptionsAsync()
    {
        var inGraph = CoupledSubscriptions();
        Assert.Equal(CalendarPeople.Select(p => p.Id).Order(StringComparer.Ordinal), inGraph.Select(s => s.Person).Order(StringComparer.Ordinal));
        Assert.Equal(inGraph.Count, await CountAsync("SELECT COUNT(*) FROM graph_subscriptions"));
    }

    /// <summary>
    /// Per person the receiver saw sequences only rising (a repeat of the last one, when a killed instance delivered but
    /// could not record it, is acknowledged and ignored), and the last one it took is the state in force now.
    /// </summary>
    private async Task AssertPublishedInOrderAndCompleteAsync()
    {
        foreach (var refused in _receiver!.Refused)
        {
            var numbers = refused.Split(' ').Select(w => long.TryParse(w, out var n) ? n : -1).Where(n => n >= 0).ToList();
            Assert.True(numbers.Count == 2 && numbers[0] == numbers[1], $"the receiver refused a delivery: {refused}");
        }

        // Those whose referrals changed (the voicemail and coupling people's did not).
        foreach (var person in CalendarPeople.Concat(BotPeople).Append(SwitchboardPerson))
        {
            var delivered = _receiver.Accepted.Where(d => (string?)d["person"]!["id"] == person.Id).ToList();
            Assert.NotEmpty(delivered);
            var sequences = delivered.Select(d => (long)d["sequence"]!).ToList();
            Assert.Equal(sequences.Order(), sequences);
            var status = await StatusAsync(person, B);
            Assert.Equal((string?)status["state"], (string?)delivered[^1]["state"]);
            Assert.Equal((string?)status["reason"], (string?)delivered[^1]["reason"]);
        }
    }

    /// <summary>
    /// The voicemail of each person was posted twice (to both instances, and again while one was dead): one reminder
    /// each, from whichever instance's minutely job came first — when the organisation's calendar lets reminders out.
    /// </summary>
    private async Task AssertRemindersOnceAsync(bool workingTime, DateTimeOffset voicemailAt)
    {
        var expected = workingTime ? VoicemailPeople.Count : 0;
        if (workingTime)
        {
            await WaitUntilAsync(() => Task.FromResult(Proactive().Count >= expected), "a reminder for each voicemail",
                TimeSpan.FromSeconds(150) - (TimeProvider.System.GetUtcNow() - voicemailAt));
        }

        var proactive = Proactive();
        Assert.Equal(expected, proactive.Count);
        Assert.Equal(proactive.Count, proactive.Select(r => r.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected, await CountAsync("SELECT COUNT(*) FROM sent_reminders WHERE \"Kind\" LIKE 'Voicemail%'"));
    }

    private List<ConnectorRequest> Proactive() =>
        [.. _connector!.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal))];

    /// <summary>Whether a reminder may go out for the next few minutes by the test organisation's calendar (not on a holiday).</summary>
    private static bool ReminderTimeAhead(DateTimeOffset now)
    {
        var calendar = Calendar();
        return Enumerable.Range(0, 5).All(m => calendar.IsWithinWorkingHours(NodaTime.Instant.FromDateTimeOffset(now.AddMinutes(m))));
    }

    private static WorkingCalendar Calendar() => new(OrganisationFile.Parse(Json(), "organisation.json"));

    private List<(string Id, string Person, string ClientState)> CoupledSubscriptions() =>
        [.. _graph!.Subscriptions.Select(s => (s.Id, Person: s.EventsUser() ?? "", ClientState: s.ClientState ?? "")).Where(s => s.Person.Length > 0)];

    private Task<JsonNode> StatusAsync(ScaleOutPerson person, ServiceInstance instance) => GetJsonAsync(instance, $"api/referrals/{person.Upn}");

    private async Task<JsonNode> GetJsonAsync(ServiceInstance instance, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance.BaseAddress, path));
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>What is left in the work queue, for a failure message.</summary>
    private async Task<string> WorkItemsAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"Kind\", \"Key\", \"Attempts\", \"DueAt\", \"LeaseOwner\", \"LeaseUntil\", \"LastError\" FROM work_items", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new StringBuilder("work_items now:" + Environment.NewLine);
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                rows.Append(reader.IsDBNull(i) ? "-" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append(" | ");
            }

            rows.AppendLine();
        }

        return rows.ToString();
    }

    private async Task WaitUntilAsync(Func<Task<bool>> done, string what, TimeSpan? limit = null, Func<Task<string>>? explain = null)
    {
        var started = Stopwatch.GetTimestamp();
        var bound = limit ?? TimeSpan.FromSeconds(45);
        while (!await done())
        {
            if (Stopwatch.GetElapsedTime(started) > bound)
            {
                var why = explain is null ? "" : await explain();
                Assert.Fail($"Not within {bound.TotalSeconds:F0} s: {what}.{Environment.NewLine}{why}{_a?.OutputTail()}{_b?.OutputTail()}");
            }

            await Task.Delay(250);
        }
    }

    private static DateTimeOffset Minute(DateTimeOffset value) => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, TimeSpan.Zero);

    private static string Wall(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
