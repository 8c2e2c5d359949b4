using Microsoft.AspNetCore.Http;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// The query options of a message list, checked: <c>$filter</c>, <c>$select</c>, <c>$expand</c> (only
/// <c>singleValueExtendedProperties($filter=…)</c>) and <c>$top</c>. Any other option is refused rather than ignored.
/// </summary>
internal sealed record MessageQuery
{
    private const int MaxTop = 1000;

    private static readonly string[] Supported = ["$filter", "$select", "$expand", "$top"];

    /// <summary>Every message with every property and extended property: what the dev API shows.</summary>
    public static readonly MessageQuery Everything = new() { ExpandProperties = _ => true };

    public Func<StandInMessage, bool> Filter { get; private init; } = _ => true;

    /// <summary>The properties asked for; null = all of them.</summary>
    public IReadOnlyList<string>? Select { get; private init; }

    /// <summary>Which extended properties to include; null = none (not expanded).</summary>
    public Func<ExtendedProperty, bool>? ExpandProperties { get; private init; }

    /// <summary>Throws <see cref="QueryException"/> for what the stand-in does not serve.</summary>
    public static MessageQuery Parse(IQueryCollection query)
    {
        if (query.Keys.FirstOrDefault(k => !Supported.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } other)
        {
            throw QueryException.Unsupported($"the query option '{other}' on messages (it serves {string.Join(", ", Supported)})");
        }

        var top = query["$top"].ToString();
        if (top.Length > 0 && (!int.TryParse(top, out var size) || size is < 1 or > MaxTop))
        {
            throw QueryException.Invalid($"The value of $top must be a whole number from 1 to {MaxTop}.");
        }

        var filter = query["$filter"].ToString();
        var select = query["$select"].ToString();
        var expand = query["$expand"].ToString();
        return new MessageQuery
        {
            Filter = filter.Length > 0 ? FilterParser.ForMessages(filter) : _ => true,
            Select = select.Length > 0 ? Selected(select) : null,
            ExpandProperties = expand.Length > 0 ? FilterParser.ForExpand(expand) : null,
        };
    }

    private static List<string> Selected(string select)
    {
        var names = select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.FirstOrDefault(n => !MessageJson.Properties.Contains(n, StringComparer.OrdinalIgnoreCase));
        return unknown is null
            ? [.. names.Select(n => MessageJson.Properties.First(p => p.Equals(n, StringComparison.OrdinalIgnoreCase)))]
            : throw new QueryException("RequestBroker--ParseUri", $"Could not find a property named '{unknown}' on type 'Microsoft.OutlookServices.Message'.");
    }
}
