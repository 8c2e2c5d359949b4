using System.Diagnostics;
using System.Globalization;
using PresenceBot.Bench;
using PresenceBot.LoadRun;

// Bounded loopback load run against the built service; see docs/performance.md.
// dotnet run -c Release --project bench/PresenceBot.LoadRun -- [--rate 550] [--duration 20] ...
LoadRunOptions options;
try
{
    options = LoadRunOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"loadrun: {e.Message}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the finally blocks stop the service and delete the temp folder.
    e.Cancel = true;
    cancel.Cancel();
};

var serviceDll = Path.GetFullPath(options.ServiceDll ?? DefaultServiceDll());
if (!File.Exists(serviceDll))
{
    await Console.Error.WriteLineAsync($"loadrun: {serviceDll} not found; build first: dotnet build -c Release");
    return 2;
}

var temp = Directory.CreateTempSubdirectory("presencebot-loadrun-");
ServiceProcess? service = null;
try
{
    var (json, people) = OrganisationGenerator.Generate(options.People);
    var organisationFile = Path.Combine(temp.FullName, "organisation.json");
    await File.WriteAllTextAsync(organisationFile, json, cancel.Token);
    var apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    Console.WriteLine($"service:      {serviceDll}");
    Console.WriteLine($"organisation: {options.People} people in {temp.FullName}");
    var startedAt = Stopwatch.GetTimestamp();
    service = ServiceProcess.Start(serviceDll, organisationFile, Path.Combine(temp.FullName, "presencebot.db"), apiKey, options.ServiceArgs);
    using var client = LoadClient.Create(service.BaseAddress, apiKey, options.Workers);
    await LoadClient.WaitReadyAsync(client, service, TimeSpan.FromSeconds(60), cancel.Token);
    Console.WriteLine($"ready after {Stopwatch.GetElapsedTime(startedAt).TotalSeconds:F1} s on {service.BaseAddress} (pid {service.Id})");
    var memory = new List<(string When, double Rss, double Peak)>();
    Remember(memory, "after start", service);

    var seeded = people.Take(options.SeedPeople).ToArray();
    var seedStarted = Stopwatch.GetTimestamp();
    var seedErrors = await LoadClient.SeedAsync(client, seeded, options.SeedPerPerson, cancel.Token);
    var seedTime = Stopwatch.GetElapsedTime(seedStarted);
    Console.WriteLine($"seeded {seeded.Length} people x {options.SeedPerPerson} PUTs in {seedTime.TotalSeconds:F1} s ({seedErrors} errors)");
    Remember(memory, "after seeding", service);

    var targets = new LoadTargets(people, seeded.Length, options.SeededShare);
    if (options.WarmupSeconds > 0)
    {
        _ = await LoadClient.RunAsync(client, targets, options with { DurationSeconds = options.WarmupSeconds }, cancel.Token);
        Console.WriteLine($"warm-up: {options.WarmupSeconds:F0} s at {options.Rate:F0} req/s (not counted)");
    }

    var cpuBefore = service.CpuTime();
    var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var stallBefore = CpuStallMicroseconds();
    var result = await LoadClient.RunAsync(client, targets, options, cancel.Token);
    var serviceCpu = service.CpuTime() - cpuBefore;
    var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore;
    var pressure = (CpuStallMicroseconds() - stallBefore) / 1e6 / result.Elapsed.TotalSeconds * 100;
    Remember(memory, "after load", service);

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
    await Console.Error.WriteLineAsync($"loadrun: FAILED: {e.Message}");
    if (service is not null)
    {
        await Console.Error.WriteLineAsync("---- service output (tail) ----");
        await Console.Error.WriteLineAsync(service.OutputTail());
    }

    return 1;
}
finally
{
    service?.Dispose();
    if (options.KeepTemp)
    {
        Console.WriteLine($"kept {temp.FullName}");
    }
    else
    {
        DeleteQuietly(temp);
    }
}

static void Remember(List<(string When, double Rss, double Peak)> memory, string when, ServiceProcess service)
{
    var (rss, peak) = service.Memory();
    memory.Add((when, rss, peak));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory {when}: VmRSS {rss:F0} MB, VmHWM {peak:F0} MB"));
}

// Other work on the machine shows here: the share of time some task was runnable but had no CPU (Linux PSI).
static double CpuStallMicroseconds()
{
    const string path = "/proc/pressure/cpu";
    if (!File.Exists(path))
    {
        return double.NaN;
    }

    var some = File.ReadLines(path).First(l => l.StartsWith("some", StringComparison.Ordinal));
    var total = some.Split(' ').First(f => f.StartsWith("total=", StringComparison.Ordinal))["total=".Length..];
    return double.Parse(total, CultureInfo.InvariantCulture);
}

static string DefaultServiceDll()
{
    // bench/PresenceBot.LoadRun/bin/<config>/net10.0 → repo root holds PresenceBot.sln.
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PresenceBot.sln")))
        {
            return Path.Combine(dir.FullName, "src", "PresenceBot", "bin", "Release", "net10.0", "PresenceBot.dll");
        }
    }

    throw new LoadRunException("cannot find the repository root (PresenceBot.sln); pass --service <path to PresenceBot.dll>");
}

static void DeleteQuietly(DirectoryInfo folder)
{
    for (var attempt = 0; attempt < 5; attempt++)
    {
        try
        {
            folder.Delete(recursive: true);
            return;
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }
        catch (IOException)
        {
            Thread.Sleep(200);
        }
    }

    Console.Error.WriteLine($"loadrun: could not delete {folder.FullName}");
}

/// <summary>The run cannot go on (service didn't start, died, or answered nonsense).</summary>
internal sealed class LoadRunException(string message) : Exception(message);
