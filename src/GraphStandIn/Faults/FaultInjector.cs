using PresenceBot.GraphStandIn.Stats;

namespace PresenceBot.GraphStandIn.Faults;

/// <summary>The armed fault rules; each matching request uses up one count of the first rule that matches.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Remaining)> _rules = [];
    private readonly StatsCounters _stats;

    internal FaultInjector(StatsCounters stats) => _stats = stats;

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Count <= 0)
        {
            throw new ArgumentException("count must be positive.", nameof(rule));
        }

        lock (_gate)
        {
            _rules.Add((rule, rule.Count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The rule this Graph path (e.g. "/users/x/events") should suffer, if any.</summary>
    internal FaultRule? Take(string graphPath)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if (!Matches(rule, graphPath))
                {
                    continue;
                }

                if (remaining <= 1)
                {
                    _rules.RemoveAt(i);
                }
                else
                {
                    _rules[i] = (rule, remaining - 1);
                }

                _stats.Fault();
                return rule;
            }

            return null;
        }
    }

    private static bool Matches(FaultRule rule, string graphPath)
    {
        if (string.IsNullOrEmpty(rule.PathPrefix))
        {
            return true;
        }

        var prefix = rule.PathPrefix.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase) ? rule.PathPrefix[5..] : rule.PathPrefix;
        prefix = "/" + prefix.TrimStart('/');
        return graphPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }
}
