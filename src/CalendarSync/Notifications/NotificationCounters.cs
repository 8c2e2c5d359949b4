using System.Diagnostics.Metrics;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>Counts what the webhook accepted and discarded (meter <c>PresenceBot.CalendarSync</c>), for dashboards and load runs.</summary>
internal sealed class NotificationCounters : IDisposable
{
    public const string MeterName = "PresenceBot.CalendarSync";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _discarded;
    private long _acceptedTotal;
    private long _discardedTotal;

    public NotificationCounters()
    {
        _accepted = _meter.CreateCounter<long>("presencebot.graph.notifications.accepted");
        _discarded = _meter.CreateCounter<long>("presencebot.graph.notifications.discarded");
    }

    public long Accepted => Interlocked.Read(ref _acceptedTotal);

    public long Discarded => Interlocked.Read(ref _discardedTotal);

    public void Accept(int count)
    {
        _accepted.Add(count);
        Interlocked.Add(ref _acceptedTotal, count);
    }

    public void Discard(string why)
    {
        _discarded.Add(1, new KeyValuePair<string, object?>("reason", why));
        Interlocked.Increment(ref _discardedTotal);
    }

    public void Dispose() => _meter.Dispose();
}
