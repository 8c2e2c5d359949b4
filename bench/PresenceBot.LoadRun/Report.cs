using System.Globalization;

namespace PresenceBot.LoadRun;

/// <summary>Figures of one load run against the targets; <see cref="Passed"/> decides the exit code.</summary>
internal sealed class Report(
    LoadRunOptions options,
    LoadResult result,
    IReadOnlyList<(string When, double Rss, double Peak)> memory,
    int seedErrors,
    TimeSpan serviceCpu,
    TimeSpan loadCpu,
    double cpuPressure)
{
    private readonly double[] _latencyMs = Percentiles.SortedMs(result.LatencyTicks);
    private readonly double[] _latenessMs = Percentiles.SortedMs(result.LatenessTicks);

    public double Rate => result.Requests / result.Elapsed.TotalSeconds;

    public double P99 => Percentile(_latencyMs, 0.99);

    public double MaxRss => memory.Max(m => m.Rss);

    public double MaxPeak => memory.Max(m => m.Peak);

    public bool RateMet => Rate >= options.TargetRate;

    public bool LatencyMet => P99 <= options.TargetP99Ms;

    public bool MemoryMet => MaxPeak < options.TargetRssMb;

    public bool Correct => result.Errors == 0 && result.WrongAnswers == 0 && seedErrors == 0;

    public bool Passed => RateMet && LatencyMet && MemoryMet && Correct;

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        var seconds = result.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine("| Load run | |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(c, $"| Schedule | open loop, {options.Rate:F0} req/s offered, {options.Workers} workers, {options.DurationSeconds:F0} s, cap {options.MaxRequests} |"));
        Console.WriteLine(string.Create(c, $"| Requests | {result.Requests} in {seconds:F2} s |"));
        Console.WriteLine(string.Create(c, $"| Errors (non-200 or failed) | {result.Errors}{Kinds()} |"));
        Console.WriteLine(string.Create(c, $"| Wrong answers (sampled 1 in 25) | {result.WrongAnswers} |"));
        Console.WriteLine(string.Create(c, $"| Achieved rate | {Rate:F1} req/s |"));
        Console.WriteLine(string.Create(c, $"| Latency p50 / p90 / p99 / max | {Percentile(_latencyMs, 0.5):F2} / {Percentile(_latencyMs, 0.9):F2} / {P99:F2} / {_latencyMs[^1]:F2} ms |"));
        Console.WriteLine(string.Create(c, $"| Send lateness vs schedule p50 / p99 / max | {Percentile(_latenessMs, 0.5):F2} / {Percentile(_latenessMs, 0.99):F2} / {_latenessMs[^1]:F2} ms |"));
        Console.WriteLine(string.Create(c, $"| Service CPU during load | {serviceCpu.TotalSeconds:F1} s ({serviceCpu.TotalSeconds / seconds * 100:F0} % of one core) |"));
        Console.WriteLine(string.Create(c, $"| Load generator CPU | {loadCpu.TotalSeconds:F1} s ({loadCpu.TotalSeconds / seconds * 100:F0} % of one core) |"));
        Console.WriteLine(string.Create(c, $"| CPU pressure during load (/proc/pressure/cpu, some) | {cpuPressure:F0} % of the time something waited for a CPU |"));
        foreach (var (when, rss, peak) in memory)
        {
            Console.WriteLine(string.Create(c, $"| Service memory {when} | VmRSS {rss:F0} MB, VmHWM {peak:F0} MB |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"rate   {(RateMet ? "PASS" : "FAIL")}: {Rate:F1} req/s (target >= {options.TargetRate:F0})"));
        Console.WriteLine(string.Create(c, $"p99    {(LatencyMet ? "PASS" : "FAIL")}: {P99:F2} ms (target <= {options.TargetP99Ms:F0})"));
        Console.WriteLine(string.Create(c, $"memory {(MemoryMet ? "PASS" : "FAIL")}: peak resident {MaxPeak:F0} MB (target < {options.TargetRssMb:F0})"));
        Console.WriteLine($"errors {(Correct ? "PASS" : "FAIL")}: {result.Errors} failed, {result.WrongAnswers} wrong, {seedErrors} seeding errors");
        Console.WriteLine(Passed ? "RESULT: PASS" : "RESULT: FAIL");
    }

    private string Kinds() =>
        result.ErrorKinds.Count == 0 ? string.Empty : " (" + string.Join(", ", result.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")) + ")";

    private static double Percentile(double[] sorted, double p) => Percentiles.Of(sorted, p);
}
