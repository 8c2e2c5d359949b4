using System.Diagnostics.Metrics;
using PresenceBot.TeamsChannel.Activities;

namespace PresenceBot.TeamsChannel.Turns;

/// <summary>
/// Bot turns and how long each took (meter <c>PresenceBot.TeamsChannel</c>), by activity type and outcome only. The type
/// comes from the sender, so anything but the types the bot knows is counted as <c>other</c>.
/// </summary>
internal sealed class TurnMetrics : IDisposable
{
    public const string MeterName = "PresenceBot.TeamsChannel";

    private static readonly string[] KnownTypes = [ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate];

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _duration;

    public TurnMetrics()
    {
        _duration = _meter.CreateHistogram<double>("presencebot.bot.turn.duration", unit: "s", description: "One accepted activity, from the endpoint to the bot's answer");
    }

    public void Turn(string? activityType, bool failed, TimeSpan duration) =>
        _duration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("activity.type", KnownTypes.FirstOrDefault(t => t == activityType) ?? "other"),
            new KeyValuePair<string, object?>("outcome", failed ? "failed" : "ok"));

    public void Dispose() => _meter.Dispose();
}
