using System.Diagnostics.Metrics;

namespace PresenceBot.Publishing;

/// <summary>Publish lag per destination (meter <c>PresenceBot.Publishing</c>); dead letters are the work queue's, per kind.</summary>
internal sealed class PublishMetrics : IDisposable
{
    public const string MeterName = "PresenceBot.Publishing";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _lag;

    public PublishMetrics()
    {
        _lag = _meter.CreateHistogram<double>("presencebot.publish.lag", unit: "s", description: "From a state's first computation to the destination taking it");
    }

    public void Delivered(string destination, TimeSpan lag) => _lag.Record(lag.TotalSeconds, new KeyValuePair<string, object?>("destination", destination));

    public void Dispose() => _meter.Dispose();
}
