using System.Diagnostics;
using System.Globalization;
using System.Net;
using PresenceBot.Bench;
using PresenceBot.GraphStandIn;
using PresenceBot.LoadRun.Calendar;

namespace PresenceBot.LoadRun.ScaleOut;

/// <summary>
/// The scale-out mode (issue 15 §3): two service processes on one PostgreSQL, a Graph stand-in with a fortnight of
/// bookings, Graph's public address a front door over both. The notification load goes to both in turn (a refused
/// connection is rerouted, as a balancer would); half-way instance A is killed with SIGKILL and started again after a
/// while. Then every accepted notification must have been followed by a re-read. The bare endpoint takes the same load
/// at the same time. See docs/performance.md, "Two instances on one PostgreSQL (issue 15)".
/// </summary>
internal static class ScaleOutRun
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(string[] args, CancellationTokenSource cancel)
    {
        if (await RunSupport.PrepareAsync(args, ScaleOutRunOptions.Parse, o => o.ServiceDll, "loadrun scale-out") is not var (options, serviceDll))
        {
            return 2;
        }

        var admin = options.Postgres ?? Environment.GetEnvironmentVariable(ScaleOutRunOptions.PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            await Console.Error.WriteLineAsync($"loadrun scale-out: pass --postgres <connection string> or set {ScaleOutRunOptions.PostgresVariable} (a role that may create databases)").ConfigureAwait(false);
            return 2;
        }

        var temp = Directory.CreateTempSubdirectory("presencebot-loadrun-scaleout-");
        var ct = cancel.Token;
        ScaleOutDatabase? database = null;
        GraphStandInServer? graph = null;
        ServiceProcess? a = null;
        ServiceProcess? b = null;
        ServiceProcess? bare = null;
        LoopbackFrontDoor? door = null;
        try
        {
            var (json, people) = OrganisationGenerator.Generate(options.People);
            var coupled = people.Count(p => p.CalendarCoupling != "off");
            var organisationFile = Path.Combine(temp.FullName, "organisation.json");
            await File.WriteAllTextAsync(organisationFile, json, ct).ConfigureAwait(false);
            database = await ScaleOutDatabase.CreateAsync(admin, ct).ConfigureAwait(false);
            var apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());
            var standInOptions = new GraphStandInOptions { Port = 0 };
            graph = await GraphStandInServer.StartAsync(standInOptions, ct).ConfigureAwait(false);
            var seeded = await CalendarSeeder.SeedAsync(graph, people, options.Days, TimeProvider.System, ct).ConfigureAwait(false);
            Console.WriteLine($"service:      {serviceDll} × 2 on PostgreSQL");
            Console.WriteLine($"organisation: {people.Count} people ({coupled} coupled); stand-in {graph.BaseUrl} with {seeded.Events} events");

            // The instances' addresses are known once started; the front door and the load client route over them.
            var routes = new List<Uri>();
            var failover = new Failover(routes, new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = options.Workers });
            using var balanced = new HttpClient(failover) { BaseAddress = new Uri("http://127.0.0.1/"), Timeout = TimeSpan.FromSeconds(30) };
            door = await LoopbackFrontDoor.StartAsync(balanced, ct).ConfigureAwait(false);
            string[] storage = ["--Storage:Provider=Postgres", $"--ConnectionStrings:PresenceBot={database.ConnectionString}"];
            string[] settings =
            [
                $"--Graph:BaseUrl={graph.BaseUrl.AbsoluteUri.TrimEnd('/')}", "--Graph:Credential=None", $"--Graph:PublicBaseUrl={door.BaseUrl}",
                .. options.ServiceArgs,
            ];
            var startedAt = Stopwatch.GetTimestamp();
            a = ServiceProcess.Start(serviceDll, organisationFile, storage, apiKey, settings);
            b = ServiceProcess.Start(serviceDll, organisationFile, storage, apiKey, settings);
            routes.AddRange([a.BaseAddress, b.BaseAddress]);
            using (var clientA = LoadClient.Create(a.BaseAddress, apiKey, 4))
            using (var clientB = LoadClient.Create(b.BaseAddress, apiKey, 4))
            {
                await Task.WhenAll(
                    LoadClient.WaitReadyAsync(clientA, a, TimeSpan.FromSeconds(240), ct),
                    LoadClient.WaitReadyAsync(clientB, b, TimeSpan.FromSeconds(240), ct)).ConfigureAwait(false);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"both ready after {Stopwatch.GetElapsedTime(startedAt).TotalSeconds:F1} s: A {a.BaseAddress} (pid {a.Id}), B {b.BaseAddress} (pid {b.Id})"));
            var firstSync = await WaitForAsync(async () => await database.SyncedPeopleAsync(ct).ConfigureAwait(false) >= coupled, [a, b], options.FirstSyncLimitSeconds, ct).ConfigureAwait(false);
            var subscribed = await WaitForAsync(() => Task.FromResult(graph.Subscriptions.Count >= coupled), [a, b], 300, ct).ConfigureAwait(false);
            var quiet = await WaitForAsync(
                async () => await database.CalendarWorkAsync(ct).ConfigureAwait(false) == 0 && await database.OutboxPendingAsync(ct).ConfigureAwait(false) == 0,
                [a, b], 300, ct).ConfigureAwait(false);
            var stored = await database.SubscriptionsAsync(ct).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first sync {(firstSync ? "done" : "NOT done")}, {graph.Subscriptions.Count}/{coupled} subscribed ({stored} stored), quiet {(quiet ? "yes" : "no")} after {Stopwatch.GetElapsedTime(startedAt).TotalSeconds:F1} s"));
            if (!subscribed)
            {
                throw new LoadRunException($"only {graph.Subscriptions.Count} of {coupled} people were subscribed");
            }

            bare = ServiceProcess.StartBareEndpoint();
            using var bareClient = LoadClient.Create(bare.BaseAddress, apiKey, options.Workers);
            await WaitForAsync(async () => await AnswersAsync(bareClient).ConfigureAwait(false), [bare], 30, ct).ConfigureAwait(false);

            var targets = NotificationLoad.Targets(graph.Subscriptions, seeded.EventIds);
            var standInBefore = graph.Stats;
            var loadStarted = Stopwatch.GetTimestamp();
            var load = new NotificationLoad(balanced, targets, options.PerPost, standInOptions.TenantId).RunAsync(options.Rate, options.DurationSeconds, options.MaxNotifications, options.Workers, ct);
            var floor = new NotificationLoad(bareClient, targets, options.PerPost, standInOptions.TenantId).RunAsync(options.Rate, options.DurationSeconds, options.MaxNotifications, options.Workers, ct);
            var killing = KillAndRestartAsync(a, options, ct);
            var loaded = await load.ConfigureAwait(false);
            var floored = await floor.ConfigureAwait(false);
            var (killedAt, restartedAt) = await killing.ConfigureAwait(false);
            var loadElapsed = Stopwatch.GetElapsedTime(loadStarted);

            using (var settle = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                settle.CancelAfter(TimeSpan.FromSeconds(30));
                await graph.WhenNotificationsSettledAsync(settle.Token).ConfigureAwait(false);
            }

            var drainStarted = Stopwatch.GetTimestamp();
            var drained = await WaitForAsync(async () => await database.CalendarWorkAsync(ct).ConfigureAwait(false) == 0, [b], options.DrainLimitSeconds, ct).ConfigureAwait(false);
            var standInAfter = graph.Stats;
            var report = new ScaleOutReport(options)
            {
                Coupled = coupled,
                Posts = loaded.Posts,
                BarePosts = floored.Posts,
                Accepted = loaded.Accepted,
                Rerouted = failover.Rerouted,
                RerouteCauses = failover.Causes,
                StandInDelivered = standInAfter.NotificationsAcknowledged - standInBefore.NotificationsAcknowledged,
                StandInFailed = standInAfter.NotificationsFailed - standInBefore.NotificationsFailed,
                Unprocessed = await database.CalendarWorkAsync(ct).ConfigureAwait(false),
                Drained = drained,
                DrainTime = Stopwatch.GetElapsedTime(drainStarted),
                DeadLetters = await database.DeadLettersAsync(ct).ConfigureAwait(false),
                Subscriptions = await database.SubscriptionsAsync(ct).ConfigureAwait(false),
                StandInSubscriptions = graph.Subscriptions.Count,
                KilledAt = killedAt,
                RestartedAt = restartedAt,
                LoadElapsed = loadElapsed,
            };
            report.Print();
            return report.Passed ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("loadrun scale-out: cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception e) when (e is LoadRunException or HttpRequestException or IOException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"loadrun scale-out: FAILED: {e.Message}").ConfigureAwait(false);
            foreach (var (name, service) in new[] { ("A", a), ("B", b) })
            {
                if (service is not null)
                {
                    await Console.Error.WriteLineAsync($"---- {name} output (tail) ----{Environment.NewLine}{service.OutputTail()}").ConfigureAwait(false);
                }
            }

            return 1;
        }
        finally
        {
            bare?.Dispose();
            a?.Dispose();
            b?.Dispose();
            if (door is not null)
            {
                await door.DisposeAsync().ConfigureAwait(false);
            }

            if (graph is not null)
            {
                await graph.DisposeAsync().ConfigureAwait(false);
            }

            if (database is not null)
            {
                await database.DisposeAsync().ConfigureAwait(false);
            }

            if (options.KeepTemp)
            {
                Console.WriteLine($"kept {temp.FullName}");
            }
            else
            {
                RunSupport.DeleteQuietly(temp);
            }
        }
    }

    /// <summary>Kills A at <c>--kill-at</c> of the duration and starts it again <c>--down</c> seconds later; returns both moments.</summary>
    private static async Task<(TimeSpan KilledAt, TimeSpan RestartedAt)> KillAndRestartAsync(ServiceProcess a, ScaleOutRunOptions options, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(options.DurationSeconds * options.KillAt), ct).ConfigureAwait(false);
        a.Kill();
        var killedAt = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A killed (SIGKILL) {killedAt.TotalSeconds:F1} s into the load"));
        await Task.Delay(TimeSpan.FromSeconds(options.DownSeconds), ct).ConfigureAwait(false);
        a.Restart();
        var restartedAt = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A started again {restartedAt.TotalSeconds:F1} s into the load"));
        return (killedAt, restartedAt);
    }

    private static async Task<bool> AnswersAsync(HttpClient client)
    {
        try
        {
            using var response = await client.PostAsync(new Uri("ping", UriKind.Relative), new ByteArrayContent([])).ConfigureAwait(false);
            return response.StatusCode != HttpStatusCode.ServiceUnavailable;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Polls until <paramref name="done"/> or the limit; false when the limit passed. Fails if every watched service died.</summary>
    private static async Task<bool> WaitForAsync(Func<Task<bool>> done, IReadOnlyList<ServiceProcess> services, double limitSeconds, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await done().ConfigureAwait(false))
        {
            if (services.All(s => s.HasExited))
            {
                throw new LoadRunException("the service exited");
            }

            if (Stopwatch.GetElapsedTime(started).TotalSeconds > limitSeconds)
            {
                return false;
            }

            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }

        return true;
    }
}
