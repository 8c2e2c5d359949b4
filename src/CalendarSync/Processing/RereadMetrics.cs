using System.Diagnostics.Metrics;
using PresenceBot.CalendarSync.Notifications;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>How long a person's calendar re-read takes (meter <c>PresenceBot.CalendarSync</c>), by outcome and read (full or changes).</summary>
internal sealed class RereadMetrics : IDisposable
{
    private readonly Meter _meter = new(NotificationCounters.MeterName);
    private readonly Histogram<double> _duration;

    public RereadMetrics()
    {
        _duration = _meter.CreateHistogram<double>("presencebot.calendar.reread.duration", unit: "s", description: "One person's calendar re-read, Graph and database together");
    }

    public void Record(TimeSpan duration, bool full, bool succeeded) =>
        _duration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("read", full ? "full" : "changes"),
            new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));

    public void Dispose() => _meter.Dispose();
}
