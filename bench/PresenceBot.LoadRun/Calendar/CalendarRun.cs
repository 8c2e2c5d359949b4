using System.Diagnostics;
using System.Globalization;
using PresenceBot.Bench;
using PresenceBot.GraphStandIn;

namespace PresenceBot.LoadRun.Calendar;

/// <summary>
/// The calendar mode (issue 3): a Graph stand-in in this process with a fortnight of bookings for everyone, the built
/// service pointed at it; then the first sync, a notification load on the webhook with booking probes alongside,
/// and the inbox worked off to the last entry. See docs/performance.md, "Calendar notifications (issue 3)".
/// </summary>
internal static class CalendarRun
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(string[] args, CancellationTokenSource cancel)
    {
        if (await RunSupport.PrepareAsync(args, CalendarRunOptions.Parse, o => o.ServiceDll, "loadrun calendar") is not var (options, serviceDll))
        {
            return 2;
        }

        var temp = Directory.CreateTempSubdirectory("presencebot-loadrun-calendar-");
        GraphStandInServer? graph = null;
        ServiceProcess? service = null;
        ServiceProcess? bare = null;
        try
        {
            var ct = cancel.Token;
            var time = TimeProvider.System;
            var (json, people) = OrganisationGenerator.Generate(options.People);
            var coupled = people.Count(p => p.CalendarCoupling != "off");
            var organisationFile = Path.Combine(temp.FullName, "organisation.json");
            await File.WriteAllTextAsync(organisationFile, json, ct).ConfigureAwait(false);
            var databaseFile = Path.Combine(temp.FullName, "presencebot.db");
            var database = new ServiceDatabase(databaseFile);
            var apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());

            var standInOptions = new GraphStandInOptions { Port = 0 };
            graph = await GraphStandInServer.StartAsync(standInOptions, ct).ConfigureAwait(false);
            var seedStarted = Stopwatch.GetTimestamp();
            var seeded = await CalendarSeeder.SeedAsync(graph, people, options.Days, time, ct).ConfigureAwait(false);
            Console.WriteLine($"service:      {serviceDll}");
            Console.WriteLine($"organisation: {people.Count} people ({coupled} coupled) in {temp.FullName}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stand-in:     {graph.BaseUrl} with {seeded.Events} events (yesterday to {options.Days} days ahead), booked in {Stopwatch.GetElapsedTime(seedStarted).TotalSeconds:F1} s"));

            var startedAt = Stopwatch.GetTimestamp();
            service = ServiceProcess.Start(
                serviceDll,
                organisationFile,
                databaseFile,
                apiKey,
                [$"--Graph:BaseUrl={graph.BaseUrl.AbsoluteUri.TrimEnd('/')}", "--Graph:Credential=None", .. options.ServiceArgs]);
            using var api = LoadClient.Create(service.BaseAddress, apiKey, options.Workers);
            await LoadClient.WaitReadyAsync(api, service, TimeSpan.FromSeconds(240), ct).ConfigureAwait(false);
            var ready = Stopwatch.GetElapsedTime(startedAt);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready after {ready.TotalSeconds:F1} s on {service.BaseAddress} (pid {service.Id})"));

            // 1. First sync: every coupled person has a sync state (written after their referrals).
            var firstSync = await WaitForAsync(
                async () => await database.SyncedPeopleAsync(ct).ConfigureAwait(false) >= coupled, service, options.FirstSyncLimitSeconds, ct).ConfigureAwait(false);
            var firstSyncTime = Stopwatch.GetElapsedTime(startedAt);
            var synced = await database.SyncedPeopleAsync(ct).ConfigureAwait(false);
            var referrals = await database.ReferralsAsync(ct).ConfigureAwait(false);
            var referredPeople = await database.ReferredPeopleAsync(ct).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first sync: {synced}/{coupled} people synced after {firstSyncTime.TotalSeconds:F1} s from start{(firstSync ? "" : " (gave up)")}; {referrals} referrals for {referredPeople} people; stand-in requests {Requests(graph)}"));
            var memory = new List<(string When, double Rss, double Peak)>();
            RunSupport.Remember(memory, "after first sync", service);

            // Subscriptions come after the first sync; then the service re-reads each subscriber once more.
            var subscribed = await WaitForAsync(() => Task.FromResult(graph.Subscriptions.Count >= coupled), service, 300, ct).ConfigureAwait(false);
            var subscribedTime = Stopwatch.GetElapsedTime(startedAt);
            var settled = await WaitQuietAsync(graph, database, service, 300, ct).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"subscribed: {graph.Subscriptions.Count}/{coupled} after {subscribedTime.TotalSeconds:F1} s; quiet after {Stopwatch.GetElapsedTime(startedAt).TotalSeconds:F1} s{(settled ? "" : " (gave up waiting)")}"));
            if (!subscribed)
            {
                throw new LoadRunException($"only {graph.Subscriptions.Count} of {coupled} people were subscribed");
            }

            RunSupport.Remember(memory, "before load", service);
            bare = ServiceProcess.StartBareEndpoint();
            using var bareClient = LoadClient.Create(bare.BaseAddress, apiKey, options.Workers);
            await WaitForAsync(async () => await Answers(bareClient).ConfigureAwait(false), bare, 30, ct).ConfigureAwait(false);

            // 2. Notification load with booking probes alongside.
            var targets = NotificationLoad.Focused(NotificationLoad.Targets(graph.Subscriptions, seeded.EventIds), options.Focus);
            var standInBefore = graph.Stats;
            var cpuBefore = service.CpuTime();
            var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stallBefore = RunSupport.CpuStallMicroseconds();
            var loadStarted = Stopwatch.GetTimestamp();
            using var webhook = LoadClient.Create(service.BaseAddress, apiKey, options.Workers);
            var load = new NotificationLoad(webhook, targets, options.PerPost, standInOptions.TenantId).RunAsync(options.Rate, options.DurationSeconds, options.MaxNotifications, options.Workers, ct);
            // The same schedule and bodies against the bare endpoint, at the same time: the floor of this very run.
            var floor = new NotificationLoad(bareClient, targets, options.PerPost, standInOptions.TenantId).RunAsync(options.Rate, options.DurationSeconds, options.MaxNotifications, options.Workers, ct);
            var probes = new BookingProbe(graph, api, seeded.ProbePool, time).RunAsync(options.DurationSeconds, options.ProbeEverySeconds, options.ProbeTimeoutSeconds, ct);
            var loaded = await load.ConfigureAwait(false);
            var floored = await floor.ConfigureAwait(false);
            var loadElapsed = Stopwatch.GetElapsedTime(loadStarted);
            var serviceCpu = service.CpuTime() - cpuBefore;
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore;
            var pressure = (RunSupport.CpuStallMicroseconds() - stallBefore) / 1e6 / loadElapsed.TotalSeconds * 100;
            RunSupport.Remember(memory, "after load", service);
            var probed = await probes.ConfigureAwait(false);

            // 3. Zero lost: every accepted notification (ours and the stand-in's own) ends up processed.
            using (var settle = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                settle.CancelAfter(TimeSpan.FromSeconds(30));
                await graph.WhenNotificationsSettledAsync(settle.Token).ConfigureAwait(false);
            }

            var drainStarted = Stopwatch.GetTimestamp();
            var drained = await WaitForAsync(
                async () => await database.CalendarWorkAsync(ct).ConfigureAwait(false) == 0, service, options.DrainLimitSeconds, ct).ConfigureAwait(false);
            var drainTime = Stopwatch.GetElapsedTime(drainStarted);
            var unprocessed = await database.CalendarWorkAsync(ct).ConfigureAwait(false);
            var standInAfter = graph.Stats;
            RunSupport.Remember(memory, "after drain", service);

            var report = new CalendarReport(options)
            {
                Coupled = coupled,
                Events = seeded.Events,
                Ready = ready,
                FirstSync = firstSyncTime,
                FirstSyncDone = firstSync,
                Synced = synced,
                Referrals = referrals,
                ReferredPeople = referredPeople,
                Subscribed = subscribedTime,
                Posts = loaded.Posts,
                BarePosts = floored.Posts,
                Accepted = loaded.Accepted,
                StandInDelivered = standInAfter.NotificationsAcknowledged - standInBefore.NotificationsAcknowledged,
                StandInFailed = standInAfter.NotificationsFailed - standInBefore.NotificationsFailed,
                Unprocessed = unprocessed,
                Drained = drained,
                DrainTime = drainTime,
                Probes = probed,
                ServiceCpu = serviceCpu,
                OwnCpu = ownCpu,
                CpuPressure = pressure,
                LoadElapsed = loadElapsed,
                Memory = memory,
            };
            report.Print();
            return report.Passed ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("loadrun calendar: cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception e) when (e is LoadRunException or HttpRequestException or IOException)
        {
            return await RunSupport.FailedAsync("loadrun calendar", e, service).ConfigureAwait(false);
        }
        finally
        {
            bare?.Dispose();
            service?.Dispose();
            if (graph is not null)
            {
                await graph.DisposeAsync().ConfigureAwait(false);
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

    /// <summary>True once the bare endpoint answers at all.</summary>
    private static async Task<bool> Answers(HttpClient client)
    {
        try
        {
            using var response = await client.PostAsync(new Uri("ping", UriKind.Relative), new ByteArrayContent([])).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Polls until <paramref name="done"/> or the limit; false when the limit passed. Fails if the service died.</summary>
    private static async Task<bool> WaitForAsync(Func<Task<bool>> done, ServiceProcess service, double limitSeconds, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await done().ConfigureAwait(false))
            {
                return true;
            }

            if (service.HasExited)
            {
                throw new LoadRunException("the service exited");
            }

            if (Stopwatch.GetElapsedTime(started).TotalSeconds > limitSeconds)
            {
                return false;
            }

            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The start-up round is over: no Graph requests for 2 s, nothing unprocessed in the inbox, and the outbox worked
    /// off (the first sync's tens of thousands of changes take the service a minute or more; measured under the load,
    /// that start-up work would be counted against the webhook).
    /// </summary>
    private static async Task<bool> WaitQuietAsync(GraphStandInServer graph, ServiceDatabase database, ServiceProcess service, double limitSeconds, CancellationToken ct)
    {
        var last = Requests(graph);
        var quietSince = Stopwatch.GetTimestamp();
        return await WaitForAsync(
            async () =>
            {
                var now = Requests(graph);
                if (now != last)
                {
                    last = now;
                    quietSince = Stopwatch.GetTimestamp();
                    return false;
                }

                return Stopwatch.GetElapsedTime(quietSince) > TimeSpan.FromSeconds(2)
                    && await database.CalendarWorkAsync(ct).ConfigureAwait(false) == 0
                    && await database.OutboxPendingAsync(ct).ConfigureAwait(false) == 0;
            },
            service,
            limitSeconds,
            ct).ConfigureAwait(false);
    }

    private static long Requests(GraphStandInServer graph) => graph.Stats.RequestsByKind.Where(k => k.Key != "dev").Sum(k => k.Value);
}
