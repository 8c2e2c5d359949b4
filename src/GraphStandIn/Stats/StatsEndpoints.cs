using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Stats;

/// <summary><c>GET /dev/stats</c>, and the request counting behind it.</summary>
internal static class StatsEndpoints
{
    public static RouteGroupBuilder MapDevStats(this RouteGroupBuilder dev)
    {
        dev.MapGet("/stats", Get);
        return dev;
    }

    internal static IResult Get(StandInState state) => Results.Json(state.Stats.Snapshot(), GraphJson.Options);

    /// <summary>A coarse name for what a request asked for, so a load run can see reads per kind.</summary>
    public static string Kind(string method, PathString path)
    {
        if (!path.StartsWithSegments("/v1.0", out var rest))
        {
            return "dev";
        }

        var segments = (rest.Value ?? "").Trim('/').Split('/');
        var last = segments[^1].ToLowerInvariant();
        return segments[0].ToLowerInvariant() switch
        {
            "$batch" => "batch",
            "subscriptions" => "subscriptions." + method.ToLowerInvariant(),
            "groups" when last.StartsWith("delta", StringComparison.Ordinal) => "groupsDelta",
            "groups" => "groupMembers",
            "users" when segments.Length == 2 => "user",
            "users" when last.StartsWith("delta", StringComparison.Ordinal) => "calendarViewDelta",
            "users" when last == "messages" => "messages",
            "users" when last == "calendarview" => "calendarView",
            "users" when segments.Length >= 3 && segments[2].Equals("events", StringComparison.OrdinalIgnoreCase) => "event",
            "users" when segments.Length >= 3 && segments[2].Equals("presence", StringComparison.OrdinalIgnoreCase) => "presence",
            _ => "other",
        };
    }
}
