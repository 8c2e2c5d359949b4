using System.Diagnostics.Metrics;
using PresenceBot.Referrals.Reminders;

namespace PresenceBot.Reminders;

/// <summary>Reminders and alerts sent and failed (meter <c>PresenceBot.Reminders</c>), tagged by kind only, never by recipient.</summary>
internal sealed class ReminderMetrics : IDisposable
{
    public const string MeterName = "PresenceBot.Reminders";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    public ReminderMetrics()
    {
        _sent = _meter.CreateCounter<long>("presencebot.reminders.sent", description: "Reminders and alerts delivered to Teams");
        _failed = _meter.CreateCounter<long>("presencebot.reminders.failed", description: "Reminders and alerts that could not be delivered (tried again by the next run)");
    }

    public void Sent(ReminderKind kind) => _sent.Add(1, Tag(kind));

    public void Failed(ReminderKind kind) => _failed.Add(1, Tag(kind));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(ReminderKind kind) => new("kind", kind.ToString());
}
