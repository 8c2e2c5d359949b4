using System.Diagnostics.Metrics;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>Counts what the webhook accepted and discarded (meter <c>PresenceBot.CalendarSync</c>), for dashboards (OpenTelemetry, dotnet-counters).</summary>
internal sealed class NotificationCounters : IDisposable
{
    public const string MeterName = "PresenceBot.CalendarSync";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _discarded;
    private readonly Counter<long> _echoes;

    public NotificationCounters()
    {
        _accepted = _meter.CreateCounter<long>("presencebot.graph.notifications.accepted");
        _discarded = _meter.CreateCounter<long>("presencebot.graph.notifications.discarded");
        _echoes = _meter.CreateCounter<long>("presencebot.graph.notifications.own_writes", description: "Notifications of our own write-back, which need no re-read");
    }

    public void Accept(int count)
    {
        _accepted.Add(count);
    }

    public void Discard(string why)
    {
        _discarded.Add(1, new KeyValuePair<string, object?>("reason", why));
    }

    public void Echo()
    {
        _echoes.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
