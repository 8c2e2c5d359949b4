using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PresenceBot.GraphStandIn.Mail;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// The query options of an event read: <c>$expand=singleValueExtendedProperties($filter=…)</c>, <c>$select</c>
/// and, on the events list, <c>$filter=singleValueExtendedProperties/any(…)</c> (the mail parser's). Throws
/// <see cref="QueryException"/> for what the stand-in does not serve; options outside <c>served</c> are left alone.
/// </summary>
internal sealed record EventQuery
{
    public Func<StandInEvent, bool> Filter { get; private init; } = _ => true;

    /// <summary>The properties asked for; null = all of them.</summary>
    public IReadOnlyList<string>? Select { get; private init; }

    /// <summary>Which extended properties to write; null = none (not expanded).</summary>
    public Func<ExtendedProperty, bool>? ExpandProperties { get; private init; }

    public static EventQuery Parse(IQueryCollection query, bool withFilter)
    {
        var filter = query["$filter"].ToString();
        if (filter.Length > 0 && !withFilter)
        {
            throw QueryException.Unsupported("$filter here (only on /users/{id}/events)");
        }

        var select = query["$select"].ToString();
        var expand = query["$expand"].ToString();
        return new EventQuery
        {
            Filter = filter.Length > 0 ? FilterParser.ForEvents(filter) : _ => true,
            Select = select.Length > 0 ? select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null,
            ExpandProperties = expand.Length > 0 ? FilterParser.ForExpand(expand) : null,
        };
    }

    /// <summary>The event in Graph's shape, cut to <see cref="Select"/> (Graph always keeps <c>@odata.etag</c> and <c>id</c>).</summary>
    public JsonObject Render(EventInstance instance, OutputZone zone)
    {
        var json = EventJson.Render(instance, zone, ExpandProperties);
        if (Select is null)
        {
            return json;
        }

        if (Select.FirstOrDefault(n => !json.Any(p => p.Key.Equals(n, StringComparison.OrdinalIgnoreCase))) is { } unknown)
        {
            throw new QueryException("RequestBroker--ParseUri", $"Could not find a property named '{unknown}' on type 'Microsoft.OutlookServices.Event'.");
        }

        var kept = json
            .Where(p => p.Key is "@odata.etag" or "id" or "singleValueExtendedProperties" || Select.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()));
        return new JsonObject(kept);
    }
}
