using System.Diagnostics.Metrics;
using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>
/// The queue on meter <c>PresenceBot.WorkQueue</c>, per kind: items waiting, the oldest one's age, dead letters
/// (gauges, from the worker's last look at the tables), items processed, failed and dead-lettered (counters) and the lag
/// from a request to its work done (histogram; for kind <c>referral-changed</c> this is the outbox's lag).
/// </summary>
internal sealed class WorkQueueMetrics : IDisposable
{
    public const string MeterName = "PresenceBot.WorkQueue";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _processed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _lag;
    private volatile IReadOnlyList<WorkKindStatus> _status = [];

    public WorkQueueMetrics()
    {
        _processed = _meter.CreateCounter<long>("presencebot.work.processed");
        _failed = _meter.CreateCounter<long>("presencebot.work.failed");
        _deadLettered = _meter.CreateCounter<long>("presencebot.work.dead_lettered");
        _lag = _meter.CreateHistogram<double>("presencebot.work.lag", unit: "s", description: "From the request (or the event's commit) to its work done");
        _meter.CreateObservableGauge("presencebot.work.depth", () => _status.Select(s => new Measurement<long>(s.Waiting, Tag(s.Kind))));
        _meter.CreateObservableGauge("presencebot.work.oldest_age", () => _status.Select(s => new Measurement<double>(s.OldestAge.TotalSeconds, Tag(s.Kind))), "s");
        _meter.CreateObservableGauge("presencebot.work.dead_letters", () => _status.Select(s => new Measurement<long>(s.DeadLetters, Tag(s.Kind))));
    }

    /// <summary>The last look at the tables (also for /readyz).</summary>
    public IReadOnlyList<WorkKindStatus> Status => _status;

    public void Processed(string kind, TimeSpan lag)
    {
        _processed.Add(1, Tag(kind));
        _lag.Record(Math.Max(0, lag.TotalSeconds), Tag(kind));
    }

    public void Failed(string kind) => _failed.Add(1, Tag(kind));

    public void DeadLettered(string kind) => _deadLettered.Add(1, Tag(kind));

    public void Observe(IReadOnlyList<WorkKindStatus> status) => _status = status;

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(string kind) => new("kind", kind);
}
