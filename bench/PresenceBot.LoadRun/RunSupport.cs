using System.Diagnostics;
using System.Globalization;
using PresenceBot.Bench;
using PresenceBot.LoadRun.Calendar;

namespace PresenceBot.LoadRun;

/// <summary>What every mode of the load run shares: finding the built service, the machine's CPU pressure, cleaning up.</summary>
internal static class RunSupport
{
    /// <summary>A run that failed: says why and what the service last printed, on stderr; exit code 1.</summary>
    public static async Task<int> FailedAsync(string label, Exception error, ServiceProcess? service)
    {
        await Console.Error.WriteLineAsync($"{label}: FAILED: {error.Message}").ConfigureAwait(false);
        if (service is not null)
        {
            await Console.Error.WriteLineAsync("---- service output (tail) ----").ConfigureAwait(false);
            await Console.Error.WriteLineAsync(service.OutputTail()).ConfigureAwait(false);
        }

        return 1;
    }

    /// <summary>
    /// Parses a mode's options and finds the built service; null (after saying why on stderr) when the run
    /// can't start, which every mode answers with exit code 2.
    /// </summary>
    public static async Task<(T Options, string ServiceDll)?> PrepareAsync<T>(
        string[] args, Func<string[], T> parse, Func<T, string?> serviceDll, string label)
    {
        T options;
        try
        {
            options = parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{label}: {e.Message}").ConfigureAwait(false);
            return null;
        }

        var dll = Path.GetFullPath(serviceDll(options) ?? DefaultServiceDll());
        if (!File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"{label}: {dll} not found; build first: dotnet build -c Release").ConfigureAwait(false);
            return null;
        }

        return (options, dll);
    }

    /// <summary>src/PresenceBot/bin/Release/net10.0/PresenceBot.dll under the repository root (where PresenceBot.sln is).</summary>
    public static string DefaultServiceDll()
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

    /// <summary>
    /// Other work on the machine shows here: total µs some task was runnable but had no CPU (Linux PSI, "some").
    /// NaN where the kernel does not offer it.
    /// </summary>
    public static double CpuStallMicroseconds()
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

    /// <summary>Reads the service's VmRSS/VmHWM, prints them and keeps them for the report.</summary>
    public static void Remember(List<(string When, double Rss, double Peak)> memory, string when, ServiceProcess service)
    {
        var (rss, peak) = service.Memory();
        memory.Add((when, rss, peak));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory {when}: VmRSS {rss:F0} MB, VmHWM {peak:F0} MB"));
    }

    /// <summary>
    /// Waits, bounded by <paramref name="limitSeconds"/>, until every coupled person's calendar has been subscribed and
    /// first read (a sync state row each), and prints how long that took. Modes that measure something else wait for it.
    /// </summary>
    public static async Task WaitForCalendarStartUpAsync(
        string databaseFile, IReadOnlyList<GeneratedPerson> people, CancellationToken cancellationToken, double limitSeconds = 180)
    {
        var coupled = people.Count(p => p.CalendarCoupling != "off");
        var database = new ServiceDatabase(databaseFile);
        var started = Stopwatch.GetTimestamp();
        while (await database.SyncedPeopleAsync(cancellationToken).ConfigureAwait(false) < coupled
            && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(limitSeconds))
        {
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"calendars of {coupled} coupled people subscribed and read in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
    }

    public static void DeleteQuietly(DirectoryInfo folder)
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
}

/// <summary>Latency figures: ticks → sorted milliseconds, nearest-rank percentiles.</summary>
internal static class Percentiles
{
    public static double[] SortedMs(IEnumerable<long> ticks)
    {
        var ms = ticks.Select(t => t / (double)TimeSpan.TicksPerMillisecond).ToArray();
        Array.Sort(ms);
        return ms;
    }

    /// <summary>Nearest-rank percentile; NaN for no samples.</summary>
    public static double Of(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double Max(double[] sorted) => sorted.Length == 0 ? double.NaN : sorted[^1];

    /// <summary>
    /// Issue 11's rule for an answer measured beside a bare endpoint: p99 ≤ max(<paramref name="floorMs"/>, 3 × the bare
    /// p99) up to 500 requests/s, ≤ 3 × above that.
    /// </summary>
    public static double BareTargetMs(double rate, double[] bareSorted, double floorMs = 10) =>
        rate <= 500 ? Math.Max(floorMs, 3 * Of(bareSorted, 0.99)) : 3 * Of(bareSorted, 0.99);
}

/// <summary>The run cannot go on (service didn't start, died, or answered nonsense).</summary>
internal sealed class LoadRunException(string message) : Exception(message);
