using System.Diagnostics;
using System.Globalization;
using PresenceBot.Bench;
using PresenceBot.GraphStandIn;
using PresenceBot.LoadRun.Calendar;

namespace PresenceBot.LoadRun.Publish;

/// <summary>
/// The publish mode (issue 12): referral changes through the switchboard API at a fixed rate, with signed webhook
/// receivers on loopback and the Teams status message on (Graph stand-in in this process); reports publish delay
/// (change committed → receiver got it) and the API's latency beside a bare endpoint's under the same schedule.
/// See docs/performance.md, "Publishing (issue 12)".
/// </summary>
internal static class PublishRun
{
    public static async Task<int> RunAsync(string[] args, CancellationTokenSource cancel)
    {
        if (await RunSupport.PrepareAsync(args, PublishRunOptions.Parse, o => o.ServiceDll, "loadrun publish").ConfigureAwait(false) is not var (options, serviceDll))
        {
            return 2;
        }

        var temp = Directory.CreateTempSubdirectory("presencebot-loadrun-publish-");
        GraphStandInServer? graph = null;
        ServiceProcess? service = null;
        ServiceProcess? bare = null;
        var receivers = new List<PublishReceiver>();
        try
        {
            var ct = cancel.Token;
            var (json, people) = OrganisationGenerator.Generate(options.People, writeBack: options.WriteBack);
            var organisationFile = Path.Combine(temp.FullName, "organisation.json");
            await File.WriteAllTextAsync(organisationFile, json, ct).ConfigureAwait(false);
            var databaseFile = Path.Combine(temp.FullName, "presencebot.db");
            var apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());

            var standInOptions = new GraphStandInOptions { Port = 0 };
            graph = await GraphStandInServer.StartAsync(standInOptions, ct).ConfigureAwait(false);
            var serviceArgs = new List<string> { $"--Graph:BaseUrl={graph.BaseUrl.AbsoluteUri.TrimEnd('/')}", "--Graph:Credential=None" };
            for (var i = 0; i < options.Receivers; i++)
            {
                var secret = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray());
                var receiver = await PublishReceiver.StartAsync(secret, ct).ConfigureAwait(false);
                receivers.Add(receiver);
                serviceArgs.Add(string.Create(CultureInfo.InvariantCulture, $"--Publish:Webhooks:{i}:Name=receiver-{i}"));
                serviceArgs.Add(string.Create(CultureInfo.InvariantCulture, $"--Publish:Webhooks:{i}:Url={receiver.Url}"));
                serviceArgs.Add(string.Create(CultureInfo.InvariantCulture, $"--Publish:Webhooks:{i}:Secret={secret}"));
            }

            serviceArgs.Add($"--Publish:TeamsStatusMessage={(options.TeamsStatus ? "true" : "false")}");
            Console.WriteLine($"service:      {serviceDll}");
            Console.WriteLine($"organisation: {people.Count} people in {temp.FullName}");
            Console.WriteLine($"receivers:    {string.Join(", ", receivers.Select(r => r.Url))} (this process); Teams status message {(options.TeamsStatus ? "on" : "off")}, Outlook write-back {(options.WriteBack ? "on" : "off")}");
            var startedAt = Stopwatch.GetTimestamp();
            service = ServiceProcess.Start(serviceDll, organisationFile, databaseFile, apiKey, [.. serviceArgs, .. options.ServiceArgs]);
            using var api = LoadClient.Create(service.BaseAddress, apiKey, options.Workers);
            await LoadClient.WaitReadyAsync(api, service, TimeSpan.FromSeconds(120), ct).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready after {Stopwatch.GetElapsedTime(startedAt).TotalSeconds:F1} s on {service.BaseAddress} (pid {service.Id})"));
            await RunSupport.WaitForCalendarStartUpAsync(databaseFile, people, ct).ConfigureAwait(false);
            var memory = new List<(string When, double Rss, double Peak)>();
            RunSupport.Remember(memory, "before load", service);

            bare = ServiceProcess.StartBareEndpoint();
            using var bareClient = LoadClient.Create(bare.BaseAddress, apiKey, options.Workers);
            await WaitBareAsync(bareClient, ct).ConfigureAwait(false);

