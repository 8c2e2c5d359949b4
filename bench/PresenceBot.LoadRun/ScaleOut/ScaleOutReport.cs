using System.Globalization;

namespace PresenceBot.LoadRun.ScaleOut;

/// <summary>Figures of one two-instance run; <see cref="Passed"/> decides the exit code.</summary>
internal sealed class ScaleOutReport(ScaleOutRunOptions options)
{
    private double[]? _postMs;
    private double[]? _bareMs;

    public required int Coupled { get; init; }

    public required OpenLoopResult Posts { get; init; }

    public required OpenLoopResult BarePosts { get; init; }

    public required long Accepted { get; init; }

    public required long Rerouted { get; init; }

    public required string RerouteCauses { get; init; }

    public required long StandInDelivered { get; init; }

    public required long StandInFailed { get; init; }

    public required long Unprocessed { get; init; }

    public required bool Drained { get; init; }

    public required TimeSpan DrainTime { get; init; }

    public required long DeadLetters { get; init; }

    public required long Subscriptions { get; init; }

    public required int StandInSubscriptions { get; init; }

    public required TimeSpan KilledAt { get; init; }

    public required TimeSpan RestartedAt { get; init; }

    public required TimeSpan LoadElapsed { get; init; }

    private double[] PostMs => _postMs ??= Percentiles.SortedMs(Posts.LatencyTicks);

    private double[] BareMs => _bareMs ??= Percentiles.SortedMs(BarePosts.LatencyTicks);

    /// <summary>As the calendar mode: p99 ≤ max(10 ms, 3 × the bare endpoint's p99) up to 500 notifications/s.</summary>
    private double FloorTargetMs => Percentiles.BareTargetMs(options.Rate, BareMs, options.TargetP99Ms);

    public bool FloorMet => Percentiles.Of(PostMs, 0.99) <= FloorTargetMs;

    /// <summary>Every 202 (ours and the stand-in's) was followed by a re-read: no due calendar work left, none dead.</summary>
    public bool NoneLost => StandInFailed == 0 && Drained && Unprocessed == 0 && DeadLetters == 0;

    /// <summary>A refused connection is rerouted to the other instance, so no POST may fail outright, not even during the kill.</summary>
    public bool NoErrors => Posts.Errors == 0;

    public bool OneSetOfSubscriptions => Subscriptions == Coupled && StandInSubscriptions == Coupled;

    public bool Passed => FloorMet && NoneLost && NoErrors && OneSetOfSubscriptions;

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| Two instances on one PostgreSQL | |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(c, $"| Schedule | open loop, {options.Rate:F0} notifications/s as {options.PostRate:F0} POSTs/s of {options.PerPost}, {options.Workers} workers, {options.DurationSeconds:F0} s, to A and B in turn |"));
        Console.WriteLine(string.Create(c, $"| Kill | A SIGKILLed {KilledAt.TotalSeconds:F1} s in, started again {RestartedAt.TotalSeconds:F1} s in; {Rerouted} POSTs rerouted to the other instance{(Rerouted == 0 ? "" : $" ({RerouteCauses})")} |"));
        Console.WriteLine(string.Create(c, $"| POSTs | {Posts.Requests} in {Posts.Elapsed.TotalSeconds:F2} s ({Posts.SendRate * options.PerPost:F1} notifications/s); {Posts.Errors} not answered 202{Kinds()} |"));
        Console.WriteLine(string.Create(c, $"| Webhook answer p50 / p90 / p99 / max | {Percentiles.Of(PostMs, 0.5):F2} / {Percentiles.Of(PostMs, 0.9):F2} / {Percentiles.Of(PostMs, 0.99):F2} / {Percentiles.Max(PostMs):F2} ms |"));
        Console.WriteLine(string.Create(c, $"| Bare Kestrel endpoint, same load, same time: p50 / p90 / p99 / max | {Percentiles.Of(BareMs, 0.5):F2} / {Percentiles.Of(BareMs, 0.9):F2} / {Percentiles.Of(BareMs, 0.99):F2} / {Percentiles.Max(BareMs):F2} ms ({BarePosts.Errors} errors) |"));
        Console.WriteLine(string.Create(c, $"| Accepted | {Accepted} ours + {StandInDelivered} the stand-in's own (stand-in gave up on {StandInFailed}) |"));
        Console.WriteLine(string.Create(c, $"| Calendar work due and left | {Unprocessed}, worked off {DrainTime.TotalSeconds:F1} s after the load{(Drained ? "" : " (gave up waiting)")}; {DeadLetters} dead letters |"));
        Console.WriteLine(string.Create(c, $"| Subscriptions | {Subscriptions} stored, {StandInSubscriptions} in the stand-in, for {Coupled} coupled people |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"p99     {Verdict(FloorMet)}: {Percentiles.Of(PostMs, 0.99):F2} ms against a bare endpoint's {Percentiles.Of(BareMs, 0.99):F2} ms (target <= {FloorTargetMs:F2})"));
        Console.WriteLine(string.Create(c, $"lost    {Verdict(NoneLost)}: calendar work left unprocessed {Unprocessed}, dead letters {DeadLetters}"));
        Console.WriteLine(string.Create(c, $"errors  {Verdict(NoErrors)}: {Posts.Errors} POSTs not answered 202{Kinds()}"));
        Console.WriteLine(string.Create(c, $"subs    {Verdict(OneSetOfSubscriptions)}: {Subscriptions} stored / {StandInSubscriptions} in Graph for {Coupled}"));
        Console.WriteLine(Passed ? "RESULT: PASS" : "RESULT: FAIL");
    }

    private static string Verdict(bool met) => met ? "PASS" : "FAIL";

    private string Kinds() =>
        Posts.ErrorKinds.Count == 0 ? string.Empty : " (" + string.Join(", ", Posts.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")) + ")";
}
