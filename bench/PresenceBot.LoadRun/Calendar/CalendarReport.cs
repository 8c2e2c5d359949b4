using System.Globalization;

namespace PresenceBot.LoadRun.Calendar;

/// <summary>Figures of one calendar run against issue 3's targets; <see cref="Passed"/> decides the exit code.</summary>
internal sealed class CalendarReport(CalendarRunOptions options)
{
    private double[]? _postMs;
    private double[]? _bareMs;
    private double[]? _latenessMs;
    private double[]? _probeMs;

    public required int Coupled { get; init; }

    public required int Events { get; init; }

    public required TimeSpan Ready { get; init; }

    public required TimeSpan FirstSync { get; init; }

    public required bool FirstSyncDone { get; init; }

    public required long Synced { get; init; }

    public required long Referrals { get; init; }

    public required long ReferredPeople { get; init; }

    public required TimeSpan Subscribed { get; init; }

    public required OpenLoopResult Posts { get; init; }

    /// <summary>The same load against a bare Kestrel endpoint in the same run (<see cref="BareEndpoint"/>).</summary>
    public required OpenLoopResult BarePosts { get; init; }

    public required long Accepted { get; init; }

    public required long StandInDelivered { get; init; }

    public required long StandInFailed { get; init; }

    public required long Unprocessed { get; init; }

    public required bool Drained { get; init; }

    public required TimeSpan DrainTime { get; init; }

    public required ProbeResult Probes { get; init; }

    public required TimeSpan ServiceCpu { get; init; }

    public required TimeSpan OwnCpu { get; init; }

    public required double CpuPressure { get; init; }

    public required TimeSpan LoadElapsed { get; init; }

    public required IReadOnlyList<(string When, double Rss, double Peak)> Memory { get; init; }

    private double[] PostMs => _postMs ??= Percentiles.SortedMs(Posts.LatencyTicks);

    private double[] BareMs => _bareMs ??= Percentiles.SortedMs(BarePosts.LatencyTicks);

    /// <summary>Issue 11: p99 ≤ max(10 ms, 3 × the bare endpoint's p99) up to 500 notifications/s, ≤ 3 × above.</summary>
    private double FloorTargetMs => Percentiles.BareTargetMs(options.Rate, BareMs);

    public bool FloorMet => Percentiles.Of(PostMs, 0.99) <= FloorTargetMs;

    private double[] LatenessMs => _latenessMs ??= Percentiles.SortedMs(Posts.LatenessTicks);

    private double[] ProbeMs => _probeMs ??= Percentiles.SortedMs(Probes.VisibleTicks);

    public double NotificationRate => Posts.SendRate * options.PerPost;

    public bool FirstSyncMet => FirstSyncDone && FirstSync.TotalSeconds <= options.TargetFirstSyncSeconds && ReferredPeople >= Coupled;

    public bool RateMet => NotificationRate >= options.Rate * 0.995 && Posts.Requests * options.PerPost >= options.Rate * options.DurationSeconds * 0.995;

    public bool LatencyMet => Percentiles.Of(PostMs, 0.99) <= options.TargetP99Ms;

    /// <summary>
    /// Accepted = processed: every 202'd notification of ours and every one the stand-in delivered was recorded as a
    /// re-read request before the 202, and the calendar work in the queue is worked off to zero (a person's item leaves
    /// only when a re-read claimed after their last request completed). Errors fail the run on their own (see <see cref="Passed"/>).
    /// </summary>
    public bool NoneLost =>
        StandInFailed == 0 && Drained && Unprocessed == 0;

    public bool NoErrors => Posts.Errors == 0;

    public bool ProbesMet => Probes.Missed == 0 && Probes.Probes > 0 && Percentiles.Of(ProbeMs, 0.95) <= options.TargetProbeP95Ms;

