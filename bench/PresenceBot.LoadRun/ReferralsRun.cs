using System.Diagnostics;
using PresenceBot.GraphStandIn;
using PresenceBot.Bench;

namespace PresenceBot.LoadRun;

/// <summary>The original mode: <c>GET /api/referrals/{person}</c> at a fixed rate against seeded referrals.</summary>
internal static class ReferralsRun
{
    public static async Task<int> RunAsync(string[] args, CancellationTokenSource cancel)
    {
        if (await RunSupport.PrepareAsync(args, LoadRunOptions.Parse, o => o.ServiceDll, "loadrun") is not var (options, serviceDll))
        {
            return 2;
        }

        var temp = Directory.CreateTempSubdirectory("presencebot-loadrun-");
        ServiceProcess? service = null;
        GraphStandInServer? graph = null;
        try
        {
            var (json, people) = OrganisationGenerator.Generate(options.People);
            var organisationFile = Path.Combine(temp.FullName, "organisation.json");
            await File.WriteAllTextAsync(organisationFile, json, cancel.Token);
            var apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());

            Console.WriteLine($"service:      {serviceDll}");
            Console.WriteLine($"organisation: {options.People} people in {temp.FullName}");
            var startedAt = Stopwatch.GetTimestamp();
            // Graph runs here, outside the measured process, as it does in production: the service's memory and
            // CPU are its own, calendar coupling of all 10,000 people included.
            graph = await GraphStandInServer.StartAsync(new GraphStandInOptions { Port = 0 }, cancel.Token);
            service = ServiceProcess.Start(
                serviceDll,
                organisationFile,
                Path.Combine(temp.FullName, "presencebot.db"),
                apiKey,
                [$"--Graph:BaseUrl={graph.BaseUrl.AbsoluteUri.TrimEnd('/')}", "--Graph:Credential=None", .. options.ServiceArgs]);
            using var client = LoadClient.Create(service.BaseAddress, apiKey, options.Workers);
            await LoadClient.WaitReadyAsync(client, service, TimeSpan.FromSeconds(60), cancel.Token);
            Console.WriteLine($"ready after {Stopwatch.GetElapsedTime(startedAt).TotalSeconds:F1} s on {service.BaseAddress} (pid {service.Id})");
            var memory = new List<(string When, double Rss, double Peak)>();
            RunSupport.Remember(memory, "after start", service);

            // The one-time start-up work (subscribing and first-reading every coupled calendar) is not what this
            // run measures: wait for it, bounded, and report how long it took.
            await RunSupport.WaitForCalendarStartUpAsync(Path.Combine(temp.FullName, "presencebot.db"), people, cancel.Token);
            RunSupport.Remember(memory, "after calendar start-up", service);

            var seeded = people.Take(options.SeedPeople).ToArray();
            var seedStarted = Stopwatch.GetTimestamp();
            var seedErrors = await LoadClient.SeedAsync(client, seeded, options.SeedPerPerson, cancel.Token);
            var seedTime = Stopwatch.GetElapsedTime(seedStarted);
            Console.WriteLine($"seeded {seeded.Length} people x {options.SeedPerPerson} PUTs in {seedTime.TotalSeconds:F1} s ({seedErrors} errors)");
            RunSupport.Remember(memory, "after seeding", service);

            var targets = new LoadTargets(people, seeded.Length, options.SeededShare);
            if (options.WarmupSeconds > 0)
            {
                _ = await LoadClient.RunAsync(client, targets, options with { DurationSeconds = options.WarmupSeconds }, cancel.Token);
                Console.WriteLine($"warm-up: {options.WarmupSeconds:F0} s at {options.Rate:F0} req/s (not counted)");
            }

            var cpuBefore = service.CpuTime();
            var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stallBefore = RunSupport.CpuStallMicroseconds();
            var result = await LoadClient.RunAsync(client, targets, options, cancel.Token);
            var serviceCpu = service.CpuTime() - cpuBefore;
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore;
            var pressure = (RunSupport.CpuStallMicroseconds() - stallBefore) / 1e6 / result.Elapsed.TotalSeconds * 100;
            RunSupport.Remember(memory, "after load", service);

            var report = new Report(options, result, memory, seedErrors, serviceCpu, ownCpu, pressure);
            report.Print();
            return report.Passed ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("loadrun: cancelled");
            return 130;
        }
        catch (Exception e) when (e is LoadRunException or HttpRequestException or IOException)
        {
            return await RunSupport.FailedAsync("loadrun", e, service).ConfigureAwait(false);
        }
        finally
        {
            service?.Dispose();
            if (graph is not null)
            {
                await graph.DisposeAsync();
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
}
