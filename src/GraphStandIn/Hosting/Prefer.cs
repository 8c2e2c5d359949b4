using Microsoft.AspNetCore.Http;
using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Hosting;

/// <summary>
/// Reads Graph's <c>Prefer</c> preferences: <c>outlook.timezone="…"</c> and <c>odata.maxpagesize=N</c>. They may
/// come in one header separated by commas or in several headers.
/// </summary>
internal static class Prefer
{
    public static string? Value(HttpRequest request, string name)
    {
        foreach (var header in request.Headers["Prefer"])
        {
            foreach (var part in (header ?? "").Split(','))
            {
                var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair.Length == 2 && pair[0].Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return pair[1].Trim('"');
                }
            }
        }

        return null;
    }

    /// <summary>The zone times are written in; null when the header names an unknown zone.</summary>
    public static OutputZone? Zone(HttpRequest request)
    {
        var name = Value(request, "outlook.timezone");
        if (name is null)
        {
            return OutputZone.Utc;
        }

        return GraphZones.Find(name) is { } zone ? new OutputZone(zone, name) : null;
    }

    /// <summary>Page size from <c>$top</c> and <c>odata.maxpagesize</c> (the smaller wins), Graph's 10 otherwise.</summary>
    public static int PageSize(HttpRequest request, int fallback)
    {
        var size = int.MaxValue;
        if (int.TryParse(request.Query["$top"], out var top) && top > 0)
        {
            size = top;
        }

        if (int.TryParse(Value(request, "odata.maxpagesize"), out var max) && max > 0)
        {
            size = Math.Min(size, max);
        }

        return size == int.MaxValue ? fallback : size;
    }
}