    public bool Passed => FirstSyncMet && RateMet && FloorMet && NoneLost && NoErrors && ProbesMet;

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        var seconds = LoadElapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine("| Calendar load run | |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(c, $"| Stand-in calendars | {Coupled} coupled people, {Events} events, yesterday to {options.Days} days ahead |"));
        Console.WriteLine(string.Create(c, $"| Service ready (/readyz) | {Ready.TotalSeconds:F1} s after start |"));
        Console.WriteLine(string.Create(c, $"| First sync (every coupled person has a sync state) | {FirstSync.TotalSeconds:F1} s after start, {Synced}/{Coupled} people; {Referrals} referrals for {ReferredPeople} people |"));
        Console.WriteLine(string.Create(c, $"| All subscribed | {Subscribed.TotalSeconds:F1} s after start |"));
        Console.WriteLine(string.Create(c, $"| Schedule | open loop, {options.Rate:F0} notifications/s as {options.PostRate:F0} POSTs/s of {options.PerPost}, {options.Workers} workers, {options.DurationSeconds:F0} s, cap {options.MaxNotifications}, aimed at {(options.Focus == 0 ? "every subscribed person" : $"{options.Focus} people")} |"));
        Console.WriteLine(string.Create(c, $"| POSTs | {Posts.Requests} in {Posts.Elapsed.TotalSeconds:F2} s, sent at {NotificationRate:F1} notifications/s |"));
        Console.WriteLine(string.Create(c, $"| Errors (non-202 or failed) | {Posts.Errors}{Kinds()} |"));
        Console.WriteLine(string.Create(c, $"| Webhook answer p50 / p90 / p99 / max | {Percentiles.Of(PostMs, 0.5):F2} / {Percentiles.Of(PostMs, 0.9):F2} / {Percentiles.Of(PostMs, 0.99):F2} / {Percentiles.Max(PostMs):F2} ms |"));
        Console.WriteLine(string.Create(c, $"| Bare Kestrel endpoint, same load, same time: p50 / p90 / p99 / max | {Percentiles.Of(BareMs, 0.5):F2} / {Percentiles.Of(BareMs, 0.9):F2} / {Percentiles.Of(BareMs, 0.99):F2} / {Percentiles.Max(BareMs):F2} ms ({BarePosts.Errors} errors) |"));
        Console.WriteLine(string.Create(c, $"| Send lateness vs schedule p50 / p99 / max | {Percentiles.Of(LatenessMs, 0.5):F2} / {Percentiles.Of(LatenessMs, 0.99):F2} / {Percentiles.Max(LatenessMs):F2} ms |"));
        Console.WriteLine(string.Create(c, $"| Booking → referral visible p50 / p95 / max | {Percentiles.Of(ProbeMs, 0.5):F0} / {Percentiles.Of(ProbeMs, 0.95):F0} / {Percentiles.Max(ProbeMs):F0} ms ({Probes.Probes} probes, {Probes.Missed} not visible in {options.ProbeTimeoutSeconds:F0} s) |"));
        Console.WriteLine(string.Create(c, $"| Accepted | {Accepted} ours (202 × {options.PerPost}) + {StandInDelivered} the stand-in's own = {Accepted + StandInDelivered} (stand-in gave up on {StandInFailed}) |"));
        Console.WriteLine(string.Create(c, $"| Calendar work items left | {Unprocessed}, worked off {DrainTime.TotalSeconds:F1} s after the load{(Drained ? "" : " (gave up waiting)")} |"));
        Console.WriteLine(string.Create(c, $"| Service CPU during load | {ServiceCpu.TotalSeconds:F1} s ({ServiceCpu.TotalSeconds / seconds * 100:F0} % of one core) |"));
        Console.WriteLine(string.Create(c, $"| Load generator + stand-in CPU | {OwnCpu.TotalSeconds:F1} s ({OwnCpu.TotalSeconds / seconds * 100:F0} % of one core) |"));
        Console.WriteLine(string.Create(c, $"| CPU pressure during load (/proc/pressure/cpu, some) | {CpuPressure:F0} % of the time something waited for a CPU |"));
        foreach (var (when, rss, peak) in Memory)
        {
            Console.WriteLine(string.Create(c, $"| Service memory {when} | VmRSS {rss:F0} MB, VmHWM {peak:F0} MB |"));
        }

        foreach (var example in Probes.Examples)
        {
            Console.WriteLine($"probe: {example}");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"first sync {Verdict(FirstSyncMet)}: {FirstSync.TotalSeconds:F1} s, {ReferredPeople}/{Coupled} people with referrals (target <= {options.TargetFirstSyncSeconds:F0} s)"));
        Console.WriteLine(string.Create(c, $"rate       {Verdict(RateMet)}: {NotificationRate:F1} notifications/s for {Posts.LastSend.TotalSeconds:F1} s (target {options.Rate:F0} for {options.DurationSeconds:F0} s)"));
        Console.WriteLine(string.Create(c, $"p99        {Verdict(FloorMet)}: {Percentiles.Of(PostMs, 0.99):F2} ms against a bare endpoint's {Percentiles.Of(BareMs, 0.99):F2} ms (target <= {FloorTargetMs:F2}; issue 3's fixed {options.TargetP99Ms:F0} ms: {Verdict(LatencyMet)})"));
        Console.WriteLine(string.Create(c, $"lost       {Verdict(NoneLost)}: accepted {Accepted + StandInDelivered}, calendar work left unprocessed {Unprocessed}"));
        Console.WriteLine(string.Create(c, $"errors     {Verdict(NoErrors)}: {Posts.Errors} POSTs not answered 202{Kinds()}"));
        Console.WriteLine(string.Create(c, $"visible    {Verdict(ProbesMet)}: p95 {Percentiles.Of(ProbeMs, 0.95):F0} ms, {Probes.Missed} missed (target <= {options.TargetProbeP95Ms:F0} ms)"));
        Console.WriteLine(Passed ? "RESULT: PASS" : "RESULT: FAIL");
    }

    private static string Verdict(bool met) => met ? "PASS" : "FAIL";

    private string Kinds() =>
        Posts.ErrorKinds.Count == 0 ? string.Empty : " (" + string.Join(", ", Posts.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")) + ")";
}
