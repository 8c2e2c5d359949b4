using System.Diagnostics.Metrics;
using PresenceBot.CalendarSync.Notifications;

namespace PresenceBot.CalendarSync.Graph;

/// <summary>
/// What Graph answers, on meter <c>PresenceBot.CalendarSync</c>: throttling (429) and errors (4xx/5xx by status, or no
/// answer at all), counted per attempt on the wire, so the SDK's own retries show too. Tagged by status only.
/// </summary>
internal sealed class GraphMetrics : IDisposable
{
    private readonly Meter _meter = new(NotificationCounters.MeterName);
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _errors;

    public GraphMetrics()
    {
        _throttled = _meter.CreateCounter<long>("presencebot.graph.throttled", description: "Graph answers 429 Too Many Requests");
        _errors = _meter.CreateCounter<long>("presencebot.graph.errors", description: "Graph answers 4xx/5xx, and requests that got no answer");
    }

    public void Answered(int status)
    {
        if (status == 429)
        {
            _throttled.Add(1);
        }

        if (status >= 400)
        {
            _errors.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status));
        }
    }

    public void NoAnswer(Exception error) => _errors.Add(1, new KeyValuePair<string, object?>("error.type", error.GetType().Name));

    public void Dispose() => _meter.Dispose();
}