            // From tomorrow's working hours Swedish time: every change's return time lies ahead of the run, a working minute apart.
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
            var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), zone).Date).AddDays(1);
            var load = new ChangeLoad(api, people, tomorrow, zone);
            var floor = new ChangeLoad(bareClient, people, tomorrow, zone);
            var warmup = 0;
            if (options.WarmupSeconds > 0)
            {
                var warm = await load.RunAsync(0, options.Rate, options.WarmupSeconds, options.MaxRequests, options.Workers, ct).ConfigureAwait(false);
                warmup = warm.Answered.Length;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmup} changes in {options.WarmupSeconds:F0} s, {warm.Run.Errors} errors (not counted)"));

                // The warm-up's own backlog (first use of every path) is worked off first: left waiting, it would be a
                // constant queue in front of the measured changes at a rate the service just keeps up with.
                var warmedAt = Stopwatch.GetTimestamp();
                await DrainAsync(service, receivers, warm, load, options.DrainLimitSeconds, ct).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up delivered after {Stopwatch.GetElapsedTime(warmedAt).TotalSeconds:F1} s"));
            }

            // Graph's notifications to the webhook alongside, when asked: to subscribed people, for an event id Graph
            // would name (none of theirs here, so each re-read finds nothing new, as after Graph's duplicates).
            var targets = options.NotificationRate > 0 ? await SubscribedAsync(graph, people, service, ct).ConfigureAwait(false) : [];
            // Each stream its own client on both sides: a shared connection pool would make one wait for the other's.
            using var webhook = LoadClient.Create(service.BaseAddress, apiKey, options.Workers);
            using var bareWebhook = LoadClient.Create(bare.BaseAddress, apiKey, options.Workers);
            var cpuBefore = service.CpuTime();
            var stallBefore = RunSupport.CpuStallMicroseconds();
            var loadStarted = Stopwatch.GetTimestamp();
            var measured = load.RunAsync(warmup, options.Rate, options.DurationSeconds, options.MaxRequests, options.Workers, ct);
            var bareRun = floor.RunAsync(warmup, options.Rate, options.DurationSeconds, options.MaxRequests, options.Workers, ct);
            var notified = Notify(webhook, targets, standInOptions, options, ct);
            var notifiedBare = Notify(bareWebhook, targets, standInOptions, options, ct);
            var changes = await measured.ConfigureAwait(false);
            var floored = await bareRun.ConfigureAwait(false);
            var notifications = notified is null ? null : await notified.ConfigureAwait(false);
            var bareNotifications = notifiedBare is null ? null : await notifiedBare.ConfigureAwait(false);
            var loadElapsed = Stopwatch.GetElapsedTime(loadStarted);
            var serviceCpu = service.CpuTime() - cpuBefore;
            var pressure = (RunSupport.CpuStallMicroseconds() - stallBefore) / 1e6 / loadElapsed.TotalSeconds * 100;
            RunSupport.Remember(memory, "after load", service);

            // Every committed change (or a newer one for the person) at every receiver, bounded.
            var drainStarted = Stopwatch.GetTimestamp();
            await DrainAsync(service, receivers, changes, load, options.DrainLimitSeconds, ct).ConfigureAwait(false);
            var delivered = Stopwatch.GetElapsedTime(drainStarted);
            var database = new ServiceDatabase(databaseFile);
            while (options.NotificationRate > 0 && await database.CalendarWorkAsync(ct).ConfigureAwait(false) > 0
                && Stopwatch.GetElapsedTime(drainStarted) < TimeSpan.FromSeconds(options.DrainLimitSeconds))
            {
                await Task.Delay(250, ct).ConfigureAwait(false);
            }

            var report = new PublishReport(options)
            {
                Changes = changes,
                Bare = floored,
                Notifications = notifications,
                BareNotifications = bareNotifications,
                CalendarWorkLeft = await database.CalendarWorkAsync(ct).ConfigureAwait(false),
                Delays = [.. receivers.Select(r => (r.Url, PublishDelays.Of(changes, load, r.Arrivals), r.BadSignatures, r.OlderAfterNewer, r.Arrivals.Count))],
                DrainTime = delivered,
                StatusMessages = graph.Presence.AllHistory().Count,
                GraphWrites = graph.ReceivedWrites.Count,
                ServiceCpu = serviceCpu,
                CpuPressure = pressure,
                LoadElapsed = loadElapsed,
                Memory = memory,
            };
            report.Print();
            return report.Passed ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("loadrun publish: cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception e) when (e is LoadRunException or HttpRequestException or IOException)
        {
            return await RunSupport.FailedAsync("loadrun publish", e, service).ConfigureAwait(false);
        }
        finally
        {
            bare?.Dispose();
            service?.Dispose();
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync().ConfigureAwait(false);
            }

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

    /// <summary>Until every change of <paramref name="changes"/> (or a newer one of its person) is at every receiver, bounded.</summary>
    private static async Task DrainAsync(
        ServiceProcess service, List<PublishReceiver> receivers, ChangeResult changes, ChangeLoad load, double limitSeconds, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (receivers.Any(r => PublishDelays.Pending(changes, load, r.Arrivals) > 0) && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(limitSeconds))
        {
            if (service.HasExited)
            {
                throw new LoadRunException("the service exited during the run");
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<NotificationLoadResult>? Notify(
        HttpClient client, IReadOnlyList<NotificationTarget> targets, GraphStandInOptions standIn, PublishRunOptions options, CancellationToken cancellationToken) =>
        targets.Count == 0
            ? null
            : new NotificationLoad(client, targets, perPost: 1, standIn.TenantId)
                .RunAsync(options.NotificationRate, options.DurationSeconds, int.MaxValue, options.Workers, cancellationToken);

    /// <summary>Every coupled person's subscription (they come after the calendar start-up's first read), bounded.</summary>
    private static async Task<IReadOnlyList<NotificationTarget>> SubscribedAsync(
        GraphStandInServer graph, IReadOnlyList<GeneratedPerson> people, ServiceProcess service, CancellationToken cancellationToken)
    {
        var coupled = people.Count(p => p.CalendarCoupling != "off");
        var started = Stopwatch.GetTimestamp();
        while (graph.Subscriptions.Count < coupled && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(120))
        {
            if (service.HasExited)
            {
                throw new LoadRunException("the service exited before everyone was subscribed");
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        var events = graph.Subscriptions
            .Select(s => s.EventsUser())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(person => person, _ => (string[])["AAMkAGloadrun-notified-event"], StringComparer.Ordinal);
        var targets = NotificationLoad.Targets(graph.Subscriptions, events);
        Console.WriteLine($"notifications to {targets.Count} subscribed people ({coupled} coupled)");
        return targets.Count > 0 ? targets : throw new LoadRunException("nobody was subscribed to send notifications for");
    }

    private static async Task WaitBareAsync(HttpClient client, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var response = await client.PostAsync(new Uri("ping", UriKind.Relative), new ByteArrayContent([]), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new LoadRunException("the bare endpoint did not answer within 30 s");
    }
}
