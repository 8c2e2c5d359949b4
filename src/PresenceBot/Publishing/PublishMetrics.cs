using System.Diagnostics.Metrics;

namespace PresenceBot.Publishing;

/// <summary>Publish lag per destination (meter <c>PresenceBot.Publishing</c>); dead letters are the work queue's, per kind.</summary>
internal sealed class PublishMetrics
{
    public const string MeterName = "PresenceBot.Publishing";

    private readonly Histogram<double> _lag;

    /// <summary>The meter is the host's (its factory disposes it), so a listener can tell this host's from another's.</summary>
    public PublishMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _lag = meters.Create(MeterName).CreateHistogram<double>("presencebot.publish.lag", unit: "s", description: "From a state's first computation to the destination taking it");
    }

    public void Delivered(string destination, TimeSpan lag) => _lag.Record(lag.TotalSeconds, new KeyValuePair<string, object?>("destination", destination));
}
